import BatonModel
import Foundation
import Synchronization

/// Fills an intent's slots from the entities of a line, by type and in order; free-text
/// slots take the words the nearest example has in the slot's place.
struct SlotFiller: Sendable {
  /// Kinds a bare number may stand for ("move 42 to negotiation").
  private static let numberedKinds: Set<EntityKind> = [.deal, .task, .lead, .change, .number]

  /// The literal words around each free-text slot of each example, stemmed: read the
  /// first time a line needs them and kept for the life of the engine: normalizing and
  /// stemming them at every line would dominate matching a line with free text, and reading
  /// them all when a saved engine is loaded would cost every start, for lines that mostly
  /// never lead to an intent with free text. Examples without the slot are kept too, as nil.
  private let anchors = AnchorTable()

  private final class AnchorTable: Sendable {
    let table = Mutex<[ExampleSlotKey: ExampleSlot?]>([:])
    /// Each slot in every example of an intent, by the intent's name: a line looks them up
    /// once an intent and slot, not once an example.
    let everyExample = Mutex<[NamedIntentSlot: [ExampleSlot?]]>([:])
    /// Each intent's examples with free text (`TextExamples`), read once.
    let texts = Mutex<[Int: TextExamples]>([:])
  }

  /// The examples of `intent`, the catalogue's intent at `index`, that place its free text.
  func textExamples(of index: Int, _ intent: IntentDefinition, normalizer: Normalizer) -> TextExamples {
    if let known = anchors.texts.withLock({ $0[index] }) { return known }
    let textSlots = intent.slots.filter { $0.type == .text }
    let read = TextExamples(
      slots: textSlots.map { slot in exampleSlots(slot.name, of: intent).map { $0?.anchors } },
      frames: Self.frames(of: intent, normalizer: normalizer),
      marksFirst: intent.examples.map { example in
        textSlots.first.map { example.text.contains("{\($0.name)}") } ?? false
      })
    anchors.texts.withLock { $0[index] = read }
    return read
  }

  /// A slot of an intent, by the intent's name (`fill` is given an intent without its place).
  private struct NamedIntentSlot: Hashable {
    let intent: String
    let slot: String
  }

  /// A slot in an example, by the example's text: `fill` is given an intent without its
  /// place in a catalogue.
  private struct ExampleSlotKey: Hashable {
    let slot: String
    let text: String
  }

  /// What an example says around one of its slots, read once from its template.
  struct ExampleSlot: Sendable {
    let anchors: Anchors
    /// The slot marked just before this one and one word (`markerBefore`).
    let markerBefore: String?
  }

  /// The literal words of each example of `intent` (markers left out), normalized: the
  /// frame a line with free text must keep half of. Read with the intent's `TextExamples`.
  private static func frames(of intent: IntentDefinition, normalizer: Normalizer) -> [Set<String>] {
    intent.examples.map { example in
      Set(
        Phrasing.reduce(IntentMatcher.delexicalize(example, intent: intent, normalizer: normalizer)).filter {
          !$0.hasPrefix("{")
        })
    }
  }

  /// The stems of an example's literal words before and after a free-text slot.
  struct Anchors: Hashable, Sendable {
    let before: [String]
    let after: [String]
    let lead: Set<String>
    /// The literal word just before the slot, normalized but not stemmed.
    let wordBefore: String?

    init(before: [String], after: [String]) {
      wordBefore = before.last
      self.before = before.map(Stemmer.stem)
      self.after = after.map(Stemmer.stem)
      lead = Set(self.before)
    }
  }

  init() {}

  /// The anchors of `{name}` in `example`, read once.
  private func anchors(for name: String, in example: Example) -> Anchors? {
    exampleSlot(name, in: example)?.anchors
  }

  /// What `example` says around `{name}` (nil when it has no such slot), read once.
  private func exampleSlot(_ name: String, in example: Example) -> ExampleSlot? {
    let key = ExampleSlotKey(slot: name, text: example.text)
    return anchors.table.withLock { table in
      if let known = table[key] { return known }
      let template = SlotTemplate(example.text.lowercased())
      let read = Self.anchorWords(for: name, in: template).map {
        ExampleSlot(anchors: $0, markerBefore: Self.markerBefore(name, in: template))
      }
      table[key] = .some(read)
      return read
    }
  }

