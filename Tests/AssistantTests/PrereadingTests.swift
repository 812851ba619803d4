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
    #expect(
      plain.match(for: "who owns stage exit criteria", day: day, focus: [.deal], namesVersion: 0)?.intent?.name
        == "ownership.who")
    #expect(plain.match(for: "who owns lead routing", day: day, focus: [], namesVersion: 0) == nil)
    #expect(
      plain.match(for: "who owns stage exit criteria", day: day.adding(days: 1), focus: [], namesVersion: 0) == nil)

    let pointing = Prereading("move it to negotiation", day: day, matcher: matcher)
    #expect(pointing.match(for: "move it to negotiation", day: day, focus: [], namesVersion: 0) != nil)
    #expect(pointing.match(for: "move it to negotiation", day: day, focus: [.deal], namesVersion: 0) == nil)
    // Read before the workspace's names changed: read again.
    #expect(plain.match(for: "who owns stage exit criteria", day: day, focus: [], namesVersion: 1) == nil)
  }

  /// A stage approved in the conversation is a name the very next line can use.
  @Test func aNameAddedByAnApprovalIsReadOnTheNextLine() throws {
    let session = try Fixtures.session(actor: "jordan")
    session.confirmations = .assumeYes
    #expect(session.handle("propose a new stage Verbal Commit after Negotiation").reply.kind == .done)
    #expect(session.handle("approve change 2").reply.kind == .done)
    let turn = session.handle("define verbal commit")
    #expect(
      turn.intent == "stage.define" && turn.slots["stage"]?.value.key == "verbal-commit", "\(turn.reply.firstLine)")
    #expect(session.matcher.namesVersion == 1)
  }
}
