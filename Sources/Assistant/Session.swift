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
  private let now: () -> String
  /// What a side effect's confirmation does: ask, assume yes, or refuse.
  public var confirmations: ConfirmationPolicy
  /// Whether questions' answers carry their `data` (`ActionRequest.includesData`): on for
  /// `--json` and for callers that read it; off, text-only output skips building it.
  public var answersCarryData = true
  var state = ConversationState()
  /// The audit rows of the changes made in this session, oldest first: what `undo` reverses.
  /// Kept apart from the focus, so `reset` does not forget them.
  private(set) var changes: [Int64] = []
  private let followupCues: [[String]]
  /// The normalized words of `confirm.yes` and `confirm.no` examples, taken as they are when a
  /// confirmation is pending; with the "y" and "n" that the "[y/N]" prompt itself offers (too
  /// short to be examples: they would rank against any line with a stray letter).
  private let answers: [String: String]

  /// - Parameters:
  ///   - today: the clock, injected so tests and transcripts are stable.
  ///   - now: this moment as ISO 8601, for the audit log; by default 09:00 UTC of `today`.
  public init(
    workspace: Workspace, matcher: IntentMatcher, actor: Actor,
    registry: ActionRegistry = .standard, confirmations: ConfirmationPolicy = .ask,
    today: @escaping () -> Day, now: (() -> String)? = nil
  ) {
    self.workspace = workspace
    self.matcher = matcher
    self.actor = actor
    self.registry = registry
    self.confirmations = confirmations
    self.today = today
    self.now = now ?? { "\(today().iso)T09:00:00Z" }
    followupCues = matcher.catalog.followupCues
      .map { matcher.normalizedWords($0) }
      .sorted { $0.count > $1.count }
    var answers = ["y": "confirm.yes", "n": "confirm.no"]
    for name in ["confirm.yes", "confirm.no"] {
      for example in matcher.catalog.intent(named: name)?.examples ?? [] {
        answers[matcher.normalizedWords(example.text).joined(separator: " ")] = name
      }
    }
    self.answers = answers
  }

  /// The action names this session can run: workspace actions and the session's own.
  public static func knownActions(_ registry: ActionRegistry = .standard) -> Set<String> {
    registry.names.union(SessionActions.names)
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

  /// What Tab offers now: while a question waits, the names of the kind it asks for (and
  /// "yes"/"no" for a confirmation); otherwise `general`.
  public func completionCandidates(names: [NamedEntity], general: [String]) -> [String] {
    if state.confirmation != nil { return ["yes", "no"] }
    guard let kind = state.pending?.missing.type else { return general }
    var words = Set<String>()
    for name in names where name.kind == kind {
      if Int64(name.key) != nil { words.insert(name.key) }
      for phrase in name.phrases { words.formUnion(phrase.split(separator: " ").map(String.init)) }
    }
    return words.sorted()
  }

  /// The longest line read, in characters: every question and command fits in a few
  /// hundred, and a pasted document would only cost time to be refused anyway.
  public static let maximumLineLength = 2_000

  /// The day the session's dates are read against, now.
  public var day: Day { today() }

  /// Handles one line; `prereading` is the line matched ahead of its turn (`Prereading`),
  /// used when the conversation cannot have changed how it reads.
  public func handle(_ line: String, prereading: Prereading? = nil) -> Turn {
    if line.utf8.count > Self.maximumLineLength && line.count > Self.maximumLineLength {
      state.confirmation = nil
      return Turn(
        input: String(line.prefix(80)) + "…", intent: nil, slots: [:],
        reply: Reply(
          kind: .notUnderstood,
          text:
            "That line is \(line.count) characters long; baton reads lines of up to \(Self.maximumLineLength). Ask one thing at a time.",
          data: ["length": .int(Int64(line.count))]))
    }
    let day = today()
    let focus = Array(state.focus.keys)
    let match = prereading?.match(for: line, day: day, focus: focus) ?? matcher.match(line, today: day, focus: focus)
    if let confirmation = state.confirmation {
      state.confirmation = nil
      if let answer = confirmationAnswer(line, match) {
        state.lastMatch = match
        return confirm(confirmation, yes: answer == "confirm.yes", line: line, today: day)
      }
      // Anything else drops the question: nothing was written, and the line is a new command.
    }
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
    if let unknown = match.unknownNames.first { return unknownName(unknown, intent: intent, input: line, today: day) }
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

  /// A line that names a record the workspace lacks ("deals at Zenith Robotics") is told
  /// so, with the nearest names of that kind, rather than answered about every record.
  private func unknownName(_ unknown: Match.UnknownName, intent: IntentDefinition, input: String, today: Day)
    -> Turn
  {
    let names = matcher.names.filter { unknown.kinds.contains($0.kind) }.map { $0.phrases.first ?? $0.display }
    // Names spelled alike, then names sharing a word ("Priya Kumar": Priya Natarajan).
    let words = Set(unknown.text.lowercased().split(separator: " "))
    let sharing = names.filter { !words.isDisjoint(with: $0.lowercased().split(separator: " ")) }.sorted()
    var nearest: [String] = []
    for name in EditDistance.suggestions(for: unknown.text, among: names) + sharing
    where !nearest.contains(name) && nearest.count < 3 {
      nearest.append(name)
    }
    let what = "\(unknown.kinds.map(\.rawValue).joined(separator: " or ")) called “\(unknown.text)”"
    let hint = nearest.isEmpty ? "" : " Nearest: \(nearest.joined(separator: ", "))."
    let reply = Reply(
      kind: .refused, text: "No \(what) in the workspace.\(hint)",
      data: [
        "reason": "not_found", "missing": .string(what), "slot": .string(unknown.slot),
        "nearest": .array(nearest.map(JSONValue.string)),
      ])
    // A workflow refused is audited as the workflows' own refusals are: who tried what.
    if intent.sideEffects {
      let request = ActionRequest(
        action: intent.action, slots: [:], actor: actor, input: input, today: today, intent: intent.name, now: now())
      try? workspace.recordRefusal(request.audit, reason: reply.firstLine)
    }
    return Turn(input: input, intent: intent.name, slots: [:], reply: reply)
  }

  /// Fills required slots from the focus, asks when one is still missing, then runs.
  private func run(_ intent: IntentDefinition, slots: [String: SlotValue], input: String, today: Day)
    -> Turn
  {
    var slots = slots
    for slot in intent.slots where (slot.required || slot.fromContext) && slots[slot.name] == nil {
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
    } else if registry.workflow(for: intent.action) != nil {
      reply = runWorkflow(
        intent.action, intent: intent.name, slots: slots, input: input, today: today, confirmed: false)
    } else if let handler = registry.handler(for: intent.action) {
      var request = ActionRequest(
        action: intent.action, slots: slots, actor: actor, input: input, today: today, intent: intent.name,
        now: now())
      request.includesData = answersCarryData
      reply = Self.guarded { try handler(request, workspace) }
    } else {
      reply = Reply(kind: .error, text: "No handler for the action '\(intent.action)'. Please file a bug.")
    }
    // The conversation's own intents (help, undo, yes) do not change what it is about.
    if reply.ok && !intent.name.hasPrefix("session.") && !intent.name.hasPrefix("confirm.") {
      state.remember(slots)
      state.lastIntent = intent
      state.lastSlots = slots
    }
    return Turn(input: input, intent: intent.name, slots: slots, reply: reply, endsSession: ends)
  }

  /// Runs a side effect: its handler checks the rules and proposes a plan, which runs at once
  /// when confirmed (or `--yes`), waits for "yes" at a terminal, or is refused in a script.
  private func runWorkflow(
    _ action: String, intent: String, slots: [String: SlotValue], input: String, today: Day, confirmed: Bool
  ) -> Reply {
    guard let workflow = registry.workflow(for: action) else {
      return Reply(kind: .error, text: "No handler for the action '\(action)'. Please file a bug.")
    }
    let request = ActionRequest(
      action: action, slots: slots, actor: actor, input: input, today: today, intent: intent, now: now(),
      ownChanges: changes)
    var planned: Plan?
    let checked = Self.guarded {
      switch try workflow(request, workspace) {
      case .reply(let reply): return reply
      case .plan(let plan):
        planned = plan
        return Reply(kind: .question, text: plan.summary, data: plan.data)
      }
    }
    guard let plan = planned else {
      // Refusals are audited too: who tried what, and why it was refused.
      if checked.kind == .refused {
        try? workspace.recordRefusal(request.audit, reason: checked.firstLine)
      }
      return checked
    }
    switch (confirmed, confirmations) {
    case (false, .ask):
      state.confirmation = PendingConfirmation(action: action, intent: intent, slots: slots, input: input)
      return Reply(
        kind: .question, blocks: [.text(plan.summary), .text("Proceed? [y/N]")],
        data: Self.merged(plan.data, ["confirm": true]))
    case (false, .refuse):
      return Reply(
        kind: .refused,
        blocks: [.text(plan.summary), .text("Not done: a script confirms side effects with --yes.")],
        data: Self.merged(plan.data, ["reason": "confirmation_required"]))
    default:
      break
    }
    var reply = Self.guarded { try plan.perform() }
    if case .object(let data) = reply.data, case .int(let auditID)? = data["audit_id"] { changes.append(auditID) }
    guard reply.ok, let followUp = plan.followUp else { return reply }
    if confirmations == .assumeYes {
      let next = runWorkflow(followUp.action, intent: intent, slots: slots, input: input, today: today, confirmed: true)
      reply.blocks += next.blocks
      reply.data = Self.merged(reply.data, ["follow_up": next.data])
    } else {
      state.confirmation = PendingConfirmation(action: followUp.action, intent: intent, slots: slots, input: input)
      reply.blocks.append(.text(followUp.question + " [y/N]"))
      reply.data = Self.merged(reply.data, ["follow_up": .string(followUp.question)])
    }
    return reply
  }

  /// "yes"/"no" (and "y", "sure", "cancel"…) as the answer to a confirmation, or nil.
  private func confirmationAnswer(_ line: String, _ match: Match) -> String? {
    if let exact = answers[match.tokens.map(\.text).joined(separator: " ")] { return exact }
    guard let name = match.intent?.name, name == "confirm.yes" || name == "confirm.no" else { return nil }
    return name
  }

  private func confirm(_ pending: PendingConfirmation, yes: Bool, line: String, today: Day) -> Turn {
    let intent = yes ? "confirm.yes" : "confirm.no"
    guard yes else {
      return Turn(
        input: line, intent: intent, slots: pending.slots,
        reply: Reply(kind: .done, text: "Cancelled; nothing changed.", data: ["cancelled": .string(pending.action)]))
    }
    let reply = runWorkflow(
      pending.action, intent: pending.intent, slots: pending.slots, input: pending.input, today: today, confirmed: true)
    return Turn(input: line, intent: intent, slots: pending.slots, reply: reply)
  }

  /// Runs an action body, turning what it throws into the reply a user can act on.
  private static func guarded(_ body: () throws -> Reply) -> Reply {
    do {
      return try body()
    } catch let conflict as ChangeConflict {
      return Reply(kind: .refused, text: "Not done: \(conflict).", data: ["reason": "conflict"])
    } catch let error as WorkspaceError {
      return Reply(kind: .error, text: "\(error)", data: ["error": .string("workspace")])
    } catch {
      return Reply(
        kind: .error, text: "Internal error: \(error). Please file a bug.", data: ["error": .string("internal")])
    }
  }

  private static func merged(_ data: JSONValue, _ extra: [String: JSONValue]) -> JSONValue {
    guard case .object(var object) = data else { return .object(extra) }
    for (key, value) in extra { object[key] = value }
    return .object(object)
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
      return Self.readable(example.text, intent: intent)
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

  /// An example with its markers filled by typical values of their types, to show a user.
  static func readable(_ example: String, intent: IntentDefinition) -> String {
    var filled: [String: String] = [:]
    var used = Set<EntityKind>()
    for slot in intent.slots {
      // A second slot of one type ("the difference between {team} and {other}") gets another.
      let sample =
        slot.type == .text
        ? textSamples[slot.name] : used.insert(slot.type).inserted ? samples[slot.type] : otherSamples[slot.type]
      filled[slot.name] = sample ?? slot.name
    }
    // One pass over the example; a marker no slot declares stays as written.
    var text = ""
    var marker: String?
    for character in example {
      if character == "{" {
        if let open = marker { text += "{" + open }
        marker = ""
      } else if character == "}", let name = marker {
        text += filled[name] ?? "{\(name)}"
        marker = nil
      } else if marker != nil {
        marker?.append(character)
      } else {
        text.append(character)
      }
    }
    if let open = marker { text += "{" + open }
    return text
  }

  private static let samples: [EntityKind: String] = [
    .responsibility: "stage exit criteria", .deal: "deal 42", .stage: "SQL", .team: "Sales Ops", .person: "Priya",
    .metric: "NRR", .account: "Globex", .handoff: "sales to CS", .raci: "consulted", .change: "change 1",
    .lead: "lead 17", .task: "task 3", .decision: "approve", .date: "Friday", .period: "this quarter",
    .size: "120 people", .group: "by owner", .number: "30",
  ]

  private static let otherSamples: [EntityKind: String] = [
    .team: "RevOps", .stage: "Negotiation", .person: "Jordan", .deal: "deal 8",
  ]

  private static let textSamples = [
    "change": "a new stage Verbal Commit", "title": "send the contract", "reason": "the buyer confirmed by email",
    "topic": "workflows", "problem": "a territory dispute between two AEs",
  ]

  /// Clears the focus and any pending question.
  func reset() { state = ConversationState() }
}
