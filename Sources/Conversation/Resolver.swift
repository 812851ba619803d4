import BatonModel
import IntentMatching

/// The conversation between turns: reads a matched line against what came before. It fills
/// what the line left out from the focus ("move it to Negotiation"), keeps the subject of a
/// follow-up ("and who is consulted?"), asks for a required slot still missing and takes the
/// next line as the answer, and knows when a line answers a waiting confirmation.
///
/// It knows matches and the conversation's state, never the store: a session runs what it
/// resolves and tells it what came of it (`ran`, `awaitConfirmation`).
///
/// A class: one conversation has one resolver, and the session holding it reads it on every
/// line; a struct there would be copied, engine and all, at each read.
public final class Resolver {
  public private(set) var matcher: IntentMatcher
  public private(set) var state = ConversationState()
  /// The follow-up cues' normalized words, longest first.
  let followupCues: [[String]]
  /// The normalized words of `confirm.yes` and `confirm.no` examples, taken as they are when
  /// a confirmation is pending; with the "y" and "n" that the "[y/N]" prompt itself offers
  /// (too short to be examples: they would rank against any line with a stray letter).
  private let answers: [String: SessionIntent]

  /// Reads lines with `matcher` from now on: the same catalogue, the workspace's names as
  /// they are now.
  public func use(_ matcher: IntentMatcher) { self.matcher = matcher }

  public init(matcher: IntentMatcher) {
    self.matcher = matcher
    followupCues = matcher.catalog.followupCues
      .map { matcher.normalizedWords($0) }
      .sorted { $0.count > $1.count }
    var answers: [String: SessionIntent] = ["y": .yes, "n": .no]
    for answer in [SessionIntent.yes, .no] {
      for example in matcher.catalog.intent(named: answer.rawValue)?.examples ?? [] {
        answers[matcher.normalizedWords(example.text).joined(separator: " ")] = answer
      }
    }
    self.answers = answers
  }

  /// Each intent's examples' literal words, normalized once, when first needed.
  private var frames: [String: [[String]]] = [:]

  /// The literal words of `intent`'s examples: what a line may say as part of the request.
  public func frames(of intent: IntentDefinition) -> [[String]] {
    if let known = frames[intent.name] { return known }
    let read = UnusedEntities.frames(of: intent, matcher: matcher)
    frames[intent.name] = read
    return read
  }

  /// The side effect the last line dropped by answering neither yes nor no: the reply says
  /// it was not made.
  public private(set) var droppedConfirmation: PendingConfirmation?

  /// Whether the last line resolved answered a question baton had asked.
  public private(set) var answeredQuestion = false

  /// The kinds in focus, which the matcher reads pointers ("it", "that deal") against.
  public var focusKinds: [EntityKind] { Array(state.focus.keys) }

  /// What the conversation waits for, if anything.
  public var awaiting: Awaiting? {
    if state.confirmation != nil { return .confirmation }
    return state.pending.map { .value($0.missing.type) }
  }

  /// Resolves one line, matched as `match`.
  public func resolve(_ match: Match, line: String, today: Day) -> Resolution {
    droppedConfirmation = nil
    if let confirmation = state.confirmation {
      state.confirmation = nil
      if let answer = confirmationAnswer(match) {
        state.lastMatch = match
        return .confirmation(confirmation, yes: answer == .yes)
      }
      // Anything else drops the question: nothing was written, and the line is a new command.
      droppedConfirmation = confirmation
    }
    // `why` explains the line before it, so it must not replace what it explains.
    if match.intent?.action != SessionIntent.why.rawValue { state.explainable = match }
    answeredQuestion = false
    if let pending = state.pending {
      state.pending = nil
      if let value = answer(pending, with: line, match: match, today: today) {
        state.lastMatch = match
        answeredQuestion = true
        var slots = pending.slots
        slots[pending.missing.name] = SlotValue(value, source: .line)
        return filled(pending.intent, slots: slots, input: line, pointsAtFocus: true)
      }
      if match.intent == nil {
        state.lastMatch = match
        return .reply(ConversationReplies.unanswered(pending), intent: nil, slots: [:])
      }
    }
    state.lastMatch = match
    // A question read beside a clause of context is that question only: never a follow-up of
    // the line before, which could make it a change.
    if match.setAside == nil, let followup = followUp(match) {
      if followup.intent.sideEffects, let condition = match.condition {
        return .reply(ConversationReplies.conditional(condition), intent: followup.intent, slots: [:])
      }
      return filled(followup.intent, slots: followup.slots, input: line, pointsAtFocus: match.readsFocus)
    }
    guard var intent = match.intent else {
      return .reply(ConversationReplies.notUnderstood(match, catalog: matcher.catalog), intent: nil, slots: [:])
    }
    // "move deal 42 to Negotiation if they sign": baton does not wait for a condition, and
    // asks nothing for a change it will not make.
    if intent.sideEffects, let condition = match.condition, !Self.asksAQuestion(match) {
      return .reply(ConversationReplies.conditional(condition), intent: intent, slots: [:])
    }
    // A side effect whose free text swallows a name that a question reading takes as its own
    // ("recommend an operating model at 200 employees" read as a change to propose) gives way
    // to that question: a change is opened only when asked for.
    if intent.sideEffects, let question = questionTakingFreeTextNames(of: match, intent: intent) {
      return filled(question.intent, slots: question.slots, input: line, pointsAtFocus: match.readsFocus)
    }
    // A question is answered, never carried out: a side effect read from a question gives
    // way to the best question reading, or to "not understood".
    if intent.sideEffects, Self.asksAQuestion(match) {
      guard let question = questionReading(of: match) else {
        return .reply(ConversationReplies.questionNotCommand(match, catalog: matcher.catalog), intent: nil, slots: [:])
      }
      intent = question.intent
      return filled(intent, slots: question.slots, input: line, pointsAtFocus: match.readsFocus)
    }
    if let unknown = match.unknownNames.first {
      return .reply(ConversationReplies.unknownName(unknown, names: matcher.names), intent: intent, slots: [:])
    }
    var slots = match.slots.mapValues { SlotValue($0, source: .line) }
    slots = Self.fromAndTo(slots, in: match)
    if match.setAside == nil, let alternative = completableAlternative(to: intent, slots: slots, match: match) {
      (intent, slots) = alternative
    }
    // A follow-up of the same question keeps the slots the line did not change; a side
    // effect takes nothing from an earlier line unless the line points at it.
    if intent.name == state.lastIntent?.name, !intent.sideEffects || match.readsFocus {
      for (name, value) in state.lastSlots where slots[name] == nil && intent.slot(named: name)?.required == true {
        slots[name] = SlotValue(value.value, source: .context)
      }
    }
    return filled(intent, slots: slots, input: line, pointsAtFocus: match.readsFocus)
  }

