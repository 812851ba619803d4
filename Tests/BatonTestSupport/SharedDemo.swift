import BatonModel
import Foundation
import WorkspaceStore

/// A fresh demo workspace on the test server (`BATON_TEST_POSTGRES`), opened as the login of
/// one of its people, as a teammate opens it: the actor is the login, the database's grants
/// and row-level policies bind it, and its audit rows are stamped with it. Each is a copy of
/// one template made once a test run (the demo at `Fixtures.today`, every person with a
/// login `<template>_<handle>`), dropped when let go.
public final class SharedDemo {
  public let workspace: Workspace
  private let database: ScratchDatabase

  /// The demo, opened as the login of the person `handle`.
  public init(actingAs handle: String) throws {
    let template = try Self.template.get()
    database = try ScratchDatabase(template: template.name)
    let location = try PostgresLocation.parse(
      database.url(as: "\(template.name)_\(handle)"), environment: [:], passwordAllowed: true)
    do {
      workspace = try Workspace.open(server: location)
    } catch {
      database.drop()
      throw error
    }
  }

  deinit {
    workspace.close()
    database.drop()
  }

  /// The template: the demo, and a login for each person mapped to them with their role's
  /// group, written directly (no audit rows: a copy's log starts as a file's does).
  private static let template = Result<ScratchDatabase, any Error> {
    let database = try ScratchDatabase()
    let location = try PostgresLocation.parse(database.url, environment: [:], passwordAllowed: true)
    try Workspace.create(on: location, content: .demo(today: Fixtures.today), force: false)
    let people = try database.psql(input: "SELECT handle || ' ' || role FROM person ORDER BY id")
    var statements: [String] = []
    for line in people.split(separator: "\n") {
      let parts = line.split(separator: " ")
      guard parts.count == 2 else { continue }
      let (handle, role) = (String(parts[0]), String(parts[1]))
      let login = "\(database.name)_\(handle)"
      statements += [
        "CREATE ROLE \(login) LOGIN",
        "INSERT INTO login (name, person_id) SELECT '\(login)', id FROM person WHERE handle = '\(handle)'",
        "GRANT \(database.name)_\(role) TO \(login)",
      ]
    }
    try database.psql(input: statements.joined(separator: ";\n") + ";")
    return database
  }
}
