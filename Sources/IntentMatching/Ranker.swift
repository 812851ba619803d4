import Foundation

/// Ranks intents for a line, one general algorithm for every intent: no per-intent code.
///
/// A softmax classifier trained on every intent's examples (TF-IDF of words, word pairs and
/// character n-grams) gives each intent a probability. Lines that are none of the intents'
/// business can be taught as one more class (`outOfScope`) that is never answered, and each
/// intent's description as one more line of its own (`descriptions`). Within
/// the intents that lead, the nearest example by cosine over words is looked up: slots are
/// read against it, explanations show it, and its cosine is blended into the score, since
/// a line that nearly repeats an example deserves more confidence than one that only shares
/// its vocabulary.
struct Ranker: Sendable {
  struct Scored: Sendable {
    var intent: Int
    var score: Double
    /// The intent's nearest example, or -1 when not looked for (outside the leaders).
    var example: Int
  }

  /// How many leading intents get their nearest example looked up.
  static let leaders = 5
  /// How many intents `rank` returns: the leaders and as many more.
  static let kept = 2 * leaders
  /// The weight of the nearest example's cosine in a leader's score.
  static let nearestWeight = 0.3

  private let extractor = FeatureExtractor()
  private var featureIndex = KeyIndex()
  private var idf: [Float] = []
  /// The IDF a feature no example has would get.
  private var unseenIDF: Float = 1
  /// Each intent's examples' word-level vectors as postings: (intent, feature) → the
  /// examples that have the feature (by their place among the intent's examples) with its
  /// weight. A line's cosine with every example of one intent then costs one lookup per
  /// word of the line.
  private var postingIndex = KeyIndex()
  /// Where each (intent, feature)'s postings start, by the number `postingIndex` gives it;
  /// they end where the next one's start (one more start closes the last).
  private var postingStarts: [Int32] = [0]
  /// The postings, as two columns: read back from a saved engine in one copy each.
  private var postingExamples: [Int32] = []
  private var postingWeights: [Float] = []
  private var examplesOfIntent: [[Int]]
  private var classifier: SoftmaxClassifier
  private let intentCount: Int

  /// Builds the index from each example's words and the intent it belongs to, and lines
  /// that belong to none.
  init(
    examples: [(words: [String], intent: Int)], intentCount: Int, outOfScope: [[String]] = [],
    descriptions: [(words: [String], intent: Int)] = [],
    options: SoftmaxClassifier.Options = SoftmaxClassifier.Options()
  ) {
    self.intentCount = intentCount
    let raw = (examples.map(\.words) + outOfScope).map { [extractor] in extractor.features($0) }
    var frequency: [UInt64: Int] = [:]
    for features in raw { for feature in features { frequency[feature.key, default: 0] += 1 } }
    var documentFrequency: [Int] = []
    // Features are numbered in the order a line lists them (`FeatureExtractor.features`):
    // words, pairs and character n-grams by ascending key, then the meaning's dimensions in
    // their order. A line's vector is then in id order as it is read, with no sorting.
    let meaningKeys = extractor.meaningKeysInOrder
    let isMeaning = Set(meaningKeys)
    // A character n-gram only one line has names that line, not its intent: dropping those
    // makes the saved engine much smaller at no cost in accuracy.
    let kept = frequency.filter { key, seen in !isMeaning.contains(key) && (seen > 1 || FeatureKey.isWordLevel(key)) }
    for (key, seen) in kept.sorted(by: { $0.key < $1.key }) {
      featureIndex.insert(key, value: Int32(documentFrequency.count))
      documentFrequency.append(seen)
    }
    for key in meaningKeys {
      guard let seen = frequency[key], seen > 1 else { continue }
      featureIndex.insert(key, value: Int32(documentFrequency.count))
      documentFrequency.append(seen)
    }
    let count = Float(max(1, raw.count))
    idf = documentFrequency.map { logf((count + 1) / (Float($0) + 1)) + 1 }
    unseenIDF = logf(count + 1) + 1
    let vectors = raw.map { [featureIndex, idf] in Self.normalized($0, index: featureIndex, idf: idf) }
    examplesOfIntent = Array(repeating: [], count: intentCount)
    for (index, example) in examples.enumerated() { examplesOfIntent[example.intent].append(index) }
    for (intent, members) in examplesOfIntent.enumerated() {
      var byFeature: [Int32: [(example: Int32, weight: Float)]] = [:]
      for (place, example) in members.enumerated() {
        let vector = Self.normalized(
          raw[example].filter { FeatureKey.isWordLevel($0.key) }, index: featureIndex, idf: idf)
        for (id, weight) in zip(vector.ids, vector.values) { byFeature[id, default: []].append((Int32(place), weight)) }
      }
      for (id, list) in byFeature.sorted(by: { $0.key < $1.key }) {
        postingIndex.insert(Self.postingKey(intent: intent, feature: id), value: Int32(postingStarts.count - 1))
        postingExamples += list.map(\.example)
        postingWeights += list.map(\.weight)
        postingStarts.append(Int32(postingExamples.count))
      }
    }
    // A description says in other words what the intent is for ("insurance change"), which
    // teaches the classifier what its examples share. It is taught to the classifier alone:
    // it is no example to read slots against or to show as the nearest, and its words count
    // only where an example or a refused line has them too. On CLINC150 with few lines an
    // intent (its labels as descriptions), they raise both in-scope accuracy and how often
    // the best intent is right before refusal.
    let described = descriptions.map { [extractor, featureIndex, idf] in
      Self.normalized(extractor.features($0.words), index: featureIndex, idf: idf)
    }
    let labels =
      examples.map(\.intent) + Array(repeating: intentCount, count: outOfScope.count) + descriptions.map(\.intent)
    classifier = SoftmaxClassifier(
      samples: vectors + described, labels: labels, featureCount: idf.count,
      classCount: intentCount + (outOfScope.isEmpty ? 0 : 1), options: options)
  }

