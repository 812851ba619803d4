import BatonModel
import BatonTestSupport
import Foundation
import Testing

@testable import IntentMatching

@Suite(.tags(.fast)) struct NormalizerTests {
  @Test(arguments: [
    ("Who's the owner of Stage Exit Criteria?", "who is the owner of stage exit criteria"),
    ("what's NRR", "what is nrr"),
    ("Show deal #42!", "show deal 42"),
    ("show deal forty two", "show deal 42"),
    ("one hundred and five deals", "105 deals"),
    ("Zoë’s deals", "zoe deals"),
    ("Priya's open deals", "priya open deals"),
    ("ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
    ("closed-won on 2026-11-27", "closed won on 2026-11-27"),
    ("the one in proposal", "the one in proposal"),
    ("lead 2 -> Jamie", "lead 2 to jamie"),
    ("the marketing→sales handoff", "the marketing to sales handoff"),
    ("deal 8=>CS", "deal 8 to cs"),
    ("deal 8 - CS", "deal 8 cs"),
  ])
  func normalizes(_ line: String, _ expected: String) {
    #expect(Normalizer().normalize(line) == expected)
  }

  /// ASCII lines take a byte-level path; it must read every line exactly as the Unicode
  /// path does. Checked on the test paraphrases and out-of-scope lines, punctuation-heavy
  /// lines, and random ASCII.
  @Test func asciiPathReadsLikeTheUnicodePath() {
    var lines = MatcherTests.paraphrases.map(\.0) + MatcherTests.outOfScope
    lines += [
      "Who's Acme's owner?", "'s", "''", "it's", "(who's)", "don't!", "ACME'S deals", "x'S", "#42,000.5",
      "1,5-2", "a--b", "\t tabs\r\nand\u{0B}vertical\u{0C}feeds ", "$5% off", "e-mail@x.com", "-", "",
    ]
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("aZ'’s-.,#$%!?()@_ \t09".utf8).filter { $0 < 0x80 }
    for _ in 0..<2000 {
      let length = Int.random(in: 0..<16, using: &generator)
      lines.append(
        String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0x20 }, as: UTF8.self))
    }
    for line in lines {
      var bytes = line
      let ascii = bytes.withUTF8 { Normalizer.asciiTokens($0) }
      #expect(ascii == Normalizer().unicodeTokens(line), "\(line.debugDescription)")
    }
  }

  @Test func editDistanceToleratesTyposByLength() {
    #expect(EditDistance.distance("ownz", "owns") == 1)
    #expect(EditDistance.distance("critera", "criteria") == 1)
    #expect(EditDistance.distance("negotation", "negotiation") == 1)
    #expect(EditDistance.distance("teh", "the") == 1)
    #expect(EditDistance.tolerance(forLength: 3) == 0)
    #expect(EditDistance.tolerance(forLength: 10) == 2)
  }
}
