import BatonModel
import IntentMatching

extension Resolver {
  /// When the winner lacks a required slot that nothing in focus can fill, a near-tied
  /// candidate that the line and focus complete is the likelier reading ("how is it defined"
  /// with a stage in focus is the stage's definition, not a metric's).
  func completableAlternative(
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
  func followUp(_ match: Match) -> (intent: IntentDefinition, slots: [String: SlotValue])? {
    guard let last = state.lastIntent, !match.entities.isEmpty else { return nil }
    let words = match.tokens.map(\.text)
    guard followupCues.contains(where: { !$0.isEmpty && words.starts(with: $0) }) else { return nil }
    // A word that refuses the intent refuses it again ("and deal 7 is done" after a task
    // was made is no second task).
    guard !words.contains(where: last.refusedBy.contains) else { return nil }
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

  /// The next line as the answer to a pending question, if it is one: a short line naming a
  /// thing of the kind asked for, or the same intent again. A line that is a command of its
  /// own (another intent, every required slot named on the line) is not an answer.
  func answer(_ pending: PendingQuestion, with line: String, match: Match, today: Day) -> EntityValue? {
    let entities = matcher.entities(in: line, today: today)
    let kind = pending.missing.type
    var value = entities.lazy.compactMap { $0.value(of: kind) }.first
    let words = matcher.normalizedWords(line)
    // Whether the line says nothing but `entity` and words of `besides`.
    func saysOnly(_ entity: RecognizedEntity, besides: Set<String>) -> Bool {
      words.indices.allSatisfy { entity.range.contains($0) || besides.contains(words[$0]) }
    }
    // A line that is only the name asked for ("Pia Umbrella's lead", "the kickoff deck task")
    // is the answer, whatever else it could be read as.
    if let value, let entity = entities.first(where: { $0.value(of: kind) == value }),
      saysOnly(entity, besides: ["the", "a", "an"])
    {
      return value
    }
    if value == nil, [.deal, .task, .lead, .change].contains(kind),
      let number = entities.lazy.compactMap({ $0.value(of: .number) }).first
    {
      value = EntityValue(kind: kind, key: number.key, display: "\(kind.rawValue) \(number.key)")
    }
    guard let value else { return nil }
    guard let other = match.intent else {
      // A line not understood answers only when the name is all it says, beside words that
      // point at it ("it's deal 42", "the Globex one"): "delete the QBR task" is no answer.
      guard
        let entity = entities.first(where: { $0.value(of: kind) == value || $0.value(of: .number)?.key == value.key })
      else { return nil }
      return saysOnly(entity, besides: Self.answerWords) ? value : nil
    }
    guard other.name != pending.intent.name else {
      // The same command again, naming something else for a slot already given ("reassign
      // Soylent to Avery" after "reassign Hooli"), is a new command, not the answer.
      let renames = match.slots.contains { name, named in
        pending.slots[name].map { $0.value.key != named.key } ?? false
      }
      return renames ? nil : value
    }
    let complete = other.slots.allSatisfy { !$0.required || match.slots[$0.name] != nil }
    let isNewCommand = match.tokens.count > 4 || (match.tokens.count > 2 && complete)
    return isNewCommand ? nil : value
  }

  /// Words an answer to "which …?" may have beside the name ("it's the Globex one, please").
  static let answerWords: Set<String> = [
    "the", "a", "an", "one", "it", "is", "its", "that", "this", "please", "pls", "number", "no", "yes", "ok", "okay",
  ]

  /// Words that open a question: a line starting with one asks, it does not command.
  static let questionWords: Set<String> = ["who", "whom", "whose", "what", "which", "when", "where", "why", "how"]

  /// Words that open a yes-or-no question whatever follows ("should we route lead 17?").
  static let questionOpeners: Set<String> = ["should", "shall", "ought", "is", "are", "was", "were", "am"]
  /// Verbs that open a request to see something, which changes nothing ("show me the
  /// approved changes", "list the rejected proposals").
  static let seeingVerbs: Set<String> = ["show", "list", "display"]
  /// Words that open a question when a subject follows ("do we route leads by hand?",
  /// "has anyone moved it?"). "Can we …", "could I …" are requests, as people mean them,
  /// and so is "have someone call the buyer".
  static let auxiliaries: Set<String> = ["do", "does", "did", "has", "had"]
  static let subjects: Set<String> = [
    "i", "we", "they", "he", "she", "it", "someone", "somebody", "anyone", "anybody", "one", "people",
  ]
  /// Framing before the question itself ("hey, should we …").
  static let leadIns: Set<String> = ["hey", "hi", "so", "ok", "okay", "um", "quick", "question", "actually", "and"]

  /// Whether the line is a question ("who owns the hooli account", "should we route lead
  /// 17?", "do we reassign Globex?") rather than a request.
  static func asksAQuestion(_ match: Match) -> Bool {
    let words = match.tokens.map(\.text).drop { leadIns.contains($0) }
    guard let first = words.first else { return false }
    if questionWords.contains(first) || questionOpeners.contains(first) || seeingVerbs.contains(first) { return true }
    guard auxiliaries.contains(first), let next = words.dropFirst().first else { return false }
    return subjects.contains(next)
  }

  /// Whether the line may be a question, read more widely than `asksAQuestion` for a guess
  /// that could change something: also a line ending in "?" and one opening with an
  /// auxiliary whatever follows ("has the security questionnaire been sent").
  public static func mayAsk(_ match: Match) -> Bool {
    if asksAQuestion(match) || match.input.last(where: { !$0.isWhitespace }) == "?" { return true }
    return match.tokens.map(\.text).drop { leadIns.contains($0) }.first.map(auxiliaries.contains) ?? false
  }

  /// The best reading of a question among the candidates that change nothing, if one clears
  /// the threshold, with its slots.
  func questionReading(of match: Match) -> (intent: IntentDefinition, slots: [String: SlotValue])? {
    // A reading above the bar answers as read. A yes-or-no question in a change's words ("is
    // Sales Ops accountable for territory rules?") scores low as a question, its words being
    // the change's: below the bar, a reading that the line's own names complete answers it
    // (who is accountable), where the change would only be refused. Candidates come best
    // first, so every reading above the bar is tried before any below it.
    for candidate in match.candidates where candidate.score >= Self.completedQuestionFloor {
      guard let intent = matcher.catalog.intent(named: candidate.intent), !intent.sideEffects,
        let slots = matcher.slots(of: match, readAs: candidate.intent, atLeast: Self.completedQuestionFloor)
      else { continue }
      let completed =
        !intent.slots.isEmpty && intent.slots.allSatisfy({ !$0.required || slots[$0.name] != nil })
        && intent.slots.contains(where: { slots[$0.name] != nil })
      guard candidate.score >= matcher.threshold || completed else { continue }
      return (intent, slots.mapValues { SlotValue($0, source: .line) })
    }
    return nil
  }

  /// How low a question reading may score and still answer a question put in a change's
  /// words, when the line's names complete it.
  static let completedQuestionFloor = 0.1

  /// The best question reading above the threshold that takes, as a typed slot, a name the
  /// side effect's free text swallowed; nil when the free text holds no such name.
  func questionTakingFreeTextNames(of match: Match, intent: IntentDefinition) -> (
    intent: IntentDefinition, slots: [String: SlotValue]
  )? {
    let texts = intent.slots.filter { $0.type == .text }.compactMap { match.slots[$0.name] }
      .map { matcher.normalizedWords($0.key) }
    guard !texts.isEmpty else { return nil }
    // Names inside words the line marks as text ("new change request: rename SAL to Sales
    // Accepted") were put there on purpose.
    let swallowed = match.entities.filter { entity in
      guard !(match.delimited?.overlaps(entity.range) ?? false) else { return false }
      let said = match.words(of: entity)
      return !said.isEmpty && texts.contains { UnusedEntities.contains($0, said) }
    }
    guard !swallowed.isEmpty else { return nil }
    for candidate in match.candidates where candidate.score >= matcher.threshold {
      guard let other = matcher.catalog.intent(named: candidate.intent), !other.sideEffects,
        let slots = matcher.slots(of: match, readAs: candidate.intent),
        swallowed.contains(where: { entity in slots.values.contains { value in entity.values.contains(value) } })
      else { continue }
      return (other, slots.mapValues { SlotValue($0, source: .line) })
    }
    return nil
  }

  /// "reassign umbrella from quinn to avery": where a slot holds the name after "from" and the
  /// line names another of the same kind after "to", the slot takes the one after "to" (the
  /// new owner, the stage moved to), not the one the line moves away from.
  static func fromAndTo(_ slots: [String: SlotValue], in match: Match) -> [String: SlotValue] {
    var result = slots
    for (name, slot) in slots where slot.source == .line {
      guard
        let from = match.entities.first(where: { $0.values.contains(slot.value) && match.word(before: $0) == "from" }),
        let to = match.entities.first(where: { entity in
          entity.range != from.range && match.word(before: entity) == "to" && entity.value(of: slot.value.kind) != nil
        }),
        let target = to.value(of: slot.value.kind)
      else { continue }
      result[name] = SlotValue(target, source: .line)
    }
    return result
  }
}
