import BatonModel
import IntentMatching

/// What a line named that the reading chosen for it does not use: "what's sam's win rate"
/// names a person, and the company's win rate is not narrowed by person. A reply must say
/// so rather than present the company's figure as Sam's.
public enum UnusedEntities {
  /// What a line's unknown words leave a change: "baton does not know “haircut”, and makes a
  /// change only when it understands every word of it."
  public static func unknownWordsSaid(_ words: [String]) -> String {
    "baton does not know \(words.map { "“\($0)”" }.joined(separator: ", ")), and makes a change only when it "
      + "understands every word of it."
  }

  /// The entities of `match` that no slot in `slots` took and that are not the intent's own
  /// words (`frames`, asked for only when needed): an entity an example says in its literal text ("trigger handoff for
  /// {deal}" says "handoff") is part of how the request is put, and the words of a free-text
  /// slot ("a territory dispute between two AEs") are that slot's.
  public static func find(
    in match: Match, slots: [String: SlotValue], matcher: IntentMatcher, frames: () -> [[String]]
  ) -> [RecognizedEntity] {
    var texts: [[String]]?
    var known: [[String]]?
    return match.entities.filter { entity in
      // A period pointed at ("that quarter") is used by the period the conversation put in
      // its place.
      if entity.values.contains(where: { $0.pointedUnit != nil }),
        slots.values.contains(where: { $0.value.kind == .period && $0.source == .context })
      {
        return false
      }
      // A bare number a slot took as a record's ("for 42": deal 42) or as a headcount ("450":
      // 450 employees) is used too.
      if entity.values.contains(where: { value in
        slots.values.contains {
          $0.value == value
            || (value.kind == .number
              && ($0.value.key == value.key || Int(value.key).map { .headcount($0) } == $0.value))
        }
      }) {
        return false
      }
      let said = match.words(of: entity)
      if said.isEmpty { return false }
      // "from quinn to avery": where it comes from, beside a slot of its kind the line fills.
      if match.word(before: entity) == "from",
        slots.values.contains(where: { slot in entity.values.contains { $0.kind == slot.value.kind } })
      {
        return false
      }
      if texts == nil {
        texts = slots.values.filter { $0.value.kind == .text }.map { matcher.normalizedWords($0.value.key) }
      }
      if (texts ?? []).contains(where: { contains($0, said) }) { return false }
      if known == nil { known = frames() }
      return !(known ?? []).contains { contains($0, said) }
    }
  }

  /// The literal words of `intent`'s examples, normalized: the request's own wording.
  public static func frames(of intent: IntentDefinition, matcher: IntentMatcher) -> [[String]] {
    intent.examples.flatMap { example in
      example.template.parts.compactMap { part -> [String]? in
        if case .literal(let text) = part { return matcher.normalizedWords(text) }
        return nil
      }
    }
  }

  /// Whether `words` holds `run` as consecutive words.
  static func contains(_ words: [String], _ run: [String]) -> Bool {
    guard run.count <= words.count else { return false }
    return (0...(words.count - run.count)).contains { words[$0..<$0 + run.count].elementsEqual(run) }
  }

  /// "Not used: “sam” (person): this answer is not narrowed by person.", for a reply.
  public static func note(_ unused: [RecognizedEntity]) -> String {
    let kinds = Array(Set(unused.map(kind))).sorted()
    let list = kinds.count == 1 ? kinds[0] : kinds.dropLast().joined(separator: ", ") + " or " + (kinds.last ?? "")
    return "Not used: \(named(unused)): this answer is not narrowed by \(list)."
  }

  /// "“sam” (person) and “west” (team)".
  public static func named(_ unused: [RecognizedEntity]) -> String {
    join(unused.map { "“\($0.surface)” (\(kind($0)))" })
  }

  /// The unused entities as data, for `--json`.
  public static func data(_ unused: [RecognizedEntity]) -> JSONValue {
    .array(
      unused.map { entity in
        [
          "text": .string(entity.surface), "kind": .string(kind(entity)),
          "key": .string(entity.values.first?.key ?? ""),
        ]
      })
  }

  private static func kind(_ entity: RecognizedEntity) -> String { entity.values.first?.kind.rawValue ?? "name" }

  private static func join(_ items: [String]) -> String {
    items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
  }
}
