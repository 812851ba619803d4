import BatonTestSupport
import Testing

@testable import IntentMatching

/// The run of a line's words that one title holds, and none when the words are too few, are
/// held by several titles, or are the line's own.
@Suite(.tags(.fast)) struct TitleWordsTests {
  private let titles: [(id: Int64, words: [String])] = [
    (1, ["send", "the", "security", "questionnaire"]),
    (2, ["prepare", "the", "onboarding", "kickoff", "deck"]),
    (3, ["prepare", "the", "renewal", "deck"]),
  ]

  /// Words baton knows otherwise: they never tell a title alone.
  private let known: Set<String> = ["push", "friday", "renewal", "prepare", "send", "move"]

  private func find(_ line: String) -> TitleWords.Found? {
    let words = line.split(separator: " ").map(String.init)
    return TitleWords.find(in: words, titles: titles) { !known.contains(words[$0]) }
  }

  @Test func wordsOfOneTitleNameItsRecord() {
    #expect(find("push the kickoff deck to friday") == .init(range: 2..<4, id: 2))
    #expect(find("i finished the onboarding kickoff deck") == .init(range: 3..<6, id: 2))
    #expect(find("hand the security question list to lee") == .init(range: 2..<4, id: 1))
  }

  @Test func wordsSeveralTitlesHoldNameNone() {
    #expect(find("move the prepare deck to friday") == nil)
  }

  @Test func oneWordOrWordsOutsideEveryTitleNameNone() {
    #expect(find("push the deck to friday") == nil)
    #expect(find("what is the security posture") == nil)
    #expect(find("decks for the renewals") == nil)
  }

  @Test func wordsBatonKnowsOtherwiseNameNone() {
    #expect(find("prepare the renewal") == nil)
  }

  @Test func twoRunsAsLongForTwoRecordsNameNone() {
    #expect(find("the kickoff deck or the security questionnaire") == nil)
  }

  @Test func aNumberEndsTheRun() {
    #expect(find("security 42 questionnaire") == nil)
  }
}
