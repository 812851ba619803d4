import BatonTestSupport
import Testing

@testable import IntentMatching

/// A line's words meet an example's anchors at their stems ("owned", "owning" at "own");
/// words of four letters or fewer, words that are no plural and words that hold a number
/// stay whole.
@Suite(.tags(.fast)) struct StemmerTests {
  @Test(arguments: [
    ("owns", "owns"), ("owned", "own"), ("owning", "own"), ("companies", "company"), ("approves", "approv"),
    ("deals", "deal"), ("class", "class"), ("status", "status"), ("analysis", "analysis"), ("sings", "sing"),
    ("buys", "buys"), ("bed", "bed"), ("q4-deals", "q4-deals"), ("{deal}s", "{deal}s"), ("cafés", "café"),
    ("२०२६s", "२०२६s"),
  ])
  func stems(_ word: String, _ stem: String) {
    #expect(Stemmer.stem(word) == stem)
  }
}
