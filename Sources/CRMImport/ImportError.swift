/// Why a file could not be imported at all (as opposed to a row that cannot be taken).
public enum ImportError: Error, Equatable, CustomStringConvertible {
  /// The file cannot be read.
  case unreadable(path: String, detail: String)
  /// The file is not well-formed CSV at `line`.
  case malformed(path: String, line: Int, detail: String)
  /// No column maps to a field every row needs.
  case missingColumn(path: String, field: String, columns: [String])
  /// A `--map` or `--stage-map` option that does not make sense.
  case badOption(String)
  /// Rows that cannot be taken, and `--skip-bad-rows` was not given: nothing was imported.
  case badRows(path: String, problems: [RowProblem])
  /// The actor may not import.
  case refused(String)
  case `internal`(String)

  public var description: String {
    switch self {
    case .unreadable(let path, let detail): "cannot read \(path): \(detail)"
    case .malformed(let path, let line, let detail): "\(path):\(line): not valid CSV: \(detail)"
    case .missingColumn(let path, let field, let columns):
      "\(path):1: no column gives the \(field) (columns: \(columns.joined(separator: ", "))); name one with --map COLUMN=\(field)"
    case .badOption(let message): message
    case .badRows(let path, let problems):
      (RowProblem.grouped(problems, path: path)
        + [
          "Nothing imported: \(problems.count) \(problems.count == 1 ? "row" : "rows") cannot be taken. Fix \(problems.count == 1 ? "it" : "them"), or pass --skip-bad-rows to import the rest."
        ]).joined(separator: "\n")
    case .refused(let message): message
    case .internal(let message): message
    }
  }
}

/// A row that cannot be taken: its line in the file and why.
public struct RowProblem: Error, Equatable, Sendable {
  public var line: Int
  public var reason: String

  /// At most this many reasons are listed, and this many lines a reason.
  static let listedReasons = 20
  static let listedLines = 8

  /// The problems as a person reads them: one line a reason, in the order they first
  /// appear, with how many rows have it and the first of their lines ("unknown stage
  /// “Won”: 4,238 rows, lines 2, 3, 5 …"), not thousands of lines saying the same.
  public static func grouped(_ problems: [RowProblem], path: String) -> [String] {
    var order: [String] = []
    var lines: [String: [Int]] = [:]
    for problem in problems {
      if lines[problem.reason] == nil { order.append(problem.reason) }
      lines[problem.reason, default: []].append(problem.line)
    }
    var result = order.prefix(listedReasons).map { reason -> String in
      let rows = lines[reason] ?? []
      guard rows.count > 1, let first = rows.first else { return "\(path):\(rows.first ?? 0): \(reason)" }
      let shown = rows.prefix(listedLines).map(String.init).joined(separator: ", ")
      return "\(path):\(first): \(reason): \(thousands(rows.count)) rows, lines \(shown)"
        + (rows.count > listedLines ? " …" : "")
    }
    if order.count > listedReasons { result.append("… and \(order.count - listedReasons) more reasons") }
    return result
  }

  /// "4,238": a count with its thousands marked.
  public static func thousands(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (number < 0 ? "-" : "") + result
  }
}
