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
      (problems.prefix(20).map { "\(path):\($0.line): \($0.reason)" }
        + (problems.count > 20 ? ["… and \(problems.count - 20) more"] : [])
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
}
