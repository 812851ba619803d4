/// What SQLite and PostgreSQL say differently, in one place: the store's statements are
/// written once, in the words both accept, with these fragments where they differ.
enum Dialect: Sendable {
  case sqlite
  case postgres

  /// SQLite's hint to read a table through index `name` (its planner misjudges a few
  /// queries); PostgreSQL's planner takes no hints.
  func indexed(by name: String) -> String {
    switch self {
    case .sqlite: " INDEXED BY \(name)"
    case .postgres: ""
    }
  }

  /// `column` equal to the next `?`, ASCII case ignored, in the form each store's index on
  /// the column serves (`COLLATE NOCASE` on SQLite, `lower(column)` on PostgreSQL).
  func caselessEquals(_ column: String) -> String {
    switch self {
    case .sqlite: "\(column) = ? COLLATE NOCASE"
    case .postgres: "lower(\(column)) = lower(?)"
    }
  }

  /// The days from the ISO date in `start` to the one in `end`.
  func days(from start: String, to end: String) -> String {
    switch self {
    case .sqlite: "(julianday(\(end)) - julianday(\(start)))"
    case .postgres: "(CAST(\(end) AS date) - CAST(\(start) AS date))"
    }
  }

  /// A subquery of the integers in a JSON array (`placeholder` binds its text).
  func integers(inJSON placeholder: String) -> String {
    "SELECT CAST(value AS BIGINT) FROM " + elements(ofJSON: placeholder, as: "j")
  }

  /// A subquery of the texts in a JSON array (`placeholder` binds its text).
  func texts(inJSON placeholder: String) -> String {
    "SELECT value FROM " + elements(ofJSON: placeholder, as: "j")
  }

  /// A table of the elements of the JSON array `expression` holds (a column or a bound
  /// text), named `alias`, with columns `value` (an element, as text on PostgreSQL) and
  /// `key` (its position, in order).
  func elements(ofJSON expression: String, as alias: String) -> String {
    switch self {
    case .sqlite: "json_each(\(expression)) \(alias)"
    case .postgres: "jsonb_array_elements_text(CAST(\(expression) AS jsonb)) WITH ORDINALITY \(alias)(value, key)"
    }
  }

  /// `sql` with each `?` outside quotes numbered as PostgreSQL's `$1`, `$2`, …; SQLite's
  /// `?2`, which names its value, keeps its number.
  static func numbered(_ sql: String) -> String {
    guard sql.utf8.contains(UInt8(ascii: "?")) else { return sql }
    var result: [UInt8] = []
    result.reserveCapacity(sql.utf8.count + 8)
    var next = 0
    var quote: UInt8?
    let bytes = Array(sql.utf8)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if let open = quote {
        if byte == open { quote = nil }
        result.append(byte)
      } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
        quote = byte
        result.append(byte)
      } else if byte == UInt8(ascii: "?") {
        result.append(UInt8(ascii: "$"))
        let digits = bytes[index...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        if digits.isEmpty {
          next += 1
          result += Array("\(next)".utf8)
        } else {
          result += digits
          index += digits.count
        }
      } else {
        result.append(byte)
      }
    }
    return String(decoding: result, as: UTF8.self)
  }
}
