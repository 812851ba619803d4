import BatonModel
import Foundation

extension Workspace {
  /// The revision of a shared workspace's own parts, besides its tables: 1, the names
  /// triggers, the roles and a rep's own deals (2026-12-02); 2, every table announcing its
  /// changes, a rep's own rows of every table they write, and indexes that hold the row's
  /// number (2026-12-03). Kept as the setting `server_revision`; none is revision 1.
  static let serverRevision = 2

  /// Brings the shared workspace up to this baton's schema and server parts, as its owner
  /// (the login that made it) may: the migrations it lacks (`PostgresMigration`), then its
  /// triggers, roles, row security and indexes made again, all in one transaction, so a
  /// failure leaves it as it was. Another admin's upgrade at the same moment waits on the
  /// lock and then finds nothing to do.
  static func upgrade(_ session: PostgresSession, database: String) throws {
    try session.transaction {
      try session.run("LOCK TABLE grdb_migrations IN EXCLUSIVE MODE")
      let store = Executor(session)
      let applied: [String] = try store.values("SELECT identifier FROM grdb_migrations ORDER BY rowid")
      guard try applied != Migrations.identifiers || serverRevision(store) < serverRevision else { return }
      for statement in try PostgresMigration.statements(from: applied) { try session.run(statement) }
      for identifier in Migrations.identifiers where !applied.contains(identifier) {
        try session.run("INSERT INTO grdb_migrations (identifier) VALUES ($1)", [.text(identifier)])
      }
      let schema = try PostgresSchema.schema()
      let tables = ["grdb_migrations"] + schema.filter { $0.type == "table" }.map(\.name)
      let roles = try rolesDatabase(store) ?? database
      for statement in try serverParts(schema: schema, tables: tables, database: roles) {
        try session.run(statement)
      }
    }
  }

  /// The server's own parts made again over what a workspace may already have of them.
  private static func serverParts(
    schema: [PostgresSchema.SchemaObject], tables: [String], database: String
  ) throws -> [String] {
    var statements = tables.map { "DROP TRIGGER IF EXISTS baton_changed ON \"\($0)\"" }
    statements += PostgresSchema.changeNotices(tables: tables)
    for own in PostgresRoles.repRows {
      statements += ["read", "own", "ops"].map { "DROP POLICY IF EXISTS \(own.table)_\($0) ON \(own.table)" }
    }
    statements += ["audit_actor", "audit_kept", "audit_kept_whole"].map { "DROP TRIGGER IF EXISTS \($0) ON audit" }
    statements += PostgresRoles.statements(database: database, tables: tables)
    let rowIDs = PostgresSchema.rowIDs(of: schema)
    for object in schema where object.type == "index" {
      statements += [
        "DROP INDEX IF EXISTS \"\(object.name)\"", try PostgresSchema.index(object.name, object.sql, rowIDs: rowIDs),
      ]
    }
    // Every session's saved engine is made again: the names may read differently.
    statements.append("UPDATE names_token SET token = (random() * 9007199254740991)::bigint")
    statements.append(revisionStatement)
    return statements
  }

  /// Records this baton's server revision.
  static let revisionStatement = """
    INSERT INTO setting (key, value) VALUES ('server_revision', '\(serverRevision)')
    ON CONFLICT (key) DO UPDATE SET value = excluded.value
    """

  /// The server revision a workspace has.
  static func serverRevision(_ store: Executor) throws -> Int {
    let value: String? = try store.value("SELECT value FROM setting WHERE key = 'server_revision'")
    return value.flatMap { Int($0) } ?? 1
  }

  /// The database name the workspace's group roles were made under (`PostgresRoles`): the
  /// one whose viewer role reads the names token, which a copy of the database under another
  /// name keeps.
  static func rolesDatabase(_ store: Executor) throws -> String? {
    let viewer: String? = try store.value(
      """
      SELECT grantee FROM information_schema.role_table_grants
      WHERE table_schema = current_schema() AND table_name = 'names_token' AND privilege_type = 'SELECT'
        AND grantee LIKE '%\\_viewer' ORDER BY grantee LIMIT 1
      """)
    return viewer.map { String($0.dropLast("_viewer".count)) }
  }

  /// Whether the session's login owns the workspace's tables (or is a member of the role
  /// that does): the one who may change its schema.
  static func ownsSchema(_ store: Executor) throws -> Bool {
    try store.value(
      """
      SELECT pg_has_role(current_user, tableowner, 'MEMBER') FROM pg_tables
      WHERE schemaname = current_schema() AND tablename = 'names_token'
      """) as Bool? ?? false
  }
}
