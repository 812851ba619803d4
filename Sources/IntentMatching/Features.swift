/// Turns a delexicalized word sequence ("who owns {responsibility}") into weighted sparse
/// features: words, adjacent word pairs, pairs with one word between ("owns … criteria"),
/// and character n-grams of each word, which carry a match across inflections ("owns",
/// "owner") and typos the corrector left alone. Words are not stemmed: the n-grams do a
/// stemmer's work, and whole words keep distinctions a stemmer loses ("interests" is not
/// "interest rate").
///
/// Each line also gets one feature per dimension of its words' vectors, summed
/// (`WordVectors`): what the words mean, so a line can lean towards an intent whose examples
/// say the same thing in other words ("arrange a holiday", "book a vacation"). They raise
/// in-scope accuracy on CLINC150, most when an intent has few examples; more dimensions
/// would make the table bigger for little or no gain.
///
/// Features are 64-bit hashes of their text rather than strings: a line's features cost no
/// allocation beyond one array, which is most of what matching a line costs.
struct FeatureExtractor: Sendable {
  /// Character n-grams count for less than whole words.
  var characterWeight: Float = 0.35
  var pairWeight: Float = 0.8
  var skipPairWeight: Float = 0.5
  /// The lengths of character n-grams, taken over each word padded as "^word$".
  var characterLengths = 2...5
  /// The words' summed unit vectors, against 1 for a whole word. Chosen on CLINC150's
  /// validation split with few lines an intent: a lower weight loses in-scope accuracy, and a
  /// higher one gains next to none while refusing fewer out-of-scope lines.
  var meaningWeight: Float = 8
  let vectors: WordVectors?
  /// The keys of the vectors' dimensions, hashed once, by dimension.
  private let meaningKeys: [UInt64]
  /// The dimensions in the order of their keys: a line's meaning is listed in this order.
  private let meaningOrder: [Int]

  init(vectors: WordVectors? = WordVectors.builtIn) {
    self.vectors = vectors
    let keys = (0..<(vectors?.dimensions ?? 0)).map(FeatureKey.meaning)
    meaningKeys = keys
    meaningOrder = keys.indices.sorted { keys[$0] < keys[$1] }
  }

  /// The keys of the meaning's dimensions, ascending.
  var meaningKeysInOrder: [UInt64] { meaningOrder.map { meaningKeys[$0] } }

  /// The features of `words` with their summed weights: the words' by ascending key, then
  /// their meaning's by ascending key. Kept apart, the meaning's features need no sorting, and
  /// since the ranker numbers them after every other feature, a line's vector sorts only its
  /// words' part (sorting them in with the words' would be a large share of what the vectors
  /// add to a question).
  func features(_ words: [String]) -> [(key: UInt64, weight: Float)] {
    var result: [(key: UInt64, weight: Float)] = []
    result.reserveCapacity(words.count * 20)
    var previous: [UInt8] = []
    var beforePrevious: [UInt8] = []
    var meaning = [Float](repeating: 0, count: meaningKeys.count)
    var meant = false
    for (index, word) in words.enumerated() {
      let bytes = Array(word.utf8)
      // A placeholder ("{deal}") stands for a name, whose meaning is no intent's business.
      if let vectors, bytes.first != UInt8(ascii: "{"), vectors.add(bytes, to: &meaning) { meant = true }
      result.append((FeatureKey.word(bytes), 1))
      if index > 0 { result.append((FeatureKey.pair(previous, bytes), pairWeight)) }
      if index > 1 { result.append((FeatureKey.skipPair(beforePrevious, bytes), skipPairWeight)) }
      if bytes.count > 2 && bytes.first != UInt8(ascii: "{") { appendCharacters(of: bytes, to: &result) }
      beforePrevious = previous
      previous = bytes
    }
    Self.merge(&result)
    if meant {
      for dimension in meaningOrder where meaning[dimension] != 0 {
        result.append((meaningKeys[dimension], meaning[dimension] * meaningWeight))
      }
    }
    return result
  }

  /// The character n-grams of `bytes` padded as "^word$": from each start, the hash of one
  /// length extended by a byte gives the next length's, so each byte is hashed once a start.
  private func appendCharacters(of bytes: [UInt8], to result: inout [(key: UInt64, weight: Float)]) {
    let padded = bytes.count + 2
    for start in 0..<padded {
      var state = FeatureKey.charactersStart
      for length in 1...min(characterLengths.upperBound, padded - start) {
        let place = start + length - 1
        let byte = place == 0 ? UInt8(ascii: "^") : place == padded - 1 ? UInt8(ascii: "$") : bytes[place - 1]
        state = FeatureKey.extend(state, byte)
        if length >= characterLengths.lowerBound { result.append((FeatureKey.characters(state), characterWeight)) }
      }
    }
  }

  /// Sorts by key and sums the weights of equal keys, in place.
  private static func merge(_ features: inout [(key: UInt64, weight: Float)]) {
    // Equal keys carry equal weights (the same kind of feature), so their sum is the same
    // whatever order they were appended in.
    features.sort { $0.key < $1.key }
    var kept = 0
    for index in features.indices {
      if kept > 0 && features[kept - 1].key == features[index].key {
        features[kept - 1].weight += features[index].weight
      } else {
        features[kept] = features[index]
        kept += 1
      }
    }
    features.removeLast(features.count - kept)
  }
}

/// FNV-1a hashes of features, each kind with its own first byte so a word and a character
/// n-gram with the same letters stay apart. Fixed, unseeded: the same text gets the same key
/// in every process, so a built engine can be saved and read back. Character n-grams (and
/// the dimensions of meaning) have the top bit set and word features have it clear, so the
/// two can be told apart by key.
enum FeatureKey {
  private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0100_0000_01b3
  private static let characterBit: UInt64 = 1 << 63

  static func word<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    hash(bytes, from: step(offset, UInt8(ascii: "w"))) & ~characterBit
  }

  static func pair(_ first: [UInt8], _ second: [UInt8]) -> UInt64 {
    joined(first, second, kind: UInt8(ascii: "b"))
  }

  static func skipPair(_ first: [UInt8], _ second: [UInt8]) -> UInt64 {
    joined(first, second, kind: UInt8(ascii: "s"))
  }

  /// Dimension `dimension` of the line's word vectors. It has the character bit: like a
  /// character n-gram it informs the classifier, not the nearest-example lookup over words.
  static func meaning(_ dimension: Int) -> UInt64 {
    hash(String(dimension).utf8, from: step(offset, UInt8(ascii: "m"))) | characterBit
  }

  /// A character n-gram's hash before its first byte; `extend` adds each byte and
  /// `characters(_:)` makes the key, so one start's n-grams share their prefixes' hashing.
  static let charactersStart = step(offset, UInt8(ascii: "c"))

  static func extend(_ state: UInt64, _ byte: UInt8) -> UInt64 { step(state, byte) }

  static func characters(_ state: UInt64) -> UInt64 { state | characterBit }

  /// Whether `key` is a word or a pair of words rather than a character n-gram.
  static func isWordLevel(_ key: UInt64) -> Bool { key & characterBit == 0 }

  private static func joined(_ first: [UInt8], _ second: [UInt8], kind: UInt8) -> UInt64 {
    let start = hash(first, from: step(offset, kind))
    return hash(second, from: step(start, UInt8(ascii: " "))) & ~characterBit
  }

  private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from start: UInt64) -> UInt64 {
    bytes.reduce(start, step)
  }

  private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* prime
  }
}
