import BatonModel
import Foundation
import IntentMatching

/// The replies the conversation gives without running anything: a question for a missing
/// slot, a line not understood, a name the workspace lacks, a question left unanswered.
enum ConversationReplies {
  /// Asks for the first required slot the line and the focus left empty.
  static func question(for slot: SlotDefinition) -> Reply {
    Reply(
      kind: .question, text: SampleValues.question(for: slot),
      data: ["missing_slot": .string(slot.name), "type": .string(slot.type.rawValue)])
  }

  /// The next line neither answered a pending question nor was a command of its own.
  static func unanswered(_ pending: PendingQuestion) -> Reply {
    Reply(
      kind: .notUnderstood,
      text: "That does not answer which \(pending.missing.name) for “\(pending.input)”; the question is dropped.",
      data: ["unanswered": .string(pending.missing.name)])
  }

  /// Not understood, with up to three intents the line came nearest to, as examples.
  static func notUnderstood(_ match: Match, catalog: IntentCatalog) -> Reply {
    let typed = match.input.trimmingCharacters(in: .whitespaces)
    if ["y", "n"].contains(typed.lowercased()) {
      return Reply(kind: .notUnderstood, text: "There is nothing to confirm.", data: ["suggestions": []])
    }
    guard match.hasKnownWords else {
      // Nothing in the line to go on: any three suggestions would be a guess.
      return Reply(
        kind: .notUnderstood,
        text: "Not understood: “\(typed)”: baton knows none of its words. Type help for what baton can do.",
        data: ["suggestions": [], "confidence": .double((match.confidence * 100).rounded() / 100)])
    }
    let suggestions = match.candidates.prefix(3).compactMap { candidate -> String? in
      guard let intent = catalog.intent(named: candidate.intent), let example = intent.examples.first else {
        return nil
      }
      return SampleValues.readable(example.text, intent: intent)
    }
    if let verb = match.delivery {
      // What it can do instead: answer here, for the person to pass on.
      let instead = suggestions.first.map { " Ask for it here and pass the answer on: “\($0)”." } ?? ""
      return Reply(
        kind: .notUnderstood,
        text: "Not done: baton answers here and sends nothing, so it cannot “\(verb)” it." + instead,
        data: [
          "suggestions": .array(suggestions.prefix(1).map(JSONValue.string)), "delivery": .string(verb),
          "confidence": .double((match.confidence * 100).rounded() / 100),
        ])
    }
    var text = "Not understood: “\(match.input.trimmingCharacters(in: .whitespaces))”."
    if !match.unknownWords.isEmpty { text += " " + UnusedEntities.unknownWordsSaid(match.unknownWords) }
    if !suggestions.isEmpty {
      text += " Did you mean: " + suggestions.map { "“\($0)”" }.joined(separator: ", ") + "?"
    }
    text += " Type help for what baton can do."
    return Reply(
      kind: .notUnderstood, text: text,
      data: [
        "suggestions": .array(suggestions.map(JSONValue.string)),
        "confidence": .double((match.confidence * 100).rounded() / 100),
      ])
  }

  /// A change said under a condition, refused: baton makes a change when asked.
  static func conditional(_ condition: String) -> Reply {
    .refused(
      "Not done: “\(condition)” is a condition, and baton makes a change when it is asked, not when something "
        + "happens. Say the change once it holds.",
      reason: .unusedWords, ["condition": .string(condition)])
  }

  /// A question that reads like a side effect and like nothing baton answers: it is not
  /// carried out.
  static func questionNotCommand(_ match: Match, catalog: IntentCatalog) -> Reply {
    var reply = notUnderstood(match, catalog: catalog)
    guard let intent = match.intent, let example = intent.examples.first else {
      reply.blocks.append(.text("A question is answered, never carried out: nothing was changed."))
      return reply
    }
    // The change as a request, with the names the line gave ("route lead 17").
    let sample = SampleValues.readable(example.text, intent: intent)
    let request =
      intent.slots.allSatisfy { !example.text.contains("{\($0.name)}") || match.slots[$0.name] != nil }
      ? SlotTemplate(example.text).filled { match.slots[$0]?.display } : sample
    let text =
      "Nothing changed: “\(match.input.trimmingCharacters(in: .whitespaces))” is a question, and a question is "
      + "answered, never carried out. To make the change, ask for it: “\(request)”."
    return Reply(
      kind: .notUnderstood, text: text,
      data: [
        "suggestions": .array([.string(request)]), "confidence": .double((match.confidence * 100).rounded() / 100),
      ])
  }

  /// A line that names a record the workspace lacks ("deals at Zenith Robotics"), with the
  /// nearest names of that kind: spelled alike, then sharing a word ("Priya Kumar": Priya
  /// Natarajan).
  static func unknownName(_ unknown: Match.UnknownName, names: [NamedEntity]) -> Reply {
    let candidates = names.filter { unknown.kinds.contains($0.kind) }.map { $0.phrases.first ?? $0.display }
    let words = Set(unknown.text.lowercased().split(separator: " "))
    let sharing = candidates.filter { !words.isDisjoint(with: $0.lowercased().split(separator: " ")) }.sorted()
    var nearest: [String] = []
    for name in EditDistance.suggestions(for: unknown.text, among: candidates) + sharing
    where !nearest.contains(name) && nearest.count < 3 {
      nearest.append(name)
    }
    let what = "\(unknown.kinds.map(\.rawValue).joined(separator: " or ")) called “\(unknown.text)”"
    return .notFound(what, nearest: nearest, ["slot": .string(unknown.slot)])
  }
}
