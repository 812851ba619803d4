import BatonModel
import BatonTestSupport
import Foundation
import GRDB
import Testing

@testable import WorkspaceStore

/// `baton init postgres://…` on a real server (`BATON_TEST_POSTGRES`; skipped without one,
/// and `PostgresSchemaTests` fails under CI when none is given).
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct PostgresInitTests {
  static let today = Day(year: 2026, month: 12, day: 2)

  static func location(_ database: ScratchDatabase) throws -> PostgresLocation {
    try PostgresLocation.parse(database.url, environment: [:], passwordAllowed: true)
  }

  /// Each table's row count, as "table n".
  static func counts(in database: ScratchDatabase, tables: [String]) throws -> [String] {
    try tables.map { table in "\(table) \(try database.psql(input: "SELECT count(*) FROM \"\(table)\""))" }
  }

  static func tables() throws -> [String] {
    let queue = try DatabaseQueue()
    try Migrations.migrator.migrate(queue)
    return try queue.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence'")
    }
  }

  @Test func theDemoCompanyIsMadeOnTheServerRowForRow() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    try Workspace.create(on: try Self.location(database), content: .demo(today: Self.today), force: false)

    let tables = try Self.tables()
    let file = try Workspace.inMemory(.demo(today: Self.today))
    let expected = try file.fileQueue("a test").read { db in
      try tables.map { table in "\(table) \(try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? -1)" }
    }
    let actual = try Self.counts(in: database, tables: tables)
    // The server's workspace maps its admin's login to a person, and records the revision of
    // its server parts; a file has no logins and no such setting.
    let shared = { (count: String) in !count.hasPrefix("login ") && !count.hasPrefix("setting ") }
    #expect(actual.filter(shared) == expected.filter(shared))
    #expect(actual.contains("login 1") && expected.contains("login 0"))
    let settings = { (counts: [String]) in counts.first { $0.hasPrefix("setting ") }.flatMap { Int($0.dropFirst(8)) } }
    #expect(settings(actual) == settings(expected).map { $0 + 1 })
    #expect(try database.psql(input: "SELECT value FROM setting WHERE key = 'server_revision'") == "2")
    #expect(expected.contains { $0.hasPrefix("deal ") && $0 != "deal 0" })
    // The same records, not only as many: deal 42 as the file has it.
    let dealInFile = try file.fileQueue("a test").read { db in
      try String.fetchOne(db, sql: "SELECT name || '|' || stage_id || '|' || amount FROM deal WHERE id = 42")
    }
    #expect(
      try database.psql(input: "SELECT name || '|' || stage_id || '|' || amount FROM deal WHERE id = 42") == dealInFile)
    // The next record made on the server takes the next number, as in the file.
    let highest = try database.psql(input: "SELECT max(id) FROM deal")
    #expect(
      try database.psql(input: "SELECT nextval(pg_get_serial_sequence('deal', 'id'))") == "\((Int(highest) ?? 0) + 1)")
    // Its tables are vacuumed and analyzed as made (by baton, not by autovacuum).
    #expect(
      try database.psql(
        input:
          "SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'deal'")
        == "t")
    // The login that made it is its admin.
    #expect(
      try database.psql(input: "SELECT l.name || ' ' || p.handle FROM login l JOIN person p ON p.id = l.person_id")
        == "postgres morgan")
  }

  /// Rows are copied in COPY's text format, where a tab, a line end and a backslash are
  /// markup: text holding them arrives as written, and an empty text stays empty, not NULL.
  @Test func textWithCopysMarkupArrivesAsWritten() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    var model = try Workspace.inMemory(.demo(today: Self.today)).operatingModel()
    model.stages[0].definition = "tab\there, back\\slash, \\N, line\nend\r\nand “quotes”"
    model.stages[1].definition = ""
    try Workspace.create(on: try Self.location(database), content: .model(model, today: Self.today), force: false)
    let id = model.stages[0].id
    #expect(
      try database.psql(
        input:
          "SELECT definition = E'tab\\there, back\\\\slash, \\\\N, line\\nend\\r\\nand “quotes”' FROM stage WHERE id = '\(id)'"
      )
        == "t")
    #expect(
      try database.psql(input: "SELECT definition = '' FROM stage WHERE id = '\(model.stages[1].id)'") == "t")
  }

  @Test func aWorkspaceOnTheServerIsReplacedOnlyWithForce() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let location = try Self.location(database)
    try Workspace.create(on: location, content: .empty, force: false)
    #expect(throws: WorkspaceError.alreadyExists(path: location.description)) {
      try Workspace.create(on: location, content: .demo(today: Self.today), force: false)
    }
    #expect(try database.psql(input: "SELECT count(*) FROM deal") == "0", "a refused init leaves the workspace")
    try Workspace.create(on: location, content: .demo(today: Self.today), force: true)
    #expect(try database.psql(input: "SELECT count(*) FROM deal") != "0")
    #expect(try database.psql(input: "SELECT count(*) FROM login") == "1")
  }

  /// The trap postgres-nio leaves: a statement that failed inside a transaction makes the
  /// server answer COMMIT with ROLLBACK, without an error. The session says nothing was saved.
  @Test func aTransactionTheServerAbortedIsNeverReportedSaved() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let session = try PostgresSession.connect(try Self.location(database))
    defer { session.close() }
    #expect {
      try session.transaction {
        try session.run("CREATE TABLE saved_or_not (a bigint)")
        _ = try? session.run("SELECT 1 / 0")
      }
    } throws: { error in
      "\(error)".contains("ROLLBACK")
    }
    #expect(try database.psql(input: "SELECT to_regclass('saved_or_not') IS NULL") == "t")
    // A statement's own error is raised where it happens, with the server's reason.
    #expect {
      try session.run("SELECT 1 / 0")
    } throws: { error in
      "\(error)".contains("division by zero")
    }
  }
}
