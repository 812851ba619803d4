import BatonModel
import BatonTestSupport
import Foundation
import GRDB
import Testing

@testable import WorkspaceStore

/// A shared workspace made by an earlier baton: its owner's next open brings its schema and
/// its server parts (change notices, row security, indexes) up to date in one transaction,
/// with the migrations written once for SQLite; a teammate opens one whose tables are
/// current, and is told to wait for the owner when they are not.
@Suite(.tags(.process)) struct PostgresUpgradeTests {
  static let server = ScratchDatabase.server

  /// Each earlier schema a shared workspace can have been made at, migrated on the server,
  /// ends as the current one made at once does: the same tables, columns, indexes, triggers.
  @Test(.enabled(if: server != nil), arguments: ["v6", "v7"])
  func anEarlierSchemaIsMigratedToTheCurrentOne(start: String) throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let identifiers = Migrations.identifiers
    let applied = Array(identifiers.prefix(through: try #require(identifiers.firstIndex(of: start))))
    let record = try PostgresSchema.table(
      "grdb_migrations", "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    let made =
      try PostgresSchema.statements(upTo: start) + [record]
      + applied.map { "INSERT INTO grdb_migrations (identifier) VALUES ('\($0)')" }
    try database.psql(input: "BEGIN;\n" + made.map { $0 + ";\n" }.joined() + "COMMIT;\n")
    let migration = try PostgresMigration.statements(from: applied)
    try database.psql(input: "BEGIN;\n" + migration.map { $0 + ";\n" }.joined() + "COMMIT;\n")

    let sqlite = try DatabaseQueue()
    try Migrations.migrator.migrate(sqlite)
    let expected = try sqlite.read { db in try PostgresSchemaTests.sqliteSchema(db) }
    var actual = try PostgresSchemaTests.postgresSchema(database)
    actual.columns.removeAll { $0.hasPrefix("grdb_migrations.") }
    #expect(actual.columns == expected.columns)
    #expect(actual.indexes == expected.indexes)
    #expect(actual.triggers == expected.triggers)
  }

  /// A migration that rebuilds a table has no translation: named, never half done.
  @Test func aRebuiltTableIsRefusedByName() throws {
    let identifiers = Migrations.identifiers
    let beforeRebuild = Array(identifiers.prefix(through: try #require(identifiers.firstIndex(of: "v5"))))
    #expect(throws: PostgresSchema.Untranslatable.self) { try PostgresMigration.statements(from: beforeRebuild) }
  }

  @Test func columnsAMigrationAddsAreAddedOnTheServer() throws {
    let added = try PostgresMigration.addedColumns(
      "audit", from: "CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT)",
      to:
        "CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT, channel TEXT NOT NULL DEFAULT 'a, b', "
        + "owner_id INTEGER REFERENCES person(id))")
    #expect(
      added == [
        "ALTER TABLE \"audit\" ADD COLUMN channel TEXT NOT NULL DEFAULT 'a, b'",
        "ALTER TABLE \"audit\" ADD COLUMN owner_id BIGINT REFERENCES person(id)",
      ])
    #expect(throws: PostgresSchema.Untranslatable.self) {
      try PostgresMigration.addedColumns(
        "audit", from: "CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT)",
        to: "CREATE TABLE \"audit\" (id INTEGER PRIMARY KEY, note TEXT NOT NULL)")
    }
  }

  /// A workspace as the first shared-workspace baton made it: no change notices, a rep's
  /// own rows guarded on deals alone, no server revision. A rep opens it as it is; its owner's
  /// open brings it up to date, and then the database refuses the rep another rep's task (Dana's,
  /// on Quinn's deal).
  @Test(.enabled(if: server != nil))
  func theOwnersOpenBringsAnOlderWorkspaceUpToDate() throws {
    let (database, owner, sam) = try Self.demoWithSam()
    defer { database.drop() }
    try database.psql(
      input: """
        DROP FUNCTION baton_changed() CASCADE;
        DROP POLICY task_own ON task; DROP POLICY task_ops ON task; DROP POLICY task_read ON task;
        ALTER TABLE task DISABLE ROW LEVEL SECURITY;
        DELETE FROM setting WHERE key = 'server_revision';
        """)
    let othersTask = "UPDATE task SET title = 'mine now' WHERE owner_id = (SELECT id FROM person WHERE handle = 'dana')"
    let revision = "SELECT coalesce((SELECT value FROM setting WHERE key = 'server_revision'), 'none')"

    let asSam = try PostgresLocation.parse(sam.url, environment: [:], passwordAllowed: true)
    try Workspace.open(server: asSam).close()
    #expect(try database.psql(input: revision) == "none", "a rep changes no schema")

    try Workspace.open(server: owner).close()
    #expect(try database.psql(input: revision) == "\(Workspace.serverRevision)")
    #expect(try database.psql(input: "SELECT to_regprocedure('baton_changed()') IS NOT NULL") == "t")
    #expect(try database.psql(input: "SELECT count(*) FROM pg_policies WHERE tablename = 'task'") == "3")
    try database.psql(input: othersTask, url: sam.url)
    #expect(try database.psql(input: "SELECT count(*) FROM task WHERE title = 'mine now'") == "0")
    // Opened again, there is nothing to do.
    try Workspace.open(server: owner).close()
  }

  /// The demo on a scratch database, made by the test server's login (its owner), with Sam
  /// given a login of his own.
  private static func demoWithSam() throws -> (
    database: ScratchDatabase, owner: PostgresLocation, sam: (name: String, url: String)
  ) {
    let database = try ScratchDatabase()
    do {
      let owner = try PostgresLocation.parse(database.url, environment: [:], passwordAllowed: true)
      try Workspace.create(on: owner, content: .demo(today: Fixtures.today), force: false)
      let sam = try database.login("sam")
      try database.psql(
        input: """
          INSERT INTO login (name, person_id) SELECT '\(sam.name)', id FROM person WHERE handle = 'sam';
          GRANT \(database.name)_rep TO \(sam.name);
          """)
      return (database, owner, sam)
    } catch {
      database.drop()
      throw error
    }
  }

  @Test(.enabled(if: server != nil))
  func aTeammateIsToldAnOlderSchemaWaitsForItsOwner() throws {
    let (database, _, sam) = try Self.demoWithSam()
    defer { database.drop() }
    try database.psql(
      input: """
        DELETE FROM grdb_migrations WHERE identifier = '\(Migrations.identifiers.last ?? "")';
        """)
    let asSam = try PostgresLocation.parse(sam.url, environment: [:], passwordAllowed: true)
    #expect {
      try Workspace.open(server: asSam)
    } throws: { error in
      guard case WorkspaceError.olderSchema = error else { return false }
      return "\(error)".contains("the login that owns it")
    }
  }

  /// A workspace's database copied or renamed keeps the groups it was made with: a login
  /// mapped there joins them, not groups named after the new name (which do not exist).
  @Test(.enabled(if: server != nil))
  func aLoginMappedOnACopyJoinsTheWorkspacesGroups() throws {
    let original = try ScratchDatabase()
    defer { original.drop() }
    let location = try PostgresLocation.parse(original.url, environment: [:], passwordAllowed: true)
    try Workspace.create(on: location, content: .demo(today: Fixtures.today), force: false)
    let copy = try ScratchDatabase(template: original.name)
    defer { copy.drop() }
    let lee = try copy.login("lee")
    let workspace = try Workspace.open(
      server: try PostgresLocation.parse(copy.url, environment: [:], passwordAllowed: true))
    defer { workspace.close() }
    let context = AuditContext(
      actor: "morgan", input: "baton login add", intent: nil, action: "login.add", at: "2026-11-23T09:00:00Z")
    try workspace.mapLogin(lee.name, to: try #require(try workspace.actor(named: "lee")), context)
    #expect(
      try copy.psql(input: "SELECT pg_has_role(current_user, '\(original.name)_rep', 'MEMBER')", url: lee.url) == "t")
  }
}
