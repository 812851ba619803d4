import BatonModel

/// The names the matcher knows, indexed by their first word for longest-match lookup.
struct Gazetteer: Sendable {
  struct Entry: Sendable {
    var words: [String]
    var entity: NamedEntity
  }

  /// First word → entries starting with it, longest first.
  private var byFirstWord: [String: [Entry]] = [:]
  /// Every word of every phrase, for typo correction.
  private(set) var words: Set<String> = []

  init(_ names: [NamedEntity], normalizer: Normalizer) {
    for entity in names {
      var seen = Set<[String]>()
      for phrase in entity.phrases {
        let words = normalizer.tokens(phrase).map(\.text)
        guard let first = words.first, seen.insert(words).inserted else { continue }
        byFirstWord[first, default: []].append(Entry(words: words, entity: entity))
        self.words.formUnion(words)
      }
    }
    for key in byFirstWord.keys {
      byFirstWord[key]?.sort { $0.words.count > $1.words.count }
    }
  }

  /// The longest phrase starting at `start`, with every entity it names.
  func longestMatch(_ tokens: [String], at start: Int) -> (length: Int, entities: [NamedEntity])? {
    guard let entries = byFirstWord[tokens[start]] else { return nil }
    var best: (length: Int, entities: [NamedEntity])?
    for entry in entries {
      let length = entry.words.count
      if let found = best, length < found.length { break }
      guard start + length <= tokens.count,
        Array(tokens[start..<start + length]) == entry.words
      else { continue }
      if best == nil {
        best = (length, [entry.entity])
      } else if !(best?.entities.contains(entry.entity) ?? true) {
        best?.entities.append(entry.entity)
      }
    }
    return best
  }
}
