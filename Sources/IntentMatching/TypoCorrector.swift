import BatonModel
import Synchronization

/// Replaces a word the matcher does not know with the one known word it is a typo of, within
/// an edit distance that grows with length ("ownz" → owns, "critera" → criteria).
struct TypoCorrector: Sendable {
  private let known: Set<String>
  /// The words it knows, to build a corrector that knows more.
  var knownWords: Set<String> { known }
  /// Known words by length and first letter, so a lookup only compares words that could be
  /// close (a typo rarely changes the first letter; requiring it keeps corrections sane). Built on
  /// the first word that needs correcting: most lines have none, and sorting the buckets
  /// would be a large part of reading a saved engine at every start.
  private let buckets = Buckets()

  private final class Buckets: Sendable {
    let byLength = Mutex<[Int: [String]]?>(nil)
  }

  /// The bucket of words of `length` bytes starting with `first`.
  private static func bucket(length: Int, first: UInt8) -> Int { length << 8 | Int(first) }

  init(words: Set<String>) {
    known = words
  }

  private func byLength() -> [Int: [String]] {
    buckets.byLength.withLock { cached in
      if let cached { return cached }
      var byLength: [Int: [String]] = [:]
      for word in known where word.utf8.count >= 3 && !word.contains(where: \.isNumber) {
        guard let first = word.utf8.first else { continue }
        byLength[Self.bucket(length: word.utf8.count, first: first), default: []].append(word)
      }
      for key in byLength.keys { byLength[key]?.sort() }
      cached = byLength
      return byLength
    }
  }

  func isKnown(_ word: String) -> Bool { known.contains(word) }

  /// The correction for `word`, or nil when it is known, too short, a word of English in its
  /// own right (unless `englishToo`, and then only one edit away), or not close to exactly
  /// one best candidate.
  func correct(_ word: String, englishToo: Bool = false) -> String? {
    let length = word.utf8.count
    var tolerance = EditDistance.tolerance(forLength: length)
    guard tolerance > 0, !known.contains(word), !word.contains(where: \.isNumber) else {
      return nil
    }
    // "life" is not a typo of "like": a word the dictionary has is what the user meant, and
    // is left to count as a word the examples do not have ("the meaning of life").
    if WordVectors.builtIn?.contains(Array(word.utf8)) == true {
      guard englishToo else { return nil }
      tolerance = 1
    }
    var best: String?
    var bestDistance = tolerance + 1
    var tie = false
    let byLength = byLength()
    guard let first = word.utf8.first else { return nil }
    for candidateLength in (length - tolerance)...(length + tolerance) {
      for candidate in byLength[Self.bucket(length: candidateLength, first: first)] ?? [] {
        let distance = EditDistance.distance(word, candidate, limit: bestDistance)
        if distance < bestDistance {
          best = candidate
          bestDistance = distance
          tie = false
        } else if distance == bestDistance && distance <= tolerance, let current = best {
          // Among equally close words, one of the same length is the likelier typo
          // ("ownz" is "owns" rather than "own").
          let currentSame = current.utf8.count == length
          let candidateSame = candidateLength == length
          if candidateSame && !currentSame {
            best = candidate
            tie = false
          } else if candidateSame == currentSame {
            tie = true
          }
        }
      }
    }
    return tie ? nil : best
  }
}

extension TypoCorrector {
  func write(to writer: inout SnapshotWriter) { writer.strings(known.sorted()) }

  init(from reader: inout SnapshotReader) throws { self.init(words: Set(try reader.strings())) }
}
