import Assistant
import BatonModel
import BatonTestSupport
import Testing

/// A month or quarter said without a year is the one gone by for results ("win rate in
/// March") and the one ahead for what is still to come ("open deals closing in March",
/// "forecast for Q1"); a year said is kept.
@Suite(.tags(.fast)) struct PeriodAheadTests {
  @Test(arguments: [
    ("which open deals close in March", "Open deals closing in March 2027"),
    ("deals closing in Q1", "Open deals closing in Q1 2027"),
    ("forecast for Q1", "Forecast for Q1 2027"),
    ("what was our win rate in March", "Win rate for March 2026"),
    ("deals closing in March 2026", "Open deals closing in March 2026"),
  ])
  func aBarePeriodLooksTheWayTheAnswerDoes(line: String, opening: String) throws {
    let session = try Fixtures.session(actor: "jordan")
    let turn = session.handle(line)
    #expect(turn.reply.firstLine.hasPrefix(opening), "\(line) → \(turn.reply.firstLine)")
  }
}