  /// The best intents' scores for `words` (`kept` of them), best first, the leaders with
  /// their nearest example.
  /// A line with no word any example has ("blorp") gets no confidence at all, and the
  /// intents in the catalogue's order (its headline questions first) as the nearest: what
  /// its letters happen to share with examples is no evidence.
  func rank(_ words: [String]) -> [Scored] {
    let read = reading(words)
    guard !read.words.ids.isEmpty else {
      return (0..<intentCount).map { Scored(intent: $0, score: 0, example: examplesOfIntent[$0].first ?? -1) }
    }
    let probabilities = read.probabilities
    // Only the best ten by probability are kept: blending changes only the five leaders'
    // scores, so any intent after the tenth stays behind the sixth to tenth, out of the top
    // five that are shown and answered.
    var scores: [Scored] = []
    scores.reserveCapacity(Self.kept + 1)
    for intent in 0..<intentCount {
      let scored = Scored(intent: intent, score: Double(probabilities[intent]), example: -1)
      guard scores.count < Self.kept || Self.ordered(scored, scores[scores.count - 1]) else { continue }
      let place = scores.firstIndex { Self.ordered(scored, $0) } ?? scores.count
      scores.insert(scored, at: place)
      if scores.count > Self.kept { scores.removeLast() }
    }
    for index in scores.indices.prefix(Self.leaders) {
      let nearest = nearestExample(read.words, intent: scores[index].intent)
      scores[index].example = nearest.example
      scores[index].score = Self.blended(scores[index].score, nearest.cosine)
    }
    scores.sort(by: Self.ordered)
    return scores
  }

  /// `intent`'s score for `words`, with its nearest example.
  func score(_ words: [String], intent: Int) -> Scored { score(reading(words), intent: intent) }

  /// What scoring `words` for any intent needs, computed once: the classifier's
  /// probabilities and the words' vector for the nearest example.
  struct Reading: Sendable {
    fileprivate let probabilities: [Float]
    fileprivate let words: SparseVector
  }

  func reading(_ words: [String]) -> Reading {
    // Each feature is looked up once, for the whole vector and for the words' part.
    let (all, wordLevel) = Self.weighed(
      extractor.features(words), index: featureIndex, idf: idf, unseenIDF: unseenIDF, wordLevelToo: true)
    return Reading(
      probabilities: classifier.probabilities(Self.unit(all.entries, unseen: all.unseen)),
      words: Self.unit(wordLevel.entries, unseen: wordLevel.unseen))
  }

  /// `intent`'s score for the words `reading` was made of, with its nearest example.
  func score(_ reading: Reading, intent: Int) -> Scored {
    let nearest = nearestExample(reading.words, intent: intent)
    return Scored(
      intent: intent, score: Self.blended(Double(reading.probabilities[intent]), nearest.cosine),
      example: nearest.example)
  }

