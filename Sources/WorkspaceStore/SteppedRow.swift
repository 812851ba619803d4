import Foundation
internal import GRDB
internal import GRDBSQLite

/// The row a statement is on, read in place: by position, or by the name the query gives the
/// column (exactly as written there). Valid only while the statement stays on that row.
///
/// A column that is missing, NULL where a value is required, or of another type throws
/// instead of stopping baton: a workspace edited by hand may hold what the schema allows and
/// the code does not expect.
struct SteppedRow {
  private let statement: SQLiteStatement

  init(_ statement: SQLiteStatement) { self.statement = statement }

  subscript<Value: ColumnValue>(_ index: Int) -> Value {
    get throws { try required(self[index], "column \(index)") }
  }

  subscript<Value: ColumnValue>(_ index: Int) -> Value? {
    get throws {
      guard index >= 0, index < Int(sqlite3_column_count(statement)) else {
        throw mismatch("the query has no column \(index)")
      }
      let position = CInt(index)
      guard sqlite3_column_type(statement, position) != SQLITE_NULL else { return nil }
      guard let value = Value(statement, position) else {
        throw mismatch("column \(index) does not hold a \(Value.self)")
      }
      return value
    }
  }

  subscript<Value: ColumnValue>(_ name: String) -> Value {
    get throws { try required(self[name], "column '\(name)'") }
  }

  subscript<Value: ColumnValue>(_ name: String) -> Value? {
    get throws {
      guard let index = index(of: name) else { throw mismatch("the query has no column '\(name)'") }
      return try self[index]
    }
  }

  /// The position of the column the query names `name`. A scan of the names SQLite already
  /// holds: queries have a handful of columns, so this beats building any table.
  func index(of name: String) -> Int? {
    name.withCString { wanted in
      for column in 0..<sqlite3_column_count(statement) {
        if let columnName = sqlite3_column_name(statement, column), strcmp(columnName, wanted) == 0 {
          return Int(column)
        }
      }
      return nil
    }
  }

  /// Each column's name and value, in the query's order.
  func forEachColumn(_ body: (String, DatabaseValue) throws -> Void) rethrows {
    for column in 0..<sqlite3_column_count(statement) {
      let name = sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
      try body(name, DatabaseValue(sqliteStatement: statement, index: column))
    }
  }

  private func required<Value>(_ value: Value?, _ column: @autoclosure () -> String) throws -> Value {
    guard let value else { throw mismatch("\(column()) is NULL") }
    return value
  }

  private func mismatch(_ message: String) -> DatabaseError {
    DatabaseError(resultCode: .SQLITE_MISMATCH, message: message)
  }

  static func reset(_ statement: SQLiteStatement) { sqlite3_reset(statement) }
}

/// A Swift type a column is read into. Values convert as SQLite converts them (an integer
/// column read as text is its digits), except that a real read as an integer must be whole.
protocol ColumnValue {
  init?(_ statement: SQLiteStatement, _ index: CInt)
  /// The value from a server's row, converted as SQLite converts it.
  init?(_ value: SQLValue)
}

extension Int64: ColumnValue {
  init?(_ statement: SQLiteStatement, _ index: CInt) {
    switch sqlite3_column_type(statement, index) {
    case SQLITE_INTEGER: self = sqlite3_column_int64(statement, index)
    case SQLITE_FLOAT:
      let real = sqlite3_column_double(statement, index)
      guard let whole = Int64(exactly: real) else { return nil }
      self = whole
    default: return nil
    }
  }

  init?(_ value: SQLValue) {
    switch value {
    case .integer(let number): self = number
    case .real(let real):
      guard let whole = Int64(exactly: real) else { return nil }
      self = whole
    case .null, .text: return nil
    }
  }
}

extension Int: ColumnValue {
  init?(_ statement: SQLiteStatement, _ index: CInt) {
    guard let value = Int64(statement, index) else { return nil }
    self.init(value)
  }

  init?(_ value: SQLValue) {
    guard let number = Int64(value) else { return nil }
    self.init(number)
  }
}

extension Double: ColumnValue {
  init?(_ statement: SQLiteStatement, _ index: CInt) {
    switch sqlite3_column_type(statement, index) {
    case SQLITE_INTEGER, SQLITE_FLOAT: self = sqlite3_column_double(statement, index)
    default: return nil
    }
  }

  init?(_ value: SQLValue) {
    switch value {
    case .integer(let number): self = Double(number)
    case .real(let real): self = real
    case .null, .text: return nil
    }
  }
}

extension Bool: ColumnValue {
  init?(_ statement: SQLiteStatement, _ index: CInt) {
    guard let value = Int64(statement, index) else { return nil }
    self = value != 0
  }

  init?(_ value: SQLValue) {
    guard let number = Int64(value) else { return nil }
    self = number != 0
  }
}

extension String: ColumnValue {
  init?(_ statement: SQLiteStatement, _ index: CInt) {
    // Text as SQLite holds it (UTF-8), with its length: a NUL inside is kept, not a stop.
    guard let text = sqlite3_column_text(statement, index) else { return nil }
    let count = Int(sqlite3_column_bytes(statement, index))
    self = String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  init?(_ value: SQLValue) {
    switch value {
    case .text(let text): self = text
    case .integer(let number): self = "\(number)"
    case .real(let real): self = "\(real)"
    case .null: return nil
    }
  }
}
