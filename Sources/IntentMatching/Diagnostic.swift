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

  public var description: String {
    (["\(file):\(line):\(column): \(severity.rawValue): \(message)"]
      + notes.map { "\(file):\(line):\(column): note: \($0)" }).joined(separator: "\n")
  }
}