  /// The words of the line that pushed `intent` up most, strongest first.
  func decidingWords(_ words: [String], intent: Int, limit: Int = 4) -> [String] {
    let vector = normalized(extractor.features(words))
    var contributions: [(word: String, weight: Float)] = []
    for word in Set(words) {
      guard let id = featureIndex[FeatureKey.word(word.utf8)], let position = vector.position(of: id) else {
        continue
      }
      let weight = vector.values[position] * classifier.weight(feature: Int(id), label: intent)
      if weight > 0 { contributions.append((word, weight)) }
    }
    return contributions.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word }
      .prefix(limit).map(\.word)
  }

  /// How far a word must lean towards the refused class, in the classifier's weights, to
  /// speak against an intent none of whose examples has it. On the product's catalogue the
  /// threshold separates the two: "delete", "erase", "remove", "wipe" and "destroy" lean well
  /// past it against the read-only intents they are put to, while the words of meaning in the
  /// tests' paraphrases and transcripts stay below it (function words, which can lean further
  /// by chance, are never counted).
  static let contraryLean: Float = 1

  /// The words of `words` that speak against `intent`: words of meaning that no example of
  /// the intent has and that the classifier learnt as signs of a refused line, so that
  /// "delete the pipeline" is not read as a question about the pipeline. None when nothing
  /// was taught as refused, or without word vectors to tell words of meaning apart.
  func contraryWords(_ words: [String], intent: Int) -> [String] {
    guard classifier.classCount > intentCount, let vectors = extractor.vectors else { return [] }
    var contrary: [String] = []
    for word in words where !word.hasPrefix("{") && !contrary.contains(word) {
      guard let id = featureIndex[FeatureKey.word(word.utf8)],
        postingIndex[Self.postingKey(intent: intent, feature: id)] == nil,
        classifier.weight(feature: Int(id), label: intentCount) - classifier.weight(feature: Int(id), label: intent)
          > Self.contraryLean
      else { continue }
      // A function word ("it", "into") has no vector: it leans by where it happened to be.
      guard vectors.hasMeaning(Array(word.utf8)) else { continue }
      contrary.append(word)
    }
    return contrary
  }

  /// Whether some example of one of `intents` has `word`: a word people use in requests
  /// baton answers ("covers" in "who covers Globex"), unlike "delete", which only refused
  /// lines say.
  func someExample(of intents: [Int], has word: String) -> Bool {
    guard let id = featureIndex[FeatureKey.word(word.utf8)] else { return false }
    return intents.contains { postingIndex[Self.postingKey(intent: $0, feature: id)] != nil }
  }

  /// Best first; ties keep the catalogue's order, so the engine stays deterministic.
  private static func ordered(_ left: Scored, _ right: Scored) -> Bool {
    left.score != right.score ? left.score > right.score : left.intent < right.intent
  }

  private static func blended(_ probability: Double, _ cosine: Float) -> Double {
    (1 - nearestWeight) * probability + nearestWeight * Double(max(0, cosine))
  }

  /// The example of `intent` with the highest cosine to `vector` (the first on a tie).
  private func nearestExample(_ vector: SparseVector, intent: Int) -> (example: Int, cosine: Float) {
    let members = examplesOfIntent[intent]
    guard !members.isEmpty else { return (-1, 0) }
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: members.count) { cosines in
      cosines.initialize(repeating: 0)
      for (id, value) in zip(vector.ids, vector.values) {
        guard let number = postingIndex[Self.postingKey(intent: intent, feature: id)] else { continue }
        for posting in postingRange(number) {
          cosines[Int(postingExamples[posting])] += value * postingWeights[posting]
        }
      }
      var best = 0
      for place in cosines.indices where cosines[place] > cosines[best] { best = place }
      return (members[best], cosines[best])
    }
  }

  private func postingRange(_ number: Int32) -> Range<Int> {
    Int(postingStarts[Int(number)])..<Int(postingStarts[Int(number) + 1])
  }

  private static func postingKey(intent: Int, feature: Int32) -> UInt64 {
    UInt64(intent) << 32 | UInt64(UInt32(bitPattern: feature))
  }

  /// With `unknownCount`, features no example had still count in the vector's length, at
  /// the weight of a feature seen nowhere: "drop table deals" is then less like "show
  /// deals" than "show deals" is, where leaving "drop" out would make them the same.
  private func normalized(_ features: [(key: UInt64, weight: Float)], unknownCount: Bool = false) -> SparseVector {
    Self.normalized(
      features, index: featureIndex, idf: idf, unseenIDF: unknownCount ? unseenIDF : 0)
  }

  /// The TF-IDF vector of `features`, unit length, in feature order; features no example had
  /// are left out, and count in the length at `unseenIDF`. In id order, as features are
  /// numbered in the order they are listed.
  private static func normalized(
    _ features: [(key: UInt64, weight: Float)], index featureIndex: KeyIndex, idf: [Float], unseenIDF: Float = 0
  ) -> SparseVector {
    let (all, _) = weighed(features, index: featureIndex, idf: idf, unseenIDF: unseenIDF, wordLevelToo: false)
    return unit(all.entries, unseen: all.unseen)
  }

  /// Features by their ids, weighed by IDF, in the features' order, and the squared length
  /// of those no example had (at `unseenIDF`).
  private struct Weighed {
    var entries: [(id: Int32, weight: Float)] = []
    var unseen: Float = 0
  }

  /// `features` weighed, all of them and, with `wordLevelToo`, the words' part apart (empty
  /// without), each feature looked up once.
  private static func weighed(
    _ features: [(key: UInt64, weight: Float)], index featureIndex: KeyIndex, idf: [Float], unseenIDF: Float,
    wordLevelToo: Bool
  ) -> (all: Weighed, words: Weighed) {
    var all = Weighed()
    var words = Weighed()
    all.entries.reserveCapacity(features.count)
    for feature in features {
      let wordLevel = wordLevelToo && FeatureKey.isWordLevel(feature.key)
      guard let id = featureIndex[feature.key] else {
        let unseen = feature.weight * unseenIDF * feature.weight * unseenIDF
        all.unseen += unseen
        if wordLevel { words.unseen += unseen }
        continue
      }
      let entry = (id: id, weight: feature.weight * idf[Int(id)])
      all.entries.append(entry)
      if wordLevel { words.entries.append(entry) }
    }
    return (all, words)
  }

  /// `entries` (weighted, in the order of their features, which is id order) as a unit
  /// vector, `unseen` the squared length of the features left out.
  private static func unit(_ entries: [(id: Int32, weight: Float)], unseen: Float) -> SparseVector {
    guard !entries.isEmpty else { return SparseVector() }
    let norm = (entries.reduce(0) { $0 + $1.weight * $1.weight } + unseen).squareRoot()
    guard norm > 0 else { return SparseVector() }
    return SparseVector(ids: entries.map(\.id), values: entries.map { $0.weight / norm })
  }
}

