/// Records said by words of their titles, without a noun that says what they are ("push the
/// onboarding deck to Friday" for the task "Prepare the onboarding kickoff deck"): the run
/// of a line's words that only one title holds.
///
/// A run counts when it has at least two words of meaning, begins and ends with one, each of
/// them starts a word of the title, and one of them tells (a word baton does not know
/// otherwise, outside any name it recognized: "questionnaire", "deck"; "commit deals" is
/// the forecast's, not a title's); a run that several titles hold is none of theirs. Of
/// several runs, the one with the most words of meaning; two as long for different records
/// are none.
public enum TitleWords {
  /// A run of the line's words and the record whose title holds it.
  public struct Found: Equatable, Sendable {
    public let range: Range<Int>
    public let id: Int64
  }

  /// The most words a run is read over.
  private static let longest = 7

  /// Words that tie a title's words to the line; a run never begins or ends with one, nor
  /// counts one as a word of meaning.
  static let tying: Set<String> = [
    "the", "a", "an", "my", "our", "his", "her", "their", "your", "its", "this", "that", "with", "for", "on", "of",
    "to", "and", "in", "at", "by", "from", "about", "up",
  ]

  /// The one run of `words` (a line's normalized words) that one of `titles` (each its
  /// normalized words) holds, or nil; `tells` says whether the word at an index may tell a
  /// record.
  public static func find(
    in words: [String], titles: [(id: Int64, words: [String])], tells: (Int) -> Bool
  ) -> Found? {
    var best: (found: Found, meaning: Int)?
    var tied = false
    for start in words.indices where isMeaning(words[start]) {
      var holding = titles
      var meaning = 0
      var told = false
      for end in start..<min(words.count, start + longest) {
        let word = words[end]
        if word.allSatisfy(\.isNumber) { break }
        guard isMeaning(word) else { continue }
        holding = holding.filter { starts(of: $0.words, include: word) }
        if holding.isEmpty { break }
        meaning += 1
        told = told || tells(end)
        guard meaning >= 2, told, holding.count == 1 else { continue }
        let found = Found(range: start..<end + 1, id: holding[0].id)
        if let current = best, current.meaning >= meaning {
          if current.meaning == meaning && current.found.id != found.id { tied = true }
          continue
        }
        best = (found, meaning)
        tied = false
      }
    }
    return tied ? nil : best?.found
  }

  private static func isMeaning(_ word: String) -> Bool { !tying.contains(word) && !word.isEmpty }

  /// Whether some word of `title` starts with `word`: "questionnaire" for "questionnaire" or
  /// "question", never "deck" for "decks" (the line's word is the one that may be shorter);
  /// a word of two letters only as a whole word.
  private static func starts(of title: [String], include word: String) -> Bool {
    word.count < 3 ? title.contains(word) : title.contains { $0.hasPrefix(word) }
  }
}