  /// What every example of `intent` says around `{name}`, in the examples' order (nil where
  /// an example lacks the slot), read once.
  func exampleSlots(_ name: String, of intent: IntentDefinition) -> [ExampleSlot?] {
    let key = NamedIntentSlot(intent: intent.name, slot: name)
    if let known = anchors.everyExample.withLock({ $0[key] }) { return known }
    let read = intent.examples.map { exampleSlot(name, in: $0) }
    anchors.everyExample.withLock { $0[key] = read }
    return read
  }

  private static func anchorWords(for name: String, in template: SlotTemplate) -> Anchors? {
    guard let (before, after) = template.split(at: name.lowercased()) else { return nil }
    let normalizer = Normalizer()
    return Anchors(
      before: normalizer.tokens(before).map(\.text), after: normalizer.tokens(after).map(\.text))
  }

  func fill(
    _ intent: IntentDefinition, entities: [RecognizedEntity], tokens: [Token], example: Example?,
    delimited: Range<Int>? = nil, leading: Range<Int>? = nil
  ) -> [String: EntityValue] {
    var slots: [String: EntityValue] = [:]
    var used = Set<Int>()
    // Which slot took each entity, for free text placed after a slot ("{person} to {task}").
    var slotOfEntity: [Int: String] = [:]
    // Words marked as text matter only to an intent with a slot that takes them.
    let marking = delimited.flatMap { intent.slots.contains(where: \.takesMarkedText) ? $0 : nil }
    let inside = { (index: Int) in marking?.overlaps(entities[index].range) ?? false }
    // Names outside the words marked as text fill slots first ("task for Sam: ask Priya
    // about the MSA" is Sam's task); those inside only what is left, and only when they open
    // the marked words ("CR 3: approve, looks good") or are tied on after the text ("… on
    // deal 42 by Friday"), not inside it ("ask Priya").
    let order = entities.indices.filter { index in
      guard inside(index), let marking else { return true }
      let start = entities[index].range.lowerBound
      return start == marking.lowerBound || (start > 0 && Self.connectors.contains(tokens[start - 1].text))
    }.sorted { a, b in inside(a) != inside(b) ? !inside(a) : a < b }
    for slot in intent.slots where slot.type != .text {
      for index in order where !used.contains(index) {
        let entity = entities[index]
        if let value = entity.value(of: slot.type) {
          slots[slot.name] = value
          used.insert(index)
          slotOfEntity[index] = slot.name
          break
        }
        // A bare number may be a record's; a span ("a week", "21d") or a number that is only
        // another reading of a date ("in 3 days") is never one.
        // A bare number where a company's size is asked for ("a company of 150") is its
        // headcount.
        if slot.type == .size, entity.values.first?.kind == .number, entity.surface.allSatisfy(\.isNumber),
          let number = entity.value(of: .number), let count = Int(number.key), count > 0,
          !(1900...2100).contains(count)  // a year ("do we need RevOps by 2027") is not a headcount
        {
          slots[slot.name] = .headcount(count)
          used.insert(index)
          slotOfEntity[index] = slot.name
          break
        }
        if Self.numberedKinds.contains(slot.type), entity.values.first?.kind == .number,
          entity.surface.allSatisfy(\.isNumber), let number = entity.value(of: .number)
        {
          let display = slot.type == .number ? number.display : "\(slot.type.rawValue) \(number.key)"
          slots[slot.name] = EntityValue(kind: slot.type, key: number.key, display: display)
          used.insert(index)
          slotOfEntity[index] = slot.name
          break
        }
      }
    }
    if let example, intent.slots.contains(where: { $0.type == .text }) {
      let stems = Self.stems(tokens)
      let taken = Set(used.flatMap { Array(entities[$0].range) })
      var slotAt: [Int: String] = [:]
      for (index, name) in slotOfEntity { for position in entities[index].range { slotAt[position] = name } }
      let textSlots = intent.slots.filter { $0.type == .text }
      let markedText = marking.flatMap {
        Self.markedText($0, entities: entities, taken: taken, tokens: tokens, intent: intent)
      }
      for slot in textSlots {
        let range = freeTextRange(for: slot.name, example: example, stems: stems, anchored: false).map {
          Self.trimming($0, taken: taken, tokens: tokens)
        }
        // Text that only points ("who should handle that?") points at the sentence before it.
        if let range, range.allSatisfy({ Self.pointing.contains(tokens[$0].text) }), let leading,
          let said = Self.marked(leading, taken: taken, tokens: tokens)
        {
          slots[slot.name] = Self.text(tokens[said])
        } else if slot.takesMarkedText, let marking, let marked = markedText,
          // Words the line marks as text are this slot's, where the example reads the slot
          // there or nowhere, and it is the intent's one text slot or the example's reading.
          range.map({ $0.overlaps(marking) }) ?? (textSlots.count == 1)
        {
          slots[slot.name] = Self.text(tokens[marked])
        } else if marking != nil && markedText == nil {
          // Marked words that are a request of their own are no text: "approve change 3 - and
          // reject change 5" leaves change 5 unused, and the change is refused.
          continue
        } else if let range, let text = Self.text(tokens[range]) {
          slots[slot.name] = text
        } else if anchors(for: slot.name, in: example) == nil,
          let text = otherExampleText(
            for: slot.name, intent, tokens: tokens, stems: stems, taken: taken, slotAt: slotAt)
        {
          slots[slot.name] = text
        }
      }
    }
    return slots
  }

