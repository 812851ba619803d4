import BatonModel
import BatonTestSupport
import IntentMatching
import Testing

@testable import Assistant

/// A line matched ahead of its turn, with nothing in focus, stands for the session's own
/// reading only when the focus cannot change it and the day is the same.
@Suite(.tags(.fast)) struct PrereadingTests {
  @Test func aReadingAheadIsUsedUnlessTheLinePointsAtAFocusOrTheDayTurned() throws {
    let matcher = try Fixtures.session().matcher
    let day = Fixtures.today
    let plain = Prereading("who owns stage exit criteria", day: day, matcher: matcher)
    #expect(plain.match(for: "who owns stage exit criteria", day: day, focus: [.deal])?.intent?.name == "ownership.who")
    #expect(plain.match(for: "who owns lead routing", day: day, focus: []) == nil)
    #expect(plain.match(for: "who owns stage exit criteria", day: day.adding(days: 1), focus: []) == nil)

    let pointing = Prereading("move it to negotiation", day: day, matcher: matcher)
    #expect(pointing.match(for: "move it to negotiation", day: day, focus: []) != nil)
    #expect(pointing.match(for: "move it to negotiation", day: day, focus: [.deal]) == nil)
  }
}
