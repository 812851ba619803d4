import BatonModel
import Conversation
import Foundation
import IntentMatching

/// The session's own actions: they read or change the conversation, not the workspace.
enum SessionActions {
  static let names: Set<String> = Set(
    [SessionIntent.help, .context, .why, .reset, .quit, .yes, .no].map(\.rawValue))

  /// Runs `action` if it is a session action; nil otherwise.
  static func run(_ action: String, session: Session, slots: [String: SlotValue]) -> (
    reply: Reply, ends: Bool
  )? {
    switch SessionIntent(rawValue: action) {
    case .help: return (help(session, topic: slots["topic"]?.value.key), false)
    case .context: return (context(session), false)
    case .why: return (why(session), false)
    case .reset:
      session.reset()
      return (Reply(kind: .done, text: "Context cleared."), false)
    case .quit: return (Reply(kind: .done, text: "Bye."), true)
    case .yes, .no:
      // A pending confirmation is answered before matching; here there is none.
      return (Reply(kind: .answer, text: "There is nothing to confirm.", data: ["confirm": .null]), false)
    case .undo, nil: return nil
    }
  }

  private static func help(_ session: Session, topic: String?) -> Reply {
    var intents = session.matcher.catalog.intents
    if let topic = topic?.lowercased(), ["workflows", "workflow", "changes", "actions"].contains(topic) {
      // Every side effect, whichever file declares it: assigning, completing, proposing,
      // approving and undoing as much as moving a deal.
      intents = intents.filter(\.sideEffects)
    } else if let topic = topic?.lowercased() {
      // A topic is an intent file's area ("tasks"), or a word of a name or description.
      let filtered = intents.filter {
        $0.name.lowercased().contains(topic) || $0.description.lowercased().contains(topic)
          || URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent.lowercased() == topic
      }
      if !filtered.isEmpty { intents = filtered }
    }
    let rows = intents.map { intent in
      [intent.examples.first.map { SampleValues.readable($0.text, intent: intent) } ?? intent.name, intent.description]
    }
    return Reply(
      kind: .table,
      blocks: [
        .text("Ask in your own words; for example:"),
        .table(Table(header: ["Say", "To get"], rows: rows)),
        .text(
          "Follow-ups keep the subject: “and who is consulted?”, “what about forecast categories”. Type why to see how a line was read."
        ),
      ],
      data: ["intents": .array(intents.map { ["name": .string($0.name), "description": .string($0.description)] })])
  }

  private static func context(_ session: Session) -> Reply {
    let state = session.resolver.state
    let focus = state.focusInOrder
    guard !focus.isEmpty || state.lastIntent != nil else {
      return Reply(kind: .answer, text: "Nothing is in focus yet.", data: ["focus": [:]])
    }
    var lines = focus.map { "  \($0.kind.rawValue): \($0.value.display)" }
    if let last = state.lastIntent { lines.insert("  last question: \(last.name)", at: 0) }
    var data: [String: JSONValue] = [:]
    for (kind, value) in focus { data[kind.rawValue] = .string(value.key) }
    return Reply(
      kind: .answer, text: "In focus:\n" + lines.joined(separator: "\n"),
      data: ["focus": .object(data), "last_intent": state.lastIntent.map { .string($0.name) } ?? .null])
  }

  private static func why(_ session: Session) -> Reply {
    guard let match = session.resolver.state.explainable else {
      return Reply(kind: .answer, text: "There is no earlier line to explain.")
    }
    return Explanation.reply(for: match)
  }
}