  /// Words that stand for something said before them.
  static let pointing: Set<String> = ["it", "that", "this", "these", "those", "one"]

  /// The words as typed, as a text slot's value; nil when there are none.
  private static func text(_ tokens: ArraySlice<Token>) -> EntityValue? {
    let text = tokens.map(\.surface).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    return text.isEmpty ? nil : EntityValue(kind: .text, key: text, display: text)
  }

  /// The marked words as text (`marked`), unless they name a numbered record no slot took, or
  /// another decision: "approve change 3 - and reject change 5" is two
  /// requests, not one with a reason.
  private static func markedText(
    _ range: Range<Int>, entities: [RecognizedEntity], taken: Set<Int>, tokens: [Token], intent: IntentDefinition
  ) -> Range<Int>? {
    guard let marked = marked(range, taken: taken, tokens: tokens) else { return nil }
    // Any numbered record ("approve CR 3 - and close deal 42"), or a decision the intent takes.
    let kinds = Set(intent.slots.map(\.type)).intersection([.decision]).union([.deal, .task, .lead, .change])
    let another = entities.contains { entity in
      marked.overlaps(entity.range) && !entity.range.contains(where: taken.contains)
        && entity.kinds.contains(where: kinds.contains)
    }
    return another ? nil : marked
  }

  /// The marked words less what other slots took at either edge, with the words tying those
  /// to the text ("approve, looks good" after "CR 3:"; "update the close plan on deal 42 by
  /// Friday" less the deal and the date); nil when nothing is left.
  static func marked(_ range: Range<Int>, taken: Set<Int>, tokens: [Token]) -> Range<Int>? {
    var lower = range.lowerBound
    while lower < range.upperBound && (taken.contains(lower) || connectors.contains(tokens[lower].text)) {
      lower += 1
    }
    guard lower < range.upperBound else { return nil }
    let trimmed = trimming(lower..<range.upperBound, taken: taken, tokens: tokens)
    return trimmed.contains(where: { !taken.contains($0) }) ? trimmed : nil
  }

