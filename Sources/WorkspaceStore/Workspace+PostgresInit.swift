import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// Makes the database at `location` a shared workspace holding `content`: the schema
  /// (`PostgresSchema`), then the same rows `create(at:content:force:)` writes to a file,
  /// made by the same code in memory and copied, all in one transaction: a failure leaves
  /// the database as it was. The login that runs it is recorded as the workspace's admin.
  ///
  /// - Throws: `WorkspaceError.alreadyExists` when the database has a workspace and not
  ///   `force` (with `force` the old one is dropped first, in the same transaction), and
  ///   `WorkspaceError.server` for what the server refuses.
  public static func create(on location: PostgresLocation, content: Content, force: Bool) throws {
    let made = try inMemory(content)
    defer { made.close() }
    try create(on: location, from: made, force: force)
  }

  /// Makes the database at `location` a shared workspace holding the records of the
  /// workspace file at `file` (one person's workspace moving to a team's server, or a
  /// shared workspace's backup), its audit log included; the file is only read. As
  /// `create(on:content:force:)` otherwise.
  ///
  /// - Throws: `WorkspaceError.corrupt` when the file is not a whole baton workspace this
  ///   baton reads; `ChangeConflict` when it maps a login the server lacks.
  public static func create(on location: PostgresLocation, copying file: String, force: Bool) throws {
    try withCopy(of: file) { made in try create(on: location, from: made, force: force) }
  }

  /// Makes a workspace file at `path` holding the records of the workspace file at `file`
  /// (as a backup of it would), brought up to this baton's schema.
  public static func create(at path: String, copying file: String, force: Bool) throws {
    try create(at: path, force: force) { queue in
      try withCopy(of: file) { made in try made.fileQueue("a copy").backup(to: queue) }
    }
  }

  /// The records of `made` (a workspace made in memory, or a private copy of a file) copied
  /// to the server at `location`.
  static func create(on location: PostgresLocation, from made: Workspace, force: Bool) throws {
    let session = try PostgresSession.connect(location)
    defer { session.close() }
    let statements = try mapErrors(path: location.description) { try PostgresSchema.statements() }
    let source = try made.fileQueue("a copy")
    let tables = try source.read { db in try copiedTables(db) }
    try session.transaction {
      let existing = try session.run(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1",
        [.text("names_token")])
      if existing.rows.first?.values.first != .integer(0) {
        guard force else { throw WorkspaceError.alreadyExists(path: location.description) }
        let names = tables.map { "\"\($0)\"" }.joined(separator: ", ")
        try session.run("DROP TABLE IF EXISTS \(names) CASCADE")
        for function in [
          "baton_names_changed", "baton_changed", "baton_person_id", "baton_audit_actor", "baton_audit_kept",
        ] {
          try session.run("DROP FUNCTION IF EXISTS \(function)() CASCADE")
        }
      }
      // Indexes are made after the rows are copied: one sort each, rather than an insert
      // into each index for every row.
      let isIndex = { (statement: String) in
        statement.hasPrefix("CREATE INDEX") || statement.hasPrefix("CREATE UNIQUE INDEX")
      }
      for statement in statements where !isIndex(statement) { try session.run(statement) }
      // Which migrations made this schema, as the file records them, for the next ones.
      try session.run(
        PostgresSchema.table("grdb_migrations", "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"))
      for table in tables {
        try source.read { db in try copy(table, from: db, to: session) }
      }
      for statement in statements where isIndex(statement) { try session.run(statement) }
      // The login that made it is its admin, mapped to the first person with the admin role,
      // unless the model file maps it to someone.
      try session.run(
        """
        INSERT INTO login (name, person_id) SELECT current_user, id FROM person WHERE role = 'admin' ORDER BY id LIMIT 1
        ON CONFLICT (name) DO NOTHING
        """)
      // Every change announced from here on, for the sessions' read caches.
      for statement in PostgresSchema.changeNotices(tables: tables) { try session.run(statement) }
      // Then the database's own guard: the roles' grants and the audit log's triggers.
      for statement in PostgresRoles.statements(database: location.database, tables: tables) {
        try session.run(statement)
      }
      try session.run(revisionStatement)
      // The logins a model file gives its people, each a member of its person's group.
      let store = Executor(session)
      let logins = try store.rows(
        "SELECT l.name, p.role FROM login l JOIN person p ON p.id = l.person_id ORDER BY l.name"
      ) {
        (login: try $0[0] as String, role: try $0[1] as String)
      }
      for (login, role) in logins {
        try Logins.requireOnServer(login, store)
        try Logins.grant(Role(rawValue: role), to: login, store)
      }
      // A workspace made again (`--force`, a restore) keeps its groups: a login that was a
      // member and is mapped to no one now loses its group, or it would still write as one.
      let groups = Role.allCases.map { SQLValue.text(PostgresRoles.name($0, database: location.database)) }
      let stale = try session.run(
        """
        SELECT DISTINCT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid
        JOIN pg_roles m ON m.oid = a.member
        WHERE g.rolname IN ($1, $2, $3, $4, $5) AND m.rolcanlogin AND m.rolname NOT IN (SELECT name FROM login)
        """, groups)
      for row in stale.rows {
        if case .text(let login)? = row.values.first { try Logins.grant(nil, to: login, store) }
      }
      // Sessions already open on the database read everything again.
      try session.run(
        "SELECT pg_notify($1, ''), pg_notify($2, '')",
        [.text(PostgresSchema.changesChannel), .text(PostgresSchema.namesChannel)])
    }
    // Fresh tables have no statistics and no visibility map: until autovacuum comes by, the
    // planner guesses, and every summary reads the table's rows where an index would do
    // (a million deals' pipeline: about 900 ms, 160 to 230 ms once vacuumed). VACUUM runs
    // outside a transaction, on the tables just made.
    try session.run("VACUUM (ANALYZE) " + tables.map { "\"\($0)\"" }.joined(separator: ", "))
  }

  /// The tables to copy, in the order the schema makes them (a table before those that
  /// refer to it), the migrations' own record included.
  static func copiedTables(_ db: Database) throws -> [String] {
    try db.rows(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence' ORDER BY rowid"
    ) { try $0[0] as String }
  }

  /// Copies every row of `table` in one `COPY`, and moves an identity column's sequence
  /// past the highest id copied: the next record made on the server gets the next number,
  /// as it would in the file.
  private static func copy(_ table: String, from db: Database, to session: PostgresSession) throws {
    // In SQLite's order: a table without an integer key numbers its rows as they come.
    let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid")
    var columns: [String] = []
    var rows: [[SQLValue]] = []
    while let row = try cursor.next() {
      if columns.isEmpty { columns = Array(row.columnNames) }
      rows.append(try columns.indices.map { try value(row[$0], table: table, column: columns[$0]) })
    }
    guard !rows.isEmpty else { return }
    try session.copy(into: table, columns: columns, rows: rows)
    guard columns.contains("id") else { return }
    let identity = try session.run("SELECT pg_get_serial_sequence($1, 'id')", [.text(table)])
    if case .text(let sequence)? = identity.rows.first?.values.first {
      try session.run(
        "SELECT setval($1, coalesce((SELECT max(id) FROM \"\(table)\"), 0) + 1, false)", [.text(sequence)])
    }
  }

  /// A SQLite value as the server's column takes it: the schema's columns hold integers
  /// and text only.
  private static func value(_ value: DatabaseValue, table: String, column: String) throws -> SQLValue {
    switch value.storage {
    case .null: return .null
    case .int64(let number): return .integer(number)
    case .string(let text): return .text(text)
    case .double(let number) where number.rounded() == number && abs(number) < 9e15: return .integer(Int64(number))
    case .double, .blob:
      throw WorkspaceError.corrupt(
        path: ":memory:", detail: "\(table).\(column) holds \(value), which no column of the schema takes")
    }
  }
}
