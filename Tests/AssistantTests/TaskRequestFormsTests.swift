import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// A task asked for as a reminder or a request of someone ("remind Priya to …", "have Lee …")
/// is made with its words as the title and its due date ahead, "in two weeks" included.
@Suite(.tags(.fast)) struct TaskRequestFormsTests {
  @Test func aReminderInSomeWeeksIsDueThatFarAhead() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("remind Priya to call Globex in two weeks")
    #expect(turn.intent == "task.assign" && turn.reply.ok, "\(turn.reply.firstLine)")
    let made = try workspace.tasks(ownerHandle: "priya", includeDone: false, limit: 50)
    let task = try #require(made.first { $0.title == "Call Globex" }, "\(made.map(\.title))")
    #expect(task.dueDate == Fixtures.today.adding(days: 14))
  }

  @Test func aRequestOfSomeoneByAWeekdayIsDueThatWeekday() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("have Lee update the close plan by Friday")
    #expect(turn.intent == "task.assign" && turn.reply.ok, "\(turn.reply.firstLine)")
    let made = try workspace.tasks(ownerHandle: "lee", includeDone: false, limit: 50)
    let task = try #require(made.first { $0.title == "Update the close plan" }, "\(made.map(\.title))")
    let due = try #require(task.dueDate)
    #expect(due.weekday == 5 && due > Fixtures.today && Fixtures.today.days(to: due) <= 7, "\(due.iso)")
  }
}
