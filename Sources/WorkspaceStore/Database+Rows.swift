internal import GRDB

extension Database {
  /// Each row of a cached statement, turned into a value as it is stepped.
  ///
  /// Why not `Row.fetchAll`: it copies every row, and a copied row finds a column by name by
  /// lowercasing every column name on every lookup; a cursor's row looks names up in one
  /// dictionary built once per query, and reads the values in place. The row passed to
  /// `transform` is only valid during the call.
  func rows<T>(
    _ sql: String, _ arguments: StatementArguments = StatementArguments(), _ transform: (Row) throws -> T
  ) throws -> [T] {
    var values: [T] = []
    try eachRow(sql, arguments) { values.append(try transform($0)) }
    return values
  }

  /// The first row of a cached statement turned into a value, or nil when there is none.
  func firstRow<T>(
    _ sql: String, _ arguments: StatementArguments = StatementArguments(), _ transform: (Row) throws -> T
  ) throws -> T? {
    let cursor = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
    return try cursor.next().map(transform)
  }

  /// Runs `body` on each row of a cached statement, read in place (see `rows`).
  func eachRow(
    _ sql: String, _ arguments: StatementArguments = StatementArguments(), _ body: (Row) throws -> Void
  ) throws {
    let cursor = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
    while let row = try cursor.next() {
      try body(row)
    }
  }
}
