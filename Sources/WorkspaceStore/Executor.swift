internal import GRDB

/// The store's one way to its database: each statement is written once, with `?` for its
/// values, and run on SQLite through GRDB or on a shared PostgreSQL server through
/// `PostgresSession`. What the two dialects say differently is written in `Dialect`, not
/// in a second copy of the store.
struct Executor {
  enum Backend {
    case sqlite(Database)
    case postgres(PostgresSession)
  }

  let backend: Backend

  init(_ db: Database) { backend = .sqlite(db) }
  init(_ session: PostgresSession) { backend = .postgres(session) }

  var dialect: Dialect {
    switch backend {
    case .sqlite: .sqlite
    case .postgres: .postgres
    }
  }

  /// The SQLite connection, for what only a file has (its schema migrations, savepoints,
  /// backups); nil on a server.
  var sqlite: Database? {
    if case .sqlite(let db) = backend { return db }
    return nil
  }

  /// Runs a statement that returns no rows. With `cached`, SQLite keeps it compiled for
  /// the next time: for the statements a workflow runs again and again.
  func execute(_ sql: String, _ arguments: SQLArguments = [], cached: Bool = false) throws {
    switch backend {
    case .sqlite(let db):
      if cached {
        try db.cachedStatement(sql: sql).execute(arguments: arguments.statementArguments)
      } else {
        try db.execute(sql: sql, arguments: arguments.statementArguments)
      }
    case .postgres(let session):
      try session.run(Dialect.numbered(sql), arguments.values)
    }
  }

  /// Runs an INSERT into a table with an `id` column and returns the new row's id.
  func insert(_ sql: String, _ arguments: SQLArguments = []) throws -> Int64 {
    switch backend {
    case .sqlite(let db):
      try db.cachedStatement(sql: sql).execute(arguments: arguments.statementArguments)
      return db.lastInsertedRowID
    case .postgres(let session):
      let result = try session.run(Dialect.numbered(sql) + " RETURNING id", arguments.values)
      guard case .integer(let id)? = result.rows.first?.values.first else {
        throw WorkspaceError.server(location: session.location.description, detail: "an INSERT returned no id")
      }
      return id
    }
  }

  /// Each row of a statement, turned into a value as it is read.
  func rows<T>(_ sql: String, _ arguments: SQLArguments = [], _ transform: (ResultRow) throws -> T) throws -> [T] {
    var values: [T] = []
    try eachRow(sql, arguments) { values.append(try transform($0)) }
    return values
  }

  /// The first row of a statement turned into a value, or nil when it has none.
  func firstRow<T>(_ sql: String, _ arguments: SQLArguments = [], _ transform: (ResultRow) throws -> T) throws
    -> T?
  {
    switch backend {
    case .sqlite(let db):
      return try db.firstRow(sql, arguments.statementArguments) { try transform(ResultRow(sqlite: $0)) }
    case .postgres(let session):
      let result = try session.run(Dialect.numbered(sql), arguments.values)
      return try result.rows.first.map { try transform(ResultRow(values: $0)) }
    }
  }

  /// Runs `body` on each row of a statement (on SQLite, read in place: see `SteppedRow`).
  func eachRow(_ sql: String, _ arguments: SQLArguments = [], _ body: (ResultRow) throws -> Void) throws {
    switch backend {
    case .sqlite(let db):
      try db.eachRow(sql, arguments.statementArguments) { try body(ResultRow(sqlite: $0)) }
    case .postgres(let session):
      for row in try session.run(Dialect.numbered(sql), arguments.values).rows {
        try body(ResultRow(values: row))
      }
    }
  }

  /// Every row of a statement, copied out of it: for loops that run other statements as
  /// they go.
  func allRows(_ sql: String, _ arguments: SQLArguments = []) throws -> [ResultRow] {
    switch backend {
    case .sqlite:
      return try rows(sql, arguments) { row in
        var names: [String] = []
        var values: [SQLValue] = []
        row.forEachColumn { name, value in
          names.append(name)
          values.append(value)
        }
        return ResultRow(values: RowValues(names: names, values: values))
      }
    case .postgres(let session):
      return try session.run(Dialect.numbered(sql), arguments.values).rows.map(ResultRow.init(values:))
    }
  }

  /// The first row of a statement, copied out of it, or nil when it has none.
  func row(_ sql: String, _ arguments: SQLArguments = []) throws -> ResultRow? {
    try allRows(sql, arguments).first
  }

  /// The first column of the first row, or nil when there is no row or it holds NULL.
  func value<Value: ColumnValue>(_ sql: String, _ arguments: SQLArguments = []) throws -> Value? {
    try firstRow(sql, arguments) { row -> Value? in try row[0] } ?? nil
  }

  /// The first column of every row (NULLs left out).
  func values<Value: ColumnValue>(_ sql: String, _ arguments: SQLArguments = []) throws -> [Value] {
    try rows(sql, arguments) { row -> Value? in try row[0] }.compactMap { $0 }
  }

  /// Whether the workspace has a table called `name`.
  func hasTable(_ name: String) throws -> Bool {
    switch backend {
    case .sqlite(let db): return try db.hasTable(name)
    case .postgres:
      // From the catalogue, which a login without privileges on the table still reads.
      return try value("SELECT to_regclass(?) IS NOT NULL", [name]) as Bool? == true
    }
  }
}
