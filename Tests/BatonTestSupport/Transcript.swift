import Foundation

/// A golden transcript: `> input` lines, each followed by the output expected for it.
/// Lines starting with `# ` before the first input are the header (comments and settings);
/// after it, every line is output (a table's `#` column too). Re-record with `BATON_RECORD=1` (and review the
/// diff like code).
public struct Transcript {
  public struct Step: Equatable {
    public var input: String
    public var expected: String
  }

  public var url: URL
  public var header: [String]
  public var steps: [Step]

  public init(url: URL) throws {
    self.url = url
    let text = try String(contentsOf: url, encoding: .utf8)
    var header: [String] = []
    var steps: [Step] = []
    var current: (input: String, output: [String])?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("> ") {
        if let step = current { steps.append(Step(input: step.input, expected: Self.join(step.output))) }
        current = (String(line.dropFirst(2)), [])
      } else if current == nil {
        if line.hasPrefix("# ") || line == "#" { header.append(line) }
      } else {
        current?.output.append(line)
      }
    }
    if let step = current { steps.append(Step(input: step.input, expected: Self.join(step.output))) }
    self.header = header
    self.steps = steps
  }

  /// Output lines, without the blank lines that separate steps in the file.
  private static func join(_ lines: [String]) -> String {
    var lines = lines
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// Writes the transcript back with `actual` outputs.
  public func record(_ actual: [String]) throws {
    var text = header.joined(separator: "\n")
    if !header.isEmpty { text += "\n" }
    for (step, output) in zip(steps, actual) {
      text += "> \(step.input)\n\(output)\n\n"
    }
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  /// Whether re-recording was asked for.
  public static var recording: Bool {
    ProcessInfo.processInfo.environment["BATON_RECORD"] == "1"
  }

  /// A readable line diff of two texts, for failure messages.
  public static func diff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for index in 0..<max(old.count, new.count) {
      let a = index < old.count ? String(old[index]) : nil
      let b = index < new.count ? String(new[index]) : nil
      if a == b {
        lines.append("  \(a ?? "")")
      } else {
        if let a { lines.append("- \(a)") }
        if let b { lines.append("+ \(b)") }
      }
    }
    return lines.joined(separator: "\n")
  }
}
