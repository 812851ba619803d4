internal import GRDB

extension Database {
  /// Each row of a cached statement, turned into a value as it is stepped.
  func rows<T>(
    _ sql: String, _ arguments: StatementArguments = StatementArguments(), _ transform: (SteppedRow) throws -> T
  ) throws -> [T] {
    var values: [T] = []
    try eachRow(sql, arguments) { values.append(try transform($0)) }
    return values
  }

  /// The first row of a cached statement turned into a value, or nil when there is none.
  func firstRow<T>(
    _ sql: String, _ arguments: StatementArguments = StatementArguments(), _ transform: (SteppedRow) throws -> T
  ) throws -> T? {
    let cursor = try SteppedRows(cachedStatement(sql: sql), arguments)
    return try cursor.next().map(transform)
  }

  /// Whether the file has a table called `name`. Read from `sqlite_master` directly: GRDB's
  /// `tableExists` loads the whole schema first, which this asks for at every start.
  func hasTable(_ name: String) throws -> Bool {
    try firstRow("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) {
      try $0[0] as Int
    } == 1
  }

  /// Runs `body` on each row of a cached statement, read in place (see `SteppedRow`).
  func eachRow(
    _ sql: String, _ arguments: StatementArguments = StatementArguments(), _ body: (SteppedRow) throws -> Void
  ) throws {
    try SteppedRows(cachedStatement(sql: sql), arguments).forEach(body)
  }
}

/// The rows of a statement as it steps: GRDB's cursor protocol (it steps, stops and reports
/// errors as GRDB does), with rows read in place by `SteppedRow`.
///
/// Why not `Row.fetchCursor`: making one lowercases every column name of the query into a
/// dictionary, and a question runs a few queries, each paying it.
final class SteppedRows: DatabaseCursor {
  typealias Element = SteppedRow
  let _statement: Statement
  var _isDone = false

  init(_ statement: Statement, _ arguments: StatementArguments) throws {
    _statement = statement
    // Validates the arguments, resets the statement and binds them.
    try statement.setArguments(arguments)
  }

  deinit {
    // As GRDB's own cursors do: a statement left mid-step would keep its read open. A reset
    // after a failed step repeats that failure, which was already thrown.
    SteppedRow.reset(_statement.sqliteStatement)
  }

  func _element(sqliteStatement: SQLiteStatement) -> SteppedRow { SteppedRow(sqliteStatement) }
}
