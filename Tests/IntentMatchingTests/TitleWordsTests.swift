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

  private func find(_ line: String) -> TitleWords.Found? {
    TitleWords.find(in: line.split(separator: " ").map(String.init), titles: titles)
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

  @Test func aNumberEndsTheRun() {
    #expect(find("security 42 questionnaire") == nil)
  }
}
