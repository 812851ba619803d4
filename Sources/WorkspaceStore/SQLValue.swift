internal import GRDB

/// A value bound to a statement or read from a row, on either store: the kinds the
/// workspace's columns hold (integers and text), and reals, which SQL may compute.
enum SQLValue: Sendable, Hashable, CustomStringConvertible {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  var description: String {
    switch self {
    case .null: "NULL"
    case .integer(let number): "\(number)"
    case .real(let number): "\(number)"
    case .text(let text): "'\(text)'"
    }
  }

  /// The value as GRDB binds it.
  var databaseValue: DatabaseValue {
    switch self {
    case .null: .null
    case .integer(let number): number.databaseValue
    case .real(let number): number.databaseValue
    case .text(let text): text.databaseValue
    }
  }
}

/// A Swift value the store binds to a statement's `?`.
protocol SQLBindable {
  var sqlValue: SQLValue { get }
}

extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Double: SQLBindable { var sqlValue: SQLValue { .real(self) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
  var sqlValue: SQLValue { map(\.sqlValue) ?? .null }
}

/// The values bound to a statement's `?`s, in order.
struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
  var values: [SQLValue]

  init(_ values: [SQLValue] = []) { self.values = values }
  init(_ values: [any SQLBindable]) { self.values = values.map(\.sqlValue) }
  init(_ values: [(any SQLBindable)?]) { self.values = values.map { $0?.sqlValue ?? .null } }
  init(arrayLiteral elements: (any SQLBindable)?...) { self.init(elements) }

  static func + (left: SQLArguments, right: SQLArguments) -> SQLArguments { SQLArguments(left.values + right.values) }
  static func += (left: inout SQLArguments, right: SQLArguments) { left.values += right.values }

  /// The arguments as GRDB binds them.
  var statementArguments: StatementArguments { StatementArguments(values.map(\.databaseValue)) }
}
