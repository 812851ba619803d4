import IntentMatching
import Testing

@Suite struct NormalizerTests {
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
  ])
  func normalizes(_ line: String, _ expected: String) {
    #expect(Normalizer().normalize(line) == expected)
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
