import Actions
import BatonModel
import Foundation
import IntentMatching
import WorkspaceStore

/// One conversation: each line is matched, resolved against the context, run, and answered
/// with a typed reply. No I/O: the CLI reads lines and renders turns.
public final class Session {
  public let workspace: Workspace
  public let matcher: IntentMatcher
  public private(set) var actor: Actor
  private let registry: ActionRegistry
  private let today: () -> Day
  var state = ConversationState()
  private let followupCues: [[String]]

  /// - Parameters:
  ///   - today: the clock, injected so tests and transcripts are stable.
  public init(
    workspace: Workspace, matcher: IntentMatcher, actor: Actor,
    registry: ActionRegistry = .standard, today: @escaping () -> Day
  ) {
    self.workspace = workspace
    self.matcher = matcher
    self.actor = actor
    self.registry = registry
    self.today = today
    followupCues = matcher.catalog.followupCues
      .map { matcher.normalizedWords($0) }
      .sorted { $0.count > $1.count }
  }

  /// The action names this session can run: workspace actions and the session's own.
  public static func knownActions(_ registry: ActionRegistry = .standard) -> Set<String> {
    Set(registry.handlers.keys).union(SessionActions.names)
  }

  /// The intent actions that have no handler, and handlers no intent names.
  public static func unmatchedActions(
    in catalog: IntentCatalog, registry: ActionRegistry = .standard
  ) -> (unhandled: [IntentDefinition], unused: [String]) {
    let known = knownActions(registry)
    let named = Set(catalog.intents.map(\.action))
    return (
      catalog.intents.filter { !known.contains($0.action) },
      known.subtracting(named).sorted()
    )
  }

  /// How the last line was read, for `--explain`.
  public var lastMatch: Match? { state.lastMatch }

  /// What the prompt shows in focus: "deal 42".
  public var focusDescription: String? { state.promptFocus }

  /// Words Tab may complete: the intents' words and the workspace's names.
  public func completionWords(names: [NamedEntity]) -> [String] {
    var words = Set<String>()
    for intent in matcher.catalog.intents {
      for example in intent.examples {
        for word in example.text.split(separator: " ") where !word.contains("{") {
          words.insert(String(word))
        }
      }
    }
    for name in names {
      for phrase in name.phrases { words.formUnion(phrase.split(separator: " ").map(String.init)) }
    }
    return words.filter { $0.count > 2 }.sorted()
  }

  /// Handles one line.
  public func handle(_ line: String) -> Turn {
    let day = today()
    let match = matcher.match(line, today: day)
    // `why` explains the line before it, so it must not replace what it explains.
    if match.intent?.action != "session.why" { state.explainable = match }
    if let pending = state.pending {
      state.pending = nil
      if let answered = answer(pending, with: line, match: match, today: day) { return answered }
      if match.intent == nil {
        state.lastMatch = match
        return Turn(
          input: line, intent: nil, slots: [:],
          reply: Reply(
            kind: .notUnderstood,
            text: "That does not answer which \(pending.missing.name) for “\(pending.input)”; the question is dropped.",
            data: ["unanswered": .string(pending.missing.name)]))
      }
    }
    state.lastMatch = match
    if let followup = followUp(match) {
      return run(followup.intent, slots: followup.slots, input: line, today: day)
    }
    guard var intent = match.intent else { return notUnderstood(match) }
    var slots = match.slots.mapValues { SlotValue($0, source: .line) }
    if let alternative = completableAlternative(to: intent, slots: slots, match: match) {
      (intent, slots) = alternative
    }
    // A follow-up of the same question keeps the slots the line did not change.
    if intent.name == state.lastIntent?.name {
      for (name, value) in state.lastSlots where slots[name] == nil && intent.slot(named: name)?.required == true {
        slots[name] = SlotValue(value.value, source: .context)
      }
    }
    return run(intent, slots: slots, input: line, today: day)
  }

  /// Fills required slots from the focus, asks when one is still missing, then runs.
  private func run(_ intent: IntentDefinition, slots: [String: SlotValue], input: String, today: Day)
    -> Turn
  {
    var slots = slots
    for slot in intent.slots where slot.required && slots[slot.name] == nil {
      if let value = state.focus[slot.type] { slots[slot.name] = SlotValue(value, source: .context) }
    }
    if let missing = intent.slots.first(where: { $0.required && slots[$0.name] == nil }) {
      state.pending = PendingQuestion(intent: intent, slots: slots, missing: missing, input: input)
      return Turn(
        input: input, intent: intent.name, slots: slots,
        reply: Reply(
          kind: .question, text: question(for: missing),
          data: ["missing_slot": .string(missing.name), "type": .string(missing.type.rawValue)]))
    }
    let reply: Reply
    var ends = false
    if let sessionReply = SessionActions.run(intent.action, session: self, slots: slots) {
      reply = sessionReply.reply
      ends = sessionReply.ends
    } else if let handler = registry.handler(for: intent.action) {
      let request = ActionRequest(
        action: intent.action, slots: slots, actor: actor, input: input, today: today)
      do {
        reply = try handler(request, workspace)
      } catch let error as WorkspaceError {
        reply = Reply(kind: .error, text: "\(error)", data: ["error": .string("workspace")])
      } catch {
        reply = Reply(
          kind: .error, text: "Internal error: \(error). Please file a bug.", data: ["error": .string("internal")])
      }
    } else {
      reply = Reply(kind: .error, text: "No handler for the action '\(intent.action)'. Please file a bug.")
    }
    if reply.ok && !intent.name.hasPrefix("session.") {
      state.remember(slots)
      state.lastIntent = intent
      state.lastSlots = slots
    }
    return Turn(input: input, intent: intent.name, slots: slots, reply: reply, endsSession: ends)
  }

