import BatonTestSupport
import Foundation
import GRDB
import Testing

@testable import WorkspaceStore

/// The workspace schema on a real PostgreSQL server, given by `BATON_TEST_POSTGRES` (a URL
/// psql accepts; `.ci/run` starts a server and sets it). Without one these tests are
/// skipped, unless `BATON_REQUIRE_POSTGRES` is set, as under CI: then the first one fails.
@Suite(.tags(.process)) struct PostgresSchemaTests {
  static let server = ScratchDatabase.server

  @Test func aServerIsGivenWhereOneIsRequired() {
    #expect(
      !ScratchDatabase.required || Self.server != nil, "BATON_REQUIRE_POSTGRES is set and BATON_TEST_POSTGRES is not")
  }

  @Test(.enabled(if: server != nil))
  func theSchemaOnPostgreSQLHasSQLitesTablesColumnsIndexesAndTriggers() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    // All or nothing, as a migration is.
    let script = "BEGIN;\n" + (try PostgresSchema.statements()).map { $0 + ";\n" }.joined() + "COMMIT;\n"
    try database.psql(input: script)

    let sqlite = try DatabaseQueue()
    try Migrations.migrator.migrate(sqlite)
    let expected = try sqlite.read { db in try Self.sqliteSchema(db) }
    let actual = try Self.postgresSchema(database)
    #expect(actual.columns == expected.columns)
    #expect(actual.indexes == expected.indexes)
    #expect(actual.triggers == expected.triggers)
    // A CRM id is found however it is typed: the index is on its lower case.
    let crmIndex = try database.psql(input: "SELECT indexdef FROM pg_indexes WHERE indexname = 'deal_crm_id_nocase'")
    #expect(crmIndex.contains("lower(crm_id)"), "\(crmIndex)")
    // A table without an integer key keeps SQLite's row order in a column of its own.
    let numbered = try database.psql(
      input:
        "SELECT table_name FROM information_schema.columns WHERE column_name = 'rowid' AND table_name IN ('team_alias', 'deal')"
    )
    #expect(numbered == "team_alias")
  }

  @Test(.enabled(if: server != nil))
  func aChangeToANameChangesTheNamesTokenOnPostgreSQL() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    try database.psql(input: (try PostgresSchema.statements()).map { $0 + ";\n" }.joined())
    let token = "SELECT token FROM names_token"
    try database.psql(input: "INSERT INTO names_token (id, token) VALUES (1, 7);")
    try database.psql(input: "INSERT INTO team (id, name) VALUES ('revops', 'RevOps');")
    let afterInsert = try database.psql(input: token)
    #expect(afterInsert != "7")
    try database.psql(input: "UPDATE team SET focus = 'forecasting' WHERE id = 'revops';")
    #expect(try database.psql(input: token) == afterInsert, "a column that is no name leaves the token")
    try database.psql(input: "UPDATE team SET name = 'Revenue Operations' WHERE id = 'revops';")
    #expect(try database.psql(input: token) != afterInsert)
  }

  /// SQLite's indexes hold the row id beside their columns; PostgreSQL's are made to, so a
  /// read served by an index alone on a file is served so on a server too.
  @Test func anIndexHoldsItsTablesRowIDAsSQLitesDoes() throws {
    let rowIDs = ["deal": "id"]
    #expect(
      try PostgresSchema.index("deal_stage", "CREATE INDEX deal_stage ON deal(stage_id, close_date)", rowIDs: rowIDs)
        == "CREATE INDEX deal_stage ON deal(stage_id, close_date) INCLUDE (id)")
    #expect(
      try PostgresSchema.index(
        "deal_week", "CREATE INDEX deal_week\n  ON deal(changed_date,\n amount);", rowIDs: rowIDs)
        == "CREATE INDEX deal_week\n  ON deal(changed_date,\n amount) INCLUDE (id)")
    #expect(
      try PostgresSchema.index("deal_crm", "CREATE INDEX deal_crm ON deal(crm_id COLLATE NOCASE)", rowIDs: rowIDs)
        == "CREATE INDEX deal_crm ON deal(lower(crm_id)) INCLUDE (id)")
    // Not twice, and not for a table without one.
    #expect(
      try PostgresSchema.index("deal_id", "CREATE INDEX deal_id ON deal(id, name)", rowIDs: rowIDs)
        == "CREATE INDEX deal_id ON deal(id, name)")
    #expect(
      try PostgresSchema.index("raci_party", "CREATE INDEX raci_party ON raci(party_id)", rowIDs: rowIDs)
        == "CREATE INDEX raci_party ON raci(party_id)")
    #expect(PostgresSchema.rowID(of: "CREATE TABLE deal (id INTEGER PRIMARY KEY, name TEXT)") == "id")
    #expect(PostgresSchema.rowID(of: "CREATE TABLE raci (letter TEXT, PRIMARY KEY (letter))") == nil)
  }

  @Test func whatHasNoPostgreSQLFormIsRefusedByName() {
    #expect(throws: PostgresSchema.Untranslatable.self) {
      try PostgresSchema.table("t", "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)")
    }
    #expect(throws: PostgresSchema.Untranslatable.self) {
      try PostgresSchema.trigger("t_insert", "CREATE TRIGGER t_insert AFTER INSERT ON t BEGIN DELETE FROM u; END;")
    }
    #expect(throws: PostgresSchema.Untranslatable.self) {
      try PostgresSchema.index("t_name", "CREATE INDEX t_name ON t(name COLLATE RTRIM)")
    }
  }

  /// Each table's columns as "table.column type null|not null", the named indexes and the
  /// triggers, by name.
  struct Schema: Equatable {
    var columns: [String]
    var indexes: [String]
    var triggers: [String]
  }

  static func sqliteSchema(_ db: Database) throws -> Schema {
    let tables = try String.fetchAll(
      db,
      sql: """
        SELECT name FROM sqlite_master WHERE type = 'table'
        AND name NOT IN ('grdb_migrations', 'sqlite_sequence') ORDER BY name
        """)
    var columns: [String] = []
    for table in tables {
      for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))") {
        let type = (column["type"] as String).uppercased() == "INTEGER" ? "bigint" : "text"
        // A key column is never null on PostgreSQL; SQLite lets an old quirk allow it.
        let notNull = (column["notnull"] as Int) == 1 || (column["pk"] as Int) > 0
        columns.append("\(table).\(column["name"] as String) \(type) \(notNull ? "not null" : "null")")
      }
    }
    let named = "sql IS NOT NULL AND name NOT IN ('grdb_migrations', 'sqlite_sequence')"
    return Schema(
      columns: columns.sorted(),
      indexes: try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND \(named)")
        .sorted(),
      triggers: try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'").sorted())
  }

  static func postgresSchema(_ database: ScratchDatabase) throws -> Schema {
    let columns = try database.psql(
      input: """
        SELECT table_name || '.' || column_name || ' ' || data_type || ' '
          || CASE is_nullable WHEN 'YES' THEN 'null' ELSE 'not null' END
        FROM information_schema.columns WHERE table_schema = 'public' AND column_name != 'rowid'
        """)
    // The indexes a constraint made (keys, UNIQUE) are SQLite's automatic ones, unnamed.
    let indexes = try database.psql(
      input: """
        SELECT indexname FROM pg_indexes i WHERE schemaname = 'public' AND NOT EXISTS (
          SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """)
    let triggers = try database.psql(
      input: "SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_schema = 'public'")
    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init).sorted() }
    return Schema(columns: lines(columns), indexes: lines(indexes), triggers: lines(triggers))
  }
}
