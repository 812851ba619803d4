/// Edit distances for typo tolerance and "did you mean" suggestions.
public enum EditDistance {
  /// Damerau–Levenshtein (optimal string alignment) distance, stopping early past `limit`.
  public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// How many typos a word of this length may carry and still match: none below 4 letters,
  /// one up to 6, two beyond ("ownz" → owns, "negotation" → negotiation).
  public static func tolerance(forLength length: Int) -> Int {
    switch length {
    case ..<4: return 0
    case 4...6: return 1
    default: return 2
    }
  }

  /// The candidates closest to `word`, nearest first, within a cut-off that grows with length.
  public static func suggestions(for word: String, among candidates: [String], limit: Int = 3)
    -> [String]
  {
    let cutoff = max(2, word.count / 3)
    let lowered = word.lowercased()
    var scored: [(word: String, distance: Int)] = []
    for candidate in candidates {
      let distance = distance(lowered, candidate.lowercased(), limit: cutoff)
      if distance <= cutoff { scored.append((candidate, distance)) }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.word < $1.word }
    return scored.prefix(limit).map(\.word)
  }
}
