import Assistant
import Foundation
import WorkspaceStore

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

  /// The stories, kept beside the acceptance tests that replay them.
  public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("AssistantTests/Transcripts")

  /// The stories' file names, sorted.
  public static var names: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".transcript") }.sorted()
  }

  public init(named name: String) throws {
    try self.init(url: Self.directory.appendingPathComponent(name))
  }

  /// Whether replies are rendered as `--json` renders them (`# json`).
  public var isJSON: Bool { header.contains("# json") }

  /// The terminal width (`# width: N`), 100 by default.
  public var width: Int {
    header.first { $0.hasPrefix("# width: ") }.flatMap { Int($0.dropFirst(9)) } ?? 100
  }

  /// A session on the demo workspace as the header sets it: its actor (`# as: HANDLE`,
  /// Priya by default) and how side effects are confirmed: asked (the default, as at a
  /// terminal), `# yes` (as `--yes`) or `# script` (a script without `--yes`: refused).
  public func session() throws -> Session {
    configured(try Fixtures.session(actor: actor))
  }

  /// The actor the header names (`# as: HANDLE`), Priya by default.
  public var actor: String {
    header.first { $0.hasPrefix("# as: ") }.map { String($0.dropFirst(6)) } ?? "priya"
  }

  /// A session as the header sets it on the demo in `workspace`, made at `Fixtures.today`
  /// and opened as the header's actor.
  public func session(on workspace: Workspace) throws -> Session {
    let session =
      try Fixtures.demoMatcher.get().map { try Fixtures.session(on: workspace, matcher: $0, actor: actor) }
      ?? Fixtures.session(on: workspace, actor: actor)
    return configured(session)
  }

  private func configured(_ session: Session) -> Session {
    if header.contains("# yes") {
      session.confirmations = .assumeYes
    } else if header.contains("# script") {
      session.confirmations = .refuse
    }
    return session
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
