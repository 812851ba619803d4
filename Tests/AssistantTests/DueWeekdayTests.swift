import Assistant
import BatonModel
import BatonTestSupport
import Testing

/// "on Friday" is the Friday just past in a question ("what changed on Friday") and the one
/// ahead as a change's due date ("call Initech on Friday"): never a due date already gone.
@Suite(.tags(.fast)) struct DueWeekdayTests {
  @Test func aTasksWeekdayAfterOnIsTheOneAhead() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle("give Lee a task to call Initech on Friday")
    #expect(turn.intent == "task.assign" && turn.reply.ok, "\(turn.reply.firstLine)")
    let due = try #require(turn.slots["date"].flatMap { Day(iso: $0.value.key) })
    #expect(due.weekday == 5 && due > Fixtures.today && Fixtures.today.days(to: due) < 7, "\(due.iso)")
  }

  @Test func aQuestionsWeekdayAfterOnIsTheOnePast() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle("what changed on Friday")
    let since = try #require(turn.slots.values.compactMap { Day(iso: $0.value.key) }.first, "\(turn.slots)")
    #expect(since.weekday == 5 && since < Fixtures.today, "\(since.iso)")
  }
}