  /// Fills required (and context) slots from the focus; asks for the first still missing.
  /// A side effect's required slot comes from the focus only when the line points at it
  /// ("move it", "hand that deal over") or answers baton's own question: never silently
  /// from what an earlier line was about.
  private func filled(
    _ intent: IntentDefinition, slots: [String: SlotValue], input: String, pointsAtFocus: Bool
  ) -> Resolution {
    var slots = slots
    for slot in intent.slots where (slot.required || slot.fromContext) && slots[slot.name] == nil {
      if slot.required && intent.sideEffects && !pointsAtFocus { continue }
      if let value = state.focus[slot.type] { slots[slot.name] = SlotValue(value, source: .context) }
    }
    // A period pointed at ("that quarter") is the one the conversation last used, when it
    // is one of that unit; else baton asks which, never answering for a default period.
    var pointed: SlotDefinition?
    for slot in intent.slots {
      guard let unit = slots[slot.name]?.value.pointedUnit else { continue }
      if let period = state.period, Self.period(period.key, isA: unit) {
        slots[slot.name] = SlotValue(period, source: .context)
      } else {
        slots[slot.name] = nil
        pointed = pointed ?? slot
      }
    }
    if let missing = intent.slots.first(where: { $0.required && slots[$0.name] == nil }) ?? pointed {
      state.pending = PendingQuestion(intent: intent, slots: slots, missing: missing, input: input)
      return .reply(ConversationReplies.question(for: missing), intent: intent, slots: slots)
    }
    return .run(intent, slots: slots)
  }

  /// Whether the period keyed `key` is one of `unit`, as a line says it ("quarter" for
  /// `2026-Q2`, "week" for a span of days; "period" for any).
  private static func period(_ key: String, isA unit: String) -> Bool {
    guard let period = Period(key: key) else { return false }
    switch unit {
    case "quarter": return period.unit == .quarter
    case "month": return period.unit == .month
    case "year": return period.unit == .year
    case "week": return period.unit == .days
    default: return true
    }
  }

  /// Records what came of running `intent`: an answered line puts its records in focus and
  /// becomes what follow-ups refer to. The conversation's own intents change neither.
  public func ran(_ intent: IntentDefinition, slots: [String: SlotValue], reply: Reply) {
    guard !SessionIntent.keepsFocus(intent.name) else { return }
    // A refusal about a record still puts it in focus: "move deal 42 …" refused, then "move
    // it … anyway because …".
    if reply.kind == .refused { state.remember(slots) }
    guard reply.ok else { return }
    state.remember(slots)
    state.rememberPeriod(slots)
    state.lastIntent = intent
    // What the answer found is not what the line asked: a follow-up ("and from marketing?")
    // asks again from the line's own slots.
    state.lastSlots = slots.filter { $0.value.source != .found }
  }

  /// A side effect now waits for "yes" or "no"; the next line answers it.
  public func awaitConfirmation(_ confirmation: PendingConfirmation) {
    state.confirmation = confirmation
  }

  /// Cancels the side effect waiting for "yes" or "no" (Ctrl-C, or Enter alone at the
  /// prompt); nil when none waits.
  public func cancelConfirmation() -> PendingConfirmation? {
    defer { state.confirmation = nil }
    return state.confirmation
  }

  /// Drops whatever the conversation waited for (a line too long to read, say).
  public func dropAwaiting() {
    state.confirmation = nil
    state.pending = nil
  }

  /// Forgets the focus and any pending question; the session's changes are not its to keep.
  public func reset() { state = ConversationState() }

  /// "yes"/"no" (and "y", "sure", "cancel"…) as the answer to a confirmation, or nil.
  private func confirmationAnswer(_ match: Match) -> SessionIntent? {
    if let exact = answers[match.tokens.map(\.text).joined(separator: " ")] { return exact }
    guard let name = match.intent?.name, let answer = SessionIntent(rawValue: name), answer == .yes || answer == .no
    else { return nil }
    return answer
  }
}
