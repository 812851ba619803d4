import BatonModel

/// The names the matcher knows, indexed by their first word for longest-match lookup.
struct Gazetteer: Sendable {
  /// One way of writing a name: `count` words of `phraseWords` from `start`, naming
  /// `entities[source]`.
  private struct Phrase: Sendable {
    var start: Int
    var count: Int
    var source: Int
  }

  /// The names the gazetteer was built from, which phrases point into.
  private let entities: [NamedEntity]
  /// Every phrase, in the order read.
  private var phrases: [Phrase] = []
  /// The words of every phrase, one phrase after another (no array per phrase: reading a
  /// saved engine would make one for every phrase at every start).
  private var phraseWords: [String] = []
  /// First word → the phrases starting with it, longest first.
  private var byFirstWord: [String: [Int]] = [:]

  /// Every word of every phrase, for the typo corrector a new engine is built with (a saved
  /// engine has its corrector already, so reading one does not gather them).
  var words: Set<String> { Set(phraseWords) }

  init(_ names: [NamedEntity], normalizer: Normalizer) {
    entities = names
    for (source, entity) in names.enumerated() {
      var seen = Set<[String]>()
      for phrase in entity.phrases + Self.spokenForms(of: entity) {
        let words = normalizer.tokens(phrase).map(\.text)
        guard !words.isEmpty, seen.insert(words).inserted else { continue }
        phrases.append(Phrase(start: phraseWords.count, count: words.count, source: source))
        phraseWords += words
      }
    }
    index()
  }

  /// How people say a name beyond its spellings: a handoff rule with the word ("the sales to
  /// cs handoff"), a stage named by an acronym in the plural ("how many SQLs"). Only
  /// acronyms: a plural word ("proposals", "renewals") is as often something else (change
  /// requests are "proposals").
  static func spokenForms(of entity: NamedEntity) -> [String] {
    switch entity.kind {
    case .handoff:
      return entity.phrases.filter { !$0.lowercased().hasSuffix("handoff") && !$0.lowercased().hasSuffix("hand-off") }
        .map { "\($0) handoff" }
    case .stage:
      let name = entity.display
      guard (2...5).contains(name.count), name.allSatisfy({ $0.isUppercase && $0.isLetter }) else { return [] }
      return [name + "s"]
    default:
      return []
    }
  }

  /// Indexes the phrases by first word, in the order they were read.
  private mutating func index() {
    // Sized up front: growing the table phrase by phrase would rehash it again and again at
    // every start.
    byFirstWord.reserveCapacity(phrases.count)
    for (number, phrase) in phrases.enumerated() {
      byFirstWord[phraseWords[phrase.start], default: []].append(number)
    }
    // A stable sort: equally long phrases keep the order they were read in. Through the
    // values in place: most words start one phrase, and looking each key up again to sort
    // it would cost more than the sorting.
    let phrases = phrases
    var position = byFirstWord.values.startIndex
    while position != byFirstWord.values.endIndex {
      if byFirstWord.values[position].count > 1 {
        byFirstWord.values[position].sort { phrases[$0].count > phrases[$1].count }
      }
      byFirstWord.values.formIndex(after: &position)
    }
  }

  /// Writes the phrases read (normalizing names is most of building a gazetteer).
  func write(to writer: inout SnapshotWriter) {
    writer.integers(phrases.map { Int32($0.source) })
    writer.integers(phrases.map { Int32($0.count) })
    writer.strings(phraseWords)
  }

  /// Reads what `write` wrote, for the same `names` the gazetteer was built from.
  init(from reader: inout SnapshotReader, names: [NamedEntity]) throws {
    entities = names
    let sources = try reader.integers()
    let counts = try reader.integers()
    phraseWords = try reader.strings()
    guard sources.count == counts.count else { throw SnapshotReader.Damaged() }
    phrases.reserveCapacity(sources.count)
    var start = 0
    for (source, count) in zip(sources, counts) {
      guard source >= 0, Int(source) < names.count, count >= 1, start + Int(count) <= phraseWords.count else {
        throw SnapshotReader.Damaged()
      }
      phrases.append(Phrase(start: start, count: Int(count), source: Int(source)))
      start += Int(count)
    }
    guard start == phraseWords.count else { throw SnapshotReader.Damaged() }
    index()
  }

  /// The longest phrase starting at `start`, with every entity it names.
  func longestMatch(_ tokens: [String], at start: Int) -> (length: Int, entities: [NamedEntity])? {
    guard let candidates = byFirstWord[tokens[start]] else { return nil }
    var best: (length: Int, entities: [NamedEntity])?
    for number in candidates {
      let phrase = phrases[number]
      let length = phrase.count
      if let found = best, length < found.length { break }
      guard start + length <= tokens.count,
        tokens[start..<start + length].elementsEqual(phraseWords[phrase.start..<phrase.start + length])
      else { continue }
      let entity = entities[phrase.source]
      if best == nil {
        best = (length, [entity])
      } else if !(best?.entities.contains(entity) ?? true) {
        best?.entities.append(entity)
      }
    }
    return best
  }
}
