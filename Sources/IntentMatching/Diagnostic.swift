import Yams

/// A problem found in an intent file, reported compiler-style:
/// `intents/deals.yaml:12:7: error: unknown slot type 'dael'` then `note: did you mean 'deal'?`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String
  public var notes: [String]

  public init(
    _ severity: Severity, file: String, line: Int, column: Int, _ message: String,
    notes: [String] = []
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.notes = notes
  }

  /// A YAML error at its place: the parser's own line and column and the problem alone
  /// (Yams appends the whole document as context to some descriptions).
  public static func yaml(_ error: YamlError, file: String) -> Diagnostic {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return Diagnostic(.error, file: file, line: mark.line, column: mark.column, "YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return Diagnostic(
        .error, file: file, line: context.mark.line, column: context.mark.column, "YAML: the key \(keys) is given twice"
      )
    default:
      let first = "\(error)".split(separator: "\n", maxSplits: 1).first.map(String.init) ?? "\(error)"
      return Diagnostic(.error, file: file, line: 1, column: 1, "YAML: \(first)")
    }
  }

  public var description: String {
    (["\(file):\(line):\(column): \(severity.rawValue): \(message)"]
      + notes.map { "\(file):\(line):\(column): note: \($0)" }).joined(separator: "\n")
  }
}
