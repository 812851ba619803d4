import BatonModel

/// The names the matcher knows, indexed by their first word for longest-match lookup.
struct Gazetteer: Sendable {
  struct Entry: Sendable {
    var words: [String]
    var entity: NamedEntity
    /// Where the entity is in the list the gazetteer was built from.
    var source: Int
  }

  /// First word → entries starting with it, longest first.
  private var byFirstWord: [String: [Entry]] = [:]
  /// Every phrase, in the order read.
  private var entries: [Entry] = []
  /// Every word of every phrase, for the typo corrector a new engine is built with (a saved
  /// engine has its corrector already, so reading one does not gather them).
  var words: Set<String> { Set(entries.lazy.flatMap(\.words)) }

  init(_ names: [NamedEntity], normalizer: Normalizer) {
    var entries: [Entry] = []
    for (source, entity) in names.enumerated() {
      var seen = Set<[String]>()
      for phrase in entity.phrases {
        let words = normalizer.tokens(phrase).map(\.text)
        guard !words.isEmpty, seen.insert(words).inserted else { continue }
        entries.append(Entry(words: words, entity: entity, source: source))
      }
    }
    self.init(entries: entries)
  }

  /// Indexes entries in the order given (the order phrases were read in).
  private init(entries: [Entry]) {
    // Sized up front: growing the tables entry by entry rehashed them a dozen times at
    // every start.
    byFirstWord.reserveCapacity(entries.count)
    for entry in entries {
      guard let first = entry.words.first else { continue }
      byFirstWord[first, default: []].append(entry)
    }
    // A stable sort: equally long phrases keep the order they were read in. Through the
    // values in place: most words start one phrase, and looking each key up again to sort
    // it cost more than the sorting.
    var index = byFirstWord.values.startIndex
    while index != byFirstWord.values.endIndex {
      if byFirstWord.values[index].count > 1 {
        byFirstWord.values[index].sort { $0.words.count > $1.words.count }
      }
      byFirstWord.values.formIndex(after: &index)
    }
    self.entries = entries
  }

  /// Writes the phrases read (normalizing names is most of building a gazetteer).
  func write(to writer: inout SnapshotWriter) {
    writer.integer(entries.count)
    for entry in entries {
      writer.integer(entry.source)
      writer.strings(entry.words)
    }
  }

  /// Reads what `write` wrote, for the same `names` the gazetteer was built from.
  init(from reader: inout SnapshotReader, names: [NamedEntity]) throws {
    var entries: [Entry] = []
    for _ in 0..<(try reader.count(itemSize: 16)) {
      let source = try reader.index(below: names.count)
      let words = try reader.strings()
      guard !words.isEmpty else { throw SnapshotReader.Damaged() }
      entries.append(Entry(words: words, entity: names[source], source: source))
    }
    self.init(entries: entries)
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
