/// What SQLite and PostgreSQL say differently, in one place: the store's statements are
/// written once, in the words both accept, with these fragments where they differ.
enum Dialect: Sendable {
  case sqlite
  case postgres

  /// A subquery of the integers in a JSON array (`placeholder` binds its text).
  func integers(inJSON placeholder: String) -> String {
    switch self {
    case .sqlite: "SELECT value FROM json_each(\(placeholder))"
    case .postgres: "SELECT jsonb_array_elements_text(\(placeholder)::jsonb)::bigint"
    }
  }

  /// `sql` with each `?` outside quotes numbered as PostgreSQL's `$1`, `$2`, …
  static func numbered(_ sql: String) -> String {
    guard sql.utf8.contains(UInt8(ascii: "?")) else { return sql }
    var result = ""
    result.reserveCapacity(sql.utf8.count + 8)
    var number = 0
    var quote: Character?
    for character in sql {
      if let open = quote {
        if character == open { quote = nil }
        result.append(character)
      } else if character == "'" || character == "\"" {
        quote = character
        result.append(character)
      } else if character == "?" {
        number += 1
        result += "$\(number)"
      } else {
        result.append(character)
      }
    }
    return result
  }
}
