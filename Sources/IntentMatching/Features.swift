/// Turns a delexicalized word sequence ("who owns {responsibility}") into weighted sparse
/// features: stemmed words, word pairs, and character trigrams of each word (which carry
/// the match across inflections and typos the corrector left alone).
struct FeatureExtractor: Sendable {
  /// Character n-grams count for less than whole words.
  var characterWeight = 0.35
  var bigramWeight = 0.8

  func features(_ words: [String]) -> [String: Double] {
    var result: [String: Double] = [:]
    let stems = words.map(Self.stem)
    for stem in stems {
      result["w:" + stem, default: 0] += 1
      guard !stem.hasPrefix("{"), stem.count > 2 else { continue }
      let padded = Array("^" + stem + "$")
      for start in 0...(padded.count - 3) {
        result["c:" + String(padded[start..<start + 3]), default: 0] += characterWeight
      }
    }
    if stems.count > 1 {
      for index in 1..<stems.count {
        result["b:" + stems[index - 1] + "_" + stems[index], default: 0] += bigramWeight
      }
    }
    return result
  }

  /// A light suffix stripper: enough that "owns", "owned" and "owning" meet at "own".
  static func stem(_ word: String) -> String {
    guard word.count > 4, !word.hasPrefix("{"), !word.contains(where: \.isNumber) else {
      return word
    }
    for suffix in ["ing", "ed", "ies", "es", "s"] where word.hasSuffix(suffix) {
      if suffix == "s" && (word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is")) {
        return word
      }
      let base = String(word.dropLast(suffix.count))
      if base.count >= 3 { return suffix == "ies" ? base + "y" : base }
    }
    return word
  }
}