extension Ranker {
  /// The highest example number the ranker refers to, -1 for none.
  var highestExample: Int { examplesOfIntent.joined().max() ?? -1 }

  func write(to writer: inout SnapshotWriter) {
    writer.integer(intentCount)
    writer.floats(idf)
    writer.float(unseenIDF)
    featureIndex.write(to: &writer)
    writer.integers(postingStarts)
    postingIndex.write(to: &writer)
    writer.integers(postingExamples)
    writer.floats(postingWeights)
    for members in examplesOfIntent { writer.integers(members.map { Int32($0) }) }
    classifier.write(to: &writer)
  }

  /// Reads what `write` wrote, checking every number that indexes something. The lookup
  /// tables are read as they were: rebuilding them would be a large part of reading the ranker.
  init(from reader: inout SnapshotReader) throws {
    intentCount = try reader.count(itemSize: 8)
    idf = try reader.floats()
    unseenIDF = try reader.float()
    featureIndex = try KeyIndex(from: &reader, count: idf.count)
    postingStarts = try reader.integers()
    guard !postingStarts.isEmpty else { throw SnapshotReader.Damaged() }
    postingIndex = try KeyIndex(from: &reader, count: postingStarts.count - 1)
    postingExamples = try reader.integers()
    postingWeights = try reader.floats()
    guard postingStarts.first == 0, postingStarts.last.map(Int.init) == postingExamples.count,
      postingWeights.count == postingExamples.count,
      zip(postingStarts, postingStarts.dropFirst()).allSatisfy({ $0 <= $1 })
    else { throw SnapshotReader.Damaged() }
    examplesOfIntent = try (0..<intentCount).map { _ in try reader.integers().map(Int.init) }
    // A posting names an example by its place among its intent's examples.
    let largest = examplesOfIntent.map(\.count).max() ?? 0
    guard postingExamples.allSatisfy({ $0 >= 0 && Int($0) < largest }) else { throw SnapshotReader.Damaged() }
    classifier = try SoftmaxClassifier(from: &reader, featureCount: idf.count)
    guard classifier.classCount >= intentCount else { throw SnapshotReader.Damaged() }
    try postingIndex.forEach { key, value in
      let members = examplesOfIntent.indices.contains(Int(key >> 32)) ? examplesOfIntent[Int(key >> 32)].count : 0
      guard postingExamples[postingRange(value)].allSatisfy({ Int($0) < members }) else {
        throw SnapshotReader.Damaged()
      }
    }
  }
}
