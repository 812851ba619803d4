import Foundation
internal import GRDB

/// A row of a statement's result on either store, read by position or by the name the
/// query gives the column (exactly as written there).
///
/// A column that is missing, NULL where a value is required, or of another type throws
/// instead of stopping baton: a workspace edited by hand may hold what the schema allows and
/// the code does not expect.
struct ResultRow {
  private enum Storage {
    /// Read in place from the statement, valid only while it stays on the row.
    case sqlite(SteppedRow)
    /// Copied out: a server's row, or a file's kept beyond its statement.
    case values(RowValues)
  }

  private let storage: Storage

  init(sqlite row: SteppedRow) { storage = .sqlite(row) }
  init(values row: RowValues) { storage = .values(row) }

  subscript<Value: ColumnValue>(_ index: Int) -> Value {
    get throws { try Self.required(self[index], "column \(index)") }
  }

  subscript<Value: ColumnValue>(_ index: Int) -> Value? {
    get throws {
      switch storage {
      case .sqlite(let row): return try row[index]
      case .values(let row):
        guard row.values.indices.contains(index) else { throw Self.mismatch("the query has no column \(index)") }
        if row.values[index] == .null { return nil }
        guard let value = Value(row.values[index]) else {
          throw Self.mismatch("column \(index) does not hold a \(Value.self)")
        }
        return value
      }
    }
  }

  subscript<Value: ColumnValue>(_ name: String) -> Value {
    get throws { try Self.required(self[name], "column '\(name)'") }
  }

  subscript<Value: ColumnValue>(_ name: String) -> Value? {
    get throws {
      switch storage {
      case .sqlite(let row): return try row[name]
      case .values(let row):
        guard let index = row.names.firstIndex(of: name) else {
          throw Self.mismatch("the query has no column '\(name)'")
        }
        return try self[index]
      }
    }
  }

  /// Each column's name and value, in the query's order.
  func forEachColumn(_ body: (String, SQLValue) throws -> Void) rethrows {
    switch storage {
    case .sqlite(let row):
      try row.forEachColumn { name, value in
        switch value.storage {
        case .null: try body(name, .null)
        case .int64(let number): try body(name, .integer(number))
        case .double(let number): try body(name, .real(number))
        case .string(let text): try body(name, .text(text))
        case .blob(let data): try body(name, .text(data.base64EncodedString()))
        }
      }
    case .values(let row):
      for (name, value) in zip(row.names, row.values) { try body(name, value) }
    }
  }

  private static func required<Value>(_ value: Value?, _ column: @autoclosure () -> String) throws -> Value {
    guard let value else { throw mismatch("\(column()) is NULL") }
    return value
  }

  private static func mismatch(_ message: String) -> DatabaseError {
    DatabaseError(resultCode: .SQLITE_MISMATCH, message: message)
  }
}
