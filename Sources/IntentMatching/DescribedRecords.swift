import BatonModel

/// Records named by what they hold rather than by number: "the security questionnaire task",
/// "Kira Pied's lead", "approve the verbal commit change". The words before the kind's noun
/// stand as a record of that kind whose key is `about:` and the words; the session finds the
/// one record they describe, or says that none or several do.
public enum DescribedRecords {
  /// What a described record's key starts with.
  public static let keyPrefix = "about:"

  /// The words a described record's key holds, or nil for a record named by number.
  public static func words(of value: EntityValue) -> [String]? {
    guard value.key.hasPrefix(keyPrefix) else { return nil }
    return value.key.dropFirst(keyPrefix.count).split(separator: " ").map(String.init)
  }

  /// The nouns that end a description, and the kind of record each names. Not "proposal",
  /// which is also a stage: "the Hooli proposal" is a deal at Proposal.
  private static let nouns: [String: [EntityKind]] = [
    "task": [.task], "todo": [.task], "followup": [.task], "lead": [.lead], "change": [.change], "request": [.change],
    // "the budget follow-up", "the deck to-do": the noun's second word ends it.
    "up": [.task], "do": [.task],
    // "the Hooli deal": the deal of an account it names (`telling`).
    "deal": [.deal], "opportunity": [.deal], "opp": [.deal], "oppty": [.deal],
    // "the verbal commit one": a record of whichever kind the request takes.
    "one": [.task, .lead, .change],
  ]
  /// The nouns said in two words, by their second word: "follow-up" and "to-do" are read as
  /// two words each.
  private static let twoWordNouns = ["up": "follow", "do": "to"]
  /// Words a description never holds: they tie it to the rest of the line.
  private static let stopWords: Set<String> = [
    "the", "a", "an", "my", "his", "her", "their", "our", "your", "its", "this", "that", "these", "those",
    "for", "on", "to", "of", "with", "and", "or", "in", "at", "by", "from", "about", "is", "it",
  ]
  /// Words that make the record one to create.
  private static let fresh: Set<String> = ["a", "an", "another", "new"]
  /// `entities` with the described records in `tokens` in place of the names they hold,
  /// in the line's order (`find`).
  static func adding(
    to entities: [RecognizedEntity], _ tokens: [Token], corrected: Set<Int>, isKnown: (String) -> Bool,
    opensWithVerb: Bool = true
  ) -> [RecognizedEntity] {
    let described = find(
      tokens, entities: entities, corrected: corrected, isKnown: isKnown, opensWithVerb: opensWithVerb)
    guard !described.isEmpty else { return entities }
    return (entities.filter { entity in !described.contains { $0.range.overlaps(entity.range) } } + described)
      .sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The most words a description is read as.
  private static let longest = 4

  /// The described records in `tokens`, outside the spans `entities` already name. A
  /// description is up to four words right before the noun, none of them a number, a name
  /// baton knows or a word that ties it to the line, and it opens with a word the catalogue
  /// does not know (or one typed so and corrected), an account's name, or a word typed with a capital, never the
  /// first word of a line `opensWithVerb`: "the pending change" is no description, "the
  /// Wayne lead" is.
  static func find(
    _ tokens: [Token], entities: [RecognizedEntity], corrected: Set<Int>, isKnown: (String) -> Bool,
    opensWithVerb: Bool = true
  ) -> [RecognizedEntity] {
    let covered = Set(entities.flatMap { Array($0.range) })
    // An account's name may describe a lead or a task ("the Umbrella lead"): its words are
    // the description's.
    var accountAt: [Int: Range<Int>] = [:]
    for entity in entities where entity.kinds.contains(.account) {
      for index in entity.range { accountAt[index] = entity.range }
    }
    // The noun alone may be a name too ("lead" is a stage): the description takes it.
    let nounsNamed = Set(entities.filter { $0.range.count == 1 }.map(\.range.lowerBound))
    var found: [RecognizedEntity] = []
    func telling(_ index: Int) -> Bool {
      accountAt[index] != nil || corrected.contains(index) || !isKnown(tokens[index].text)
        || ((index > 0 || !opensWithVerb) && tokens[index].surface.first?.isUppercase == true)
    }
    for noun in tokens.indices where !covered.contains(noun) || nounsNamed.contains(noun) {
      guard let kinds = nouns[tokens[noun].text] else { continue }
      var end = noun
      if tokens[noun].text == "request", noun > 0, tokens[noun - 1].text == "change" { end = noun - 1 }
      if let first = Self.twoWordNouns[tokens[noun].text] {
        guard noun > 0, tokens[noun - 1].text == first else { continue }
        end = noun - 1
      }
      var start = end
      while start > 0, end - start < longest {
        if let account = accountAt[start - 1] {
          guard end - account.lowerBound <= longest else { break }
          start = account.lowerBound
          continue
        }
        guard !covered.contains(start - 1), !stopWords.contains(tokens[start - 1].text),
          !tokens[start - 1].text.contains(where: \.isNumber)
        else { break }
        start -= 1
      }
      // A request's first word is its verb ("delete all change requests"), never a
      // description; an answer to "which lead?" has none ("Pia Umbrella's lead").
      while start < end, (start == 0 && opensWithVerb) || !telling(start) { start += 1 }
      // A deal is described by its account's name ("the Hooli deal", "the Hooli renewal
      // opportunity"); other words alone describe none ("the big deal").
      if kinds == [.deal], !(start..<end).contains(where: { accountAt[$0] != nil }) { continue }
      // "a QBR task", "a new lead" are ones to make, not ones there are.
      guard start < end, found.allSatisfy({ $0.range.upperBound <= start }),
        start == 0 || !fresh.contains(tokens[start - 1].text),
        !tokens[start..<end].contains(where: { fresh.contains($0.text) }),
        // "the Globex one" is the account's deal, read by the names.
        kinds.count == 1 || !(start..<end).contains(where: { accountAt[$0] != nil })
      else { continue }
      let said = tokens[start..<end].map(\.surface)
      let values = kinds.map { kind in
        EntityValue(
          kind: kind, key: keyPrefix + tokens[start..<end].map(\.text).joined(separator: " "),
          display: "the “\(said.joined(separator: " "))” \(kind == .change ? "change request" : kind.rawValue)")
      }
      found.append(
        RecognizedEntity(
          values: values, range: start..<(noun + 1),
          surface: tokens[start...noun].map(\.text).joined(separator: " "),
          corrected: (start...noun).contains { corrected.contains($0) }))
    }
    return found
  }
}
