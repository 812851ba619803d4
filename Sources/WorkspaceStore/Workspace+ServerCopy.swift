import Foundation
internal import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A shared workspace copied out to a workspace file (its backup), and a copy of a
/// workspace file taken to fill or restore a shared workspace.
extension Workspace {
  /// How many rows a page of a table read from the server holds.
  static let copyPage = 10_000

  /// Writes the server's workspace into `destination`, a new SQLite database: this baton's
  /// schema, then every table's rows read in one snapshot of the server (a consistent copy
  /// while others write), in the order the server numbered them, so that a table read
  /// "in the order rows were written" reads the same from the copy. Pages of
  /// `copyPage` rows: a million deals never sit in memory at once.
  ///
  /// The file is private until the caller places it (`privateFilling`, `place`), and its
  /// indexes are made after the rows: one sort each, rather than an insert into each index
  /// for every row.
  static func copy(_ session: PostgresSession, into destination: DatabaseQueue) throws {
    try destination.writeWithoutTransaction { db in try db.execute(sql: privateFilling) }
    try Migrations.migrator.migrate(destination)
    let (tables, indexes) = try destination.read { db in
      (
        // The migrations' own record is this baton's, already written.
        try copiedTables(db).filter { $0 != "grdb_migrations" },
        try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
          .map { (name: $0[0] as String, sql: $0[1] as String) }
      )
    }
    try destination.writeWithoutTransaction { db in
      // The rows arrive table by table, not each after what it refers to; checked at the end.
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
      try db.inTransaction {
        for index in indexes { try db.execute(sql: "DROP INDEX \"\(index.name)\"") }
        try session.read {
          for table in tables { try copyRows(of: table, from: session, into: db) }
        }
        for index in indexes { try db.execute(sql: index.sql) }
        let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        guard broken.isEmpty else {
          throw WorkspaceError.server(
            location: session.location.description,
            detail: "the copy refers to \(broken.count) row(s) it does not hold; nothing was written")
        }
        return .commit
      }
    }
  }

  /// Replaces `table`'s rows in `db` (a migration's own, such as the names token) with the
  /// server's.
  private static func copyRows(of table: String, from session: PostgresSession, into db: Database) throws {
    let columns = try db.columns(in: table).map(\.name)
    // SQLite's row id: the table's integer key, else the column the server numbers its
    // rows with (`PostgresSchema.table`), read for paging only.
    let key = try db.primaryKey(table).rowIDColumn
    let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    let selection = key == nil ? list + ", rowid" : list
    let keyColumn = key.map { "\"\($0)\"" } ?? "rowid"
    let keyIndex = key.flatMap { columns.firstIndex(of: $0) } ?? columns.count
    try db.execute(sql: "DELETE FROM \"\(table)\"")
    let insert = try db.makeStatement(
      sql:
        "INSERT INTO \"\(table)\" (\(list)) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
    )
    var after = Int64.min
    while true {
      let page = try session.run(
        "SELECT \(selection) FROM \"\(table)\" WHERE \(keyColumn) > $1 ORDER BY \(keyColumn) LIMIT \(copyPage)",
        [.integer(after)])
      for row in page.rows {
        try insert.execute(arguments: SQLArguments(Array(row.values.prefix(columns.count))).statementArguments)
      }
      guard page.rows.count == copyPage, case .integer(let last)? = page.rows.last?.values[keyIndex] else { return }
      after = last
    }
  }

  /// Runs `body` on a copy of the workspace file at `named`: taken with SQLite's online
  /// backup (one consistent snapshot while others write to the file, which is only read),
  /// checked (a baton workspace no newer than this baton, whole) and brought up to this
  /// baton's schema. The copy is a private temporary file, not memory (a million deals'
  /// workspace is over a gigabyte), removed when `body` returns.
  static func withCopy<T>(of named: String, _ body: (Workspace) throws -> T) throws -> T {
    let path = try WorkspacePath.resolve(named)
    try WorkspacePath.checkExisting(path)
    guard FileManager.default.fileExists(atPath: path) else {
      throw WorkspaceError.unwritable(path: path, detail: "no such file")
    }
    var readOnly = configuration()
    readOnly.readonly = true
    let aside = FileManager.default.temporaryDirectory.appendingPathComponent(
      "baton-copy-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sqlite"
    ).path
    defer { try? FileManager.default.removeItem(atPath: aside) }
    let copy = try mapErrors(path: path) {
      let source = try DatabaseQueue(path: path, configuration: readOnly)
      try source.read { db in try checkWhole(db, path: path) }
      let queue = try DatabaseQueue(path: aside, configuration: configuration())
      try queue.writeWithoutTransaction { db in try db.execute(sql: privateFilling) }
      try source.backup(to: queue)
      try source.close()
      try Migrations.migrator.migrate(queue)
      // Named as memory: it takes no share of a workspace file's use lock.
      return Workspace(path: ":memory:", queue: queue)
    }
    defer { copy.close() }
    return try body(copy)
  }

  /// Checks that `db` is a baton workspace this baton can read, and whole.
  static func checkWhole(_ db: Database, path: String) throws {
    let applied = try Migrations.applied(db)
    guard !applied.isEmpty, applied.allSatisfy(Migrations.identifiers.contains) else {
      throw WorkspaceError.corrupt(
        path: path, detail: applied.isEmpty ? "not a baton workspace" : "made by a newer baton")
    }
    let check = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? ""
    guard check == "ok" else { throw WorkspaceError.corrupt(path: path, detail: check) }
  }
}
