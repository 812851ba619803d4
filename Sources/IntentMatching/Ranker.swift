import Foundation

/// Ranks intents for a line by TF-IDF similarity to every example, one general algorithm
/// for every intent: no per-intent code.
///
/// An intent's score blends its nearest example (good for a close paraphrase) with its
/// centroid (good when the line mixes the words of several examples). Both are cosines, so
/// the score lies in 0...1 and one threshold serves every catalogue.
struct Ranker: Sendable {
  struct Scored: Sendable {
    var intent: Int
    var score: Double
    /// The intent's nearest example.
    var example: Int
  }

  /// Weight of the nearest example against the centroid.
  var nearestWeight = 0.6

  private let extractor = FeatureExtractor()
  private var featureIDs: [String: Int] = [:]
  private var idf: [Double] = []
  /// Feature → (example, weight) postings.
  private var postings: [[(example: Int, weight: Double)]] = []
  /// Feature → (intent, weight) postings of the centroids.
  private var centroidPostings: [[(intent: Int, weight: Double)]] = []
  private(set) var exampleIntent: [Int] = []
  private let intentCount: Int

  /// Builds the index from each example's words and the intent it belongs to.
  init(examples: [(words: [String], intent: Int)], intentCount: Int) {
    self.intentCount = intentCount
    let raw = examples.map { extractor.features($0.words) }
    var documentFrequency: [Int] = []
    for features in raw {
      // Sorted, so feature numbers (and the order sums run in) are the same every build.
      for key in features.keys.sorted() {
        if let id = featureIDs[key] {
          documentFrequency[id] += 1
        } else {
          featureIDs[key] = documentFrequency.count
          documentFrequency.append(1)
        }
      }
    }
    let count = Double(max(1, examples.count))
    idf = documentFrequency.map { log((count + 1) / (Double($0) + 1)) + 1 }
    postings = Array(repeating: [], count: idf.count)
    var centroids = Array(repeating: [Int: Double](), count: intentCount)
    for (index, features) in raw.enumerated() {
      let vector = normalized(features)
      exampleIntent.append(examples[index].intent)
      for (id, weight) in vector {
        postings[id].append((index, weight))
        centroids[examples[index].intent][id, default: 0] += weight
      }
    }
    centroidPostings = Array(repeating: [], count: idf.count)
    for (intent, centroid) in centroids.enumerated() {
      let entries = centroid.sorted { $0.key < $1.key }
      let norm = entries.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
      guard norm > 0 else { continue }
      for (id, weight) in entries { centroidPostings[id].append((intent, weight / norm)) }
    }
  }

  /// Every intent's score for `words`, best first; the features that decided are returned
  /// for explanations.
  func rank(_ words: [String]) -> (scores: [Scored], vector: [(id: Int, weight: Double)]) {
    let vector = normalized(extractor.features(words))
    var exampleScores = [Double](repeating: 0, count: exampleIntent.count)
    var centroidScores = [Double](repeating: 0, count: intentCount)
    for (id, weight) in vector {
      for posting in postings[id] { exampleScores[posting.example] += weight * posting.weight }
      for posting in centroidPostings[id] { centroidScores[posting.intent] += weight * posting.weight }
    }
    var nearest = [(score: Double, example: Int)](repeating: (0, -1), count: intentCount)
    for (example, score) in exampleScores.enumerated() {
      let intent = exampleIntent[example]
      if score > nearest[intent].score || nearest[intent].example < 0 {
        nearest[intent] = (score, example)
      }
    }
    let scores = (0..<intentCount).map { intent in
      Scored(
        intent: intent,
        score: nearestWeight * nearest[intent].score + (1 - nearestWeight) * centroidScores[intent],
        example: nearest[intent].example)
    }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
    return (scores, vector)
  }

  /// The words of the line that contributed most to `example`'s score.
  func decidingFeatures(_ vector: [(id: Int, weight: Double)], example: Int, limit: Int = 4)
    -> [String]
  {
    let present = Set(vector.map(\.id))
    var names = [Int: String]()
    for (name, id) in featureIDs where present.contains(id) { names[id] = name }
    var contributions: [(String, Double)] = []
    for (id, weight) in vector {
      guard let posting = postings[id].first(where: { $0.example == example }),
        let name = names[id], name.hasPrefix("w:")
      else { continue }
      contributions.append((String(name.dropFirst(2)), weight * posting.weight))
    }
    return contributions.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
  }

  /// The TF-IDF vector of `features`, unit length, in feature order: summing in a fixed
  /// order makes scores identical bit for bit from one build of the engine to the next
  /// (a dictionary's order changes from one instance to another).
  private func normalized(_ features: [String: Double]) -> [(id: Int, weight: Double)] {
    var vector: [(id: Int, weight: Double)] = []
    for (key, value) in features {
      guard let id = featureIDs[key] else { continue }
      vector.append((id, value * idf[id]))
    }
    vector.sort { $0.id < $1.id }
    let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
    guard norm > 0 else { return [] }
    return vector.map { ($0.id, $0.weight / norm) }
  }
}
