/// The words of a line that frame a request rather than carry its meaning, left out before
/// a line (or an example, or a refused line) is scored, so that "could you tell me who owns
/// X", "pls who owns X" and "who owns X" read alike, and "remind me of" is framing rather
/// than a request for a reminder.
///
/// Also a kind's own noun after a name of that kind: "the Initech Expansion deal", "the
/// Hooli account" read as the record alone, the way "Initech Expansion" does.
enum Phrasing {
  /// Framing a line may open with, longest first within each group. Each is left out only
  /// when something follows it.
  private static let openers: [[String]] = [
    ["could", "you", "please", "tell", "me"], ["can", "you", "please", "tell", "me"],
    ["could", "you", "tell", "me"], ["can", "you", "tell", "me"], ["would", "you", "tell", "me"],
    ["i", "would", "like", "to", "know"], ["i", "need", "to", "know"], ["i", "want", "to", "know"],
    ["do", "you", "know"], ["any", "idea"], ["quick", "question"], ["quick", "one"], ["quick", "q"],
    ["could", "you", "please"], ["can", "you", "please"], ["could", "you"], ["can", "you"],
    ["would", "you"], ["will", "you"], ["can", "u"], ["could", "u"],
    ["hey"], ["hi"], ["hello"], ["ok"], ["okay"], ["so"], ["yo"], ["um"], ["please"], ["pls"], ["plz"],
    ["actually"], ["kindly"],
  ]

  /// Framing that opens a line only before a question word: "tell me who owns X", "remind
  /// me what we were talking about" (but "remind me to call Dana" is a task).
  private static let questionOpeners: [[String]] = [["tell", "me"], ["remind", "me"], ["let", "me", "know"]]

  /// "remind me of the exit criteria": framing before what to recall.
  private static let recallOpeners: [[String]] = [["remind", "me", "of"], ["remind", "me", "about"]]

  private static let questionWords: Set<String> = [
    "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "if", "whether",
  ]

  /// The first words of all openers and the last words of all closers: most lines start and
  /// end with none, and need no opener or closer tried.
  private static let openingWords = Set((openers + questionOpeners + recallOpeners).compactMap(\.first))
  private static let closingWords = Set(closers.compactMap(\.last))

  /// Words that frame wherever they stand.
  private static let anywhere: Set<String> = ["please", "pls", "plz", "actually", "kindly", "lgtm"]

  /// Framing a line may close with, longest first.
  private static let closers: [[String]] = [
    ["when", "you", "get", "a", "chance"], ["if", "you", "get", "a", "chance"], ["whenever", "you", "can"],
    ["when", "you", "can"], ["if", "you", "can"], ["if", "possible"], ["right", "now"], ["thank", "you"],
    ["for", "me"], ["thanks"], ["thx"], ["please"], ["pls"], ["asap"],
  ]

  /// Words that only frame a request wherever they stand or as its last word ("asap").
  static let framingWords: Set<String> = anywhere.union(closers.filter { $0.count == 1 }.map { $0[0] })

  /// A kind's nouns that may follow a name of that kind and add nothing to it.
  private static let kindNouns: [String: Set<String>] = [
    "{deal}": ["deal", "opportunity", "opp"], "{account}": ["account", "customer", "logo"],
    "{lead}": ["lead"], "{team}": ["team"], "{stage}": ["stage"],
  ]

  /// `words` (delexicalized: names stand as `{kind}`) without their framing.
  static func reduce(_ words: [String]) -> [String] {
    var start = 0
    var end = words.count
    var changed = true
    while changed {
      changed = false
      guard start < end, openingWords.contains(words[start]) else { break }
      for opener in openers where opens(words, at: start, end: end, with: opener) {
        start += opener.count
        changed = true
        break
      }
      for opener in recallOpeners where opens(words, at: start, end: end, with: opener) {
        start += opener.count
        changed = true
        break
      }
      for opener in questionOpeners where opens(words, at: start, end: end, with: opener) {
        if questionWords.contains(words[start + opener.count]) {
          start += opener.count
          changed = true
          break
        }
      }
    }
    changed = true
    while changed {
      changed = false
      guard end > start, closingWords.contains(words[end - 1]) else { break }
      for closer in closers where end - closer.count > start && words[(end - closer.count)..<end].elementsEqual(closer)
      {
        end -= closer.count
        changed = true
        break
      }
    }
    var result: [String] = []
    result.reserveCapacity(end - start)
    for word in words[start..<end] where !anywhere.contains(word) || end - start == 1 {
      if let last = result.last, last.hasPrefix("{"), isKindNoun(word, after: result) { continue }
      result.append(word)
    }
    return result
  }

  /// Whether `words[start...]` begins with `opener` and has more after it.
  private static func opens(_ words: [String], at start: Int, end: Int, with opener: [String]) -> Bool {
    guard end - start > opener.count else { return false }
    for (offset, word) in opener.enumerated() where words[start + offset] != word { return false }
    return true
  }

  /// Whether `word` is the noun of a kind among the placeholders that end `result`.
  private static func isKindNoun(_ word: String, after result: [String]) -> Bool {
    for placeholder in result.reversed() {
      guard placeholder.hasPrefix("{") else { return false }
      if kindNouns[placeholder]?.contains(word) == true { return true }
    }
    return false
  }
}