  /// The free text of `{name}` when the line's nearest example has no such slot but the line
  /// says one the way another example does ("remind Sam to send the MSA on deal 42": the
  /// words after "to" and before "on"), so words the line gave are not dropped for a default.
  /// Only where that example puts the slot after another slot and a word ("{person} to
  /// {task}") and the line has that word right after what filled that slot ("Sam to …"), and
  /// only two words or more that no other slot took; of several such examples, the one
  /// sharing most words with the line.
  private func otherExampleText(
    for name: String, _ intent: IntentDefinition, tokens: [Token], stems: [String], taken: Set<Int>,
    slotAt: [Int: String]
  ) -> EntityValue? {
    let lineStems = Set(stems)
    var best: (overlap: Int, range: Range<Int>)?
    for slot in exampleSlots(name, of: intent) {
      guard let slot, let anchor = slot.anchors.before.last,
        let previous = slot.markerBefore,
        let position = stems.indices.first(where: { $0 > 0 && stems[$0] == anchor && slotAt[$0 - 1] == previous })
      else { continue }
      var end = stems.count
      if let after = slot.anchors.after.first, let stop = stems[(position + 1)...].firstIndex(of: after) { end = stop }
      guard position + 1 < end else { continue }
      var range = Self.trimming((position + 1)..<end, taken: taken, tokens: tokens)
      while let first = range.first, range.count > 1, Self.connectors.contains(tokens[first].text) {
        range = range.dropFirst()
      }
      let trimmed = range
      guard trimmed.count >= 2, !trimmed.contains(where: taken.contains) else { continue }
      let overlap = Set(slot.anchors.before + slot.anchors.after).intersection(lineStems).count
      if overlap > (best?.overlap ?? 0) { best = (overlap, trimmed) }
    }
    return best.flatMap { Self.text(tokens[$0.range]) }
  }

  /// The slot marked just before `{name}` and one word in `template` ("person" in "ask
  /// {person} to {task}"), if the example says it so.
  private static func markerBefore(_ name: String, in template: SlotTemplate) -> String? {
    let parts = template.parts
    guard let index = parts.firstIndex(of: .marker(name)), index >= 2,
      case .literal(let between) = parts[index - 1], case .marker(let previous) = parts[index - 2],
      between.split(separator: " ").count == 1
    else { return nil }
    return previous
  }

  /// Words that tie a name or date to the words before it ("by Friday", "on deal 42").
  private static let connectors: Set<String> = [
    "by", "due", "on", "for", "before", "until", "til", "till", "in", "at", "to", "about", "re", "regarding",
  ]

  /// `range` without what other slots took at its edges: "update the close plan on deal 42
  /// by Friday" is the title "update the close plan" when the deal and the date are slots
  /// of their own, and "sam: update the close plan" loses the person it was given to.
  static func trimming(_ range: Range<Int>, taken: Set<Int>, tokens: [Token]) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    var trimmed = true
    while trimmed && upper > lower {
      trimmed = false
      guard taken.contains(upper - 1) else { break }
      while upper > lower && taken.contains(upper - 1) { upper -= 1 }
      while upper > lower && connectors.contains(tokens[upper - 1].text) { upper -= 1 }
      trimmed = true
    }
    while lower < upper && taken.contains(lower) { lower += 1 }
    return lower < upper ? lower..<upper : range
  }

  /// Where in the line the free text of slot `name` lies, by the example's anchors. With
  /// `anchored`, only when the line has the literal word the example puts before the slot
  /// (or, for a slot that opens the example, the word after it), and leaves some words out.
  /// `stems` are the line's tokens stemmed (`stems(_:)`), once a line rather than once an
  /// example.
  func freeTextRange(for name: String, example: Example, stems: [String], anchored: Bool) -> Range<Int>? {
    anchors(for: name, in: example).flatMap { Self.freeTextRange($0, stems: stems, anchored: anchored) }
  }

  /// Where in the line the free text lies by `anchors`, as `freeTextRange(for:…)` reads it.
  static func freeTextRange(_ anchors: Anchors, stems: [String], anchored: Bool) -> Range<Int>? {
    var start = 0
    var hasAnchor = false
    if let anchor = anchors.before.last, let position = stems.firstIndex(of: anchor) {
      start = position + 1
      hasAnchor = true
    } else if !anchors.before.isEmpty {
      // No anchor typed: skip the leading words the example has before the slot.
      while start < stems.count && anchors.lead.contains(stems[start]) { start += 1 }
    }
    var end = stems.count
    if let anchor = anchors.after.first,
      let position = stems[start...].firstIndex(of: anchor)
    {
      end = position
      if anchors.before.isEmpty { hasAnchor = true }
    }
    guard start < end else { return nil }
    if anchored && (!hasAnchor || end - start == stems.count) { return nil }
    return start..<end
  }

  /// The stems `freeTextRange` compares a line's words by.
  static func stems(_ tokens: [Token]) -> [String] { tokens.map { Stemmer.stem($0.text) } }
}
