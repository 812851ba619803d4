import Assistant
import BatonModel
import BatonTestSupport
import Testing

/// `baton intents eval`: labelled lines run session by session and scored.
@Suite(.tags(.fast)) struct IntentEvaluationTests {
  @Test func aSessionKeepsItsContextAndEveryMissIsReported() throws {
    let tsv = """
      # session\tline\tintent\tslots
      s1\tshow deal 42\tdeal.show\tdeal=42
      s1\tmove it to negotiation anyway because legal signed\tdeal.move\tdeal=42;stage=negotiation

      s2\tmove it to negotiation\tdeal.move\tdeal=42
      s3\tblorp\tnot_understood\t
      s4\twho owns stage exit criteria\townership.of\tresponsibility=exit
      """
    let cases = try IntentEvaluation.cases(fromTSV: tsv)
    #expect(cases.map(\.lineNumber) == [2, 3, 5, 6, 7])
    let report = try IntentEvaluation(catalog: try Fixtures.catalog(), today: Fixtures.today).run(cases)
    // s1's second line finds deal 42 in its own session's focus; s2 starts afresh and asks.
    #expect(report.outcomes.map(\.intentRight) == [true, true, true, true, false])
    #expect(report.outcomes[1].reply.kind == .done)
    #expect(report.outcomes[2].reply.kind == .question && report.outcomes[2].missedSlots.map(\.name) == ["deal"])
    #expect(report.outcomes[4].intent == "ownership.who")
    #expect(report.intentAccuracy == 0.8)
    // A slot counts by itself: s4 names the responsibility although the intent is wrong.
    #expect(report.slotCount == 5 && report.slotAccuracy == 0.8)
    #expect(report.executedOutOfScope == 0)
    let text = report.lines
    #expect(text[0] == "lines: 5 (1 out of scope), sessions: 4")
    #expect(text[1] == "intent right: 80.0 % (4 of 5)")
    #expect(text[2] == "slots right: 80.0 % (4 of 5)")
    #expect(
      text.contains {
        $0.hasPrefix("  7 [s4] “who owns stage exit criteria”: expected ownership.of, read ownership.who")
      })
  }

  @Test func aMalformedLineIsNamedByNumber() {
    #expect(throws: IntentEvaluation.FormatError.self) {
      try IntentEvaluation.cases(fromTSV: "# header\ns1\tonly two fields\n")
    }
    do {
      _ = try IntentEvaluation.cases(fromTSV: "s1\tshow deal 42\tdeal.show\tdeal\n")
    } catch let error as IntentEvaluation.FormatError {
      #expect(error.description == "line 1: a slot is name=text, not “deal”")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
