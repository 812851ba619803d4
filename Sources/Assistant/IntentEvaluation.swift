import BatonModel
import Foundation
import IntentMatching
import WorkspaceStore

/// `baton intents eval`: labelled lines, as people type them, run through whole sessions.
///
/// Each session's lines are answered in order in one conversation on a fresh demo workspace,
/// as `jordan` (RevOps) with side effects confirmed, as `--yes` would: what a line is read as
/// depends on the lines before it ("move it"). A line is right when the turn's intent is the
/// label (`not_understood` for a line baton should refuse); a labelled slot is right when the
/// turn's slot of that name names the labelled text (its key or display contains it, case,
/// dashes and underscores aside).
public struct IntentEvaluation {
  /// One labelled line.
  public struct Case: Sendable, Equatable {
    public var session: String
    public var line: String
    /// The intent expected, or `not_understood`.
    public var intent: String
    /// Expected slots: name and a text the value must contain.
    public var slots: [(name: String, text: String)]
    /// Where it is in the file, for misses.
    public var lineNumber: Int

    public static func == (lhs: Case, rhs: Case) -> Bool {
      lhs.session == rhs.session && lhs.line == rhs.line && lhs.intent == rhs.intent
        && lhs.slots.map { "\($0.name)=\($0.text)" } == rhs.slots.map { "\($0.name)=\($0.text)" }
        && lhs.lineNumber == rhs.lineNumber
    }
  }

  /// A file line that is not a labelled case.
  public struct FormatError: Error, CustomStringConvertible {
    public var lineNumber: Int
    public var message: String
    public var description: String { "line \(lineNumber): \(message)" }
  }

  public static let notUnderstood = "not_understood"

  /// Reads the tab-separated file: session, line, intent, slots (`name=text;…`, may be
  /// empty); blank lines and lines starting with `#` are skipped.
  public static func cases(fromTSV text: String) throws -> [Case] {
    var cases: [Case] = []
    for (index, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      let trimmed = row.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 3 else {
        throw FormatError(lineNumber: number, message: "expected session, line, intent and slots, tab-separated")
      }
      var slots: [(String, String)] = []
      for pair in (fields.count > 3 ? fields[3] : "").split(separator: ";") {
        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else {
          throw FormatError(lineNumber: number, message: "a slot is name=text, not “\(pair)”")
        }
        slots.append((parts[0], parts[1]))
      }
      cases.append(
        Case(
          session: fields[0], line: fields[1].trimmingCharacters(in: .whitespaces),
          intent: fields[2].trimmingCharacters(in: .whitespaces), slots: slots, lineNumber: number))
    }
    return cases
  }

  /// What came of one case.
  public struct Outcome: Sendable {
    public var testCase: Case
    public var intent: String
    public var slots: [String: SlotValue]
    public var reply: Reply
    /// The labelled slots the turn did not name as labelled.
    public var missedSlots: [(name: String, text: String)]

    public var intentRight: Bool { intent == testCase.intent }
    /// A line that should have been refused ran a side effect.
    public var executedOutOfScope: Bool {
      testCase.intent == IntentEvaluation.notUnderstood && reply.kind == .done
    }
  }

  /// The figures, and every miss.
  public struct Report: Sendable {
    public var outcomes: [Outcome]

    public var intentAccuracy: Double {
      Double(outcomes.filter(\.intentRight).count) / Double(max(1, outcomes.count))
    }
    public var slotCount: Int { outcomes.reduce(0) { $0 + $1.testCase.slots.count } }
    public var slotAccuracy: Double {
      let missed = outcomes.reduce(0) { $0 + $1.missedSlots.count }
      return Double(slotCount - missed) / Double(max(1, slotCount))
    }
    public var outOfScope: Int { outcomes.filter { $0.testCase.intent == IntentEvaluation.notUnderstood }.count }
    public var executedOutOfScope: Int { outcomes.filter(\.executedOutOfScope).count }

    /// The report as lines of text: the figures, then each miss with what was read.
    public var lines: [String] {
      func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
      var lines = [
        "lines: \(outcomes.count) (\(outOfScope) out of scope), sessions: \(Set(outcomes.map(\.testCase.session)).count)",
        "intent right: \(percent(intentAccuracy)) (\(outcomes.filter(\.intentRight).count) of \(outcomes.count))",
        "slots right: \(percent(slotAccuracy)) (\(slotCount - outcomes.reduce(0) { $0 + $1.missedSlots.count }) of \(slotCount))",
        "out-of-scope lines executed: \(executedOutOfScope)",
      ]
      let misses = outcomes.filter { !$0.intentRight || !$0.missedSlots.isEmpty || $0.executedOutOfScope }
      if !misses.isEmpty { lines.append("misses:") }
      for miss in misses {
        let read = miss.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.value.key)" }
          .joined(separator: ";")
        var line = "  \(miss.testCase.lineNumber) [\(miss.testCase.session)] “\(miss.testCase.line)”: "
        line += miss.intentRight ? "slots" : "expected \(miss.testCase.intent), read \(miss.intent)"
        if !miss.missedSlots.isEmpty {
          line += "; missed " + miss.missedSlots.map { "\($0.name)=\($0.text)" }.joined(separator: ";")
        }
        if !read.isEmpty { line += "; read " + read }
        if miss.executedOutOfScope { line += "; EXECUTED" }
        line += " → " + String(miss.reply.firstLine.prefix(100))
        lines.append(line)
      }
      return lines
    }
  }

  public let catalog: IntentCatalog
  public let today: Day
  /// Who acts in every session.
  public var actor = "jordan"

  public init(catalog: IntentCatalog, today: Day) {
    self.catalog = catalog
    self.today = today
  }

  /// Runs every session, each on its own fresh demo workspace.
  public func run(_ cases: [Case]) throws -> Report {
    var order: [String] = []
    var bySession: [String: [Case]] = [:]
    for item in cases {
      if bySession[item.session] == nil { order.append(item.session) }
      bySession[item.session, default: []].append(item)
    }
    let names = try Workspace.inMemory(.demo(today: today)).vocabulary()
    let matcher = IntentMatcher(catalog: catalog, names: names)
    var outcomes: [Outcome] = []
    for session in order {
      let workspace = try Workspace.inMemory(.demo(today: today))
      guard let actor = try workspace.actor(named: actor) else { throw WorkspaceError.demoData("no \(actor)") }
      let conversation = Session(
        workspace: workspace, matcher: matcher, actor: actor, confirmations: .assumeYes, today: { today })
      for item in bySession[session] ?? [] {
        let turn = conversation.handle(item.line)
        outcomes.append(
          Outcome(
            testCase: item, intent: turn.intent ?? Self.notUnderstood, slots: turn.slots, reply: turn.reply,
            missedSlots: item.slots.filter { !Self.names(turn.slots[$0.name], $0.text) }))
      }
    }
    return Report(outcomes: outcomes)
  }

  /// Whether `slot` names `text`: its key or display contains it, case, dashes and
  /// underscores aside.
  static func names(_ slot: SlotValue?, _ text: String) -> Bool {
    guard let slot else { return false }
    func plain(_ value: String) -> String {
      value.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    }
    let wanted = plain(text)
    return plain(slot.value.key).contains(wanted) || plain(slot.value.display).contains(wanted)
  }
}