  /// When the winner lacks a required slot that nothing in focus can fill, a near-tied
  /// candidate that the line and focus complete is the likelier reading ("how is it defined"
  /// with a stage in focus is the stage's definition, not a metric's).
  private func completableAlternative(
    to intent: IntentDefinition, slots: [String: SlotValue], match: Match
  ) -> (IntentDefinition, [String: SlotValue])? {
    func complete(_ candidate: IntentDefinition, _ filled: [String: SlotValue]) -> Bool {
      candidate.slots.allSatisfy { !$0.required || filled[$0.name] != nil || state.focus[$0.type] != nil }
    }
    guard !complete(intent, slots), let best = match.candidates.first else { return nil }
    for candidate in match.candidates.dropFirst() where best.score - candidate.score <= 0.1 {
      guard let other = matcher.catalog.intent(named: candidate.intent), !other.sideEffects,
        let otherSlots = matcher.slots(of: match, readAs: candidate.intent)
      else { continue }
      let filled = otherSlots.mapValues { SlotValue($0, source: .line) }
      if complete(other, filled) { return (other, filled) }
    }
    return nil
  }

  /// A line opening with a follow-up cue ("and", "what about") whose names all fit the last
  /// intent's slots re-asks that intent with those slots changed.
  private func followUp(_ match: Match) -> (intent: IntentDefinition, slots: [String: SlotValue])? {
    guard let last = state.lastIntent, !match.entities.isEmpty else { return nil }
    let words = match.tokens.map(\.text)
    guard followupCues.contains(where: { !$0.isEmpty && words.starts(with: $0) }) else { return nil }
    var slots = state.lastSlots.mapValues { SlotValue($0.value, source: .context) }
    var changed = false
    for entity in match.entities {
      guard let slot = last.slots.first(where: { entity.value(of: $0.type) != nil }),
        let value = entity.value(of: slot.type)
      else { return nil }
      slots[slot.name] = SlotValue(value, source: .line)
      changed = true
    }
    return changed ? (last, slots) : nil
  }

  /// Takes the next line as the answer to a pending question, if it is one: a short line
  /// naming a thing of the kind asked for, or the same intent again. A line that is clearly a
  /// new command is not an answer.
  private func answer(_ pending: PendingQuestion, with line: String, match: Match, today: Day)
    -> Turn?
  {
    let entities = matcher.entities(in: line, today: today)
    let kind = pending.missing.type
    var value = entities.lazy.compactMap { $0.value(of: kind) }.first
    if value == nil, [.deal, .task, .lead, .change].contains(kind),
      let number = entities.lazy.compactMap({ $0.value(of: .number) }).first
    {
      value = EntityValue(kind: kind, key: number.key, display: "\(kind.rawValue) \(number.key)")
    }
    guard let value else { return nil }
    let isNewCommand =
      match.intent != nil && match.intent?.name != pending.intent.name && match.tokens.count > 4
    guard !isNewCommand else { return nil }
    var slots = pending.slots
    slots[pending.missing.name] = SlotValue(value, source: .line)
    state.lastMatch = match
    return run(pending.intent, slots: slots, input: line, today: today)
  }

  private func question(for slot: SlotDefinition) -> String {
    let example: String
    switch slot.type {
    case .deal: example = "deal 42"
    case .stage: example = "Negotiation"
    case .responsibility: example = "stage exit criteria"
    case .team: example = "Sales Ops"
    case .person: example = "Priya"
    case .metric: example = "NRR"
    case .account: example = "Globex"
    default: example = ""
    }
    let name = slot.name == slot.type.rawValue ? slot.type.rawValue : slot.name
    return "Which \(name)?" + (example.isEmpty ? "" : " For example: \(example)")
  }

  private func notUnderstood(_ match: Match) -> Turn {
    let suggestions = match.candidates.prefix(3).compactMap { candidate -> String? in
      guard let intent = matcher.catalog.intent(named: candidate.intent),
        let example = intent.examples.first
      else { return nil }
      return Self.readable(example.text)
    }
    var text = "Not understood: “\(match.input.trimmingCharacters(in: .whitespaces))”."
    if !suggestions.isEmpty {
      text += " Did you mean: " + suggestions.map { "“\($0)”" }.joined(separator: ", ") + "?"
    }
    text += " Type help for what baton can do."
    return Turn(
      input: match.input, intent: nil, slots: [:],
      reply: Reply(
        kind: .notUnderstood, text: text,
        data: [
          "suggestions": .array(suggestions.map(JSONValue.string)),
          "confidence": .double((match.confidence * 100).rounded() / 100),
        ]))
  }

  /// An example with its markers filled by typical values, to show a user.
  static func readable(_ example: String) -> String {
    let samples = [
      "{responsibility}": "stage exit criteria", "{deal}": "deal 42", "{stage}": "SQL",
      "{team}": "Sales Ops", "{other}": "RevOps", "{person}": "Priya", "{metric}": "NRR",
      "{account}": "Globex", "{handoff}": "sales to CS", "{raci}": "consulted", "{topic}": "workflows",
    ]
    var text = example
    for (marker, sample) in samples { text = text.replacingOccurrences(of: marker, with: sample) }
    return text
  }

  /// Clears the focus and any pending question.
  func reset() { state = ConversationState() }
}
