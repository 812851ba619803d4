import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `task.assign`: a follow-up for a person, refused with a due date in the past, created once
/// the plan is performed.
@Suite(.tags(.fast)) struct TaskAssignActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  private let sam = Slot.person("sam", "Sam Carter")

  @Test func aDueDateInThePastIsRefused() throws {
    let before = try harness.workspace.tasks(ownerHandle: nil, includeDone: true, limit: 100)
    let reply = try harness.answer(
      "task.assign", ["person": sam, "deal": Slot.deal(42), "date": Slot.date(Fixtures.today.adding(days: -1))])
    #expect(reply.refusalReason == .pastDueDate)
    #expect(
      reply.paragraphs == [
        "The due date 2026-11-22 is in the past; give one from today (2026-11-23) on, such as “by Friday”."
      ])
    #expect(try harness.workspace.tasks(ownerHandle: nil, includeDone: true, limit: 100) == before)
  }

  @Test func todayIsNotInThePast() throws {
    let plan = try harness.plan("task.assign", ["person": sam, "date": Slot.date(Fixtures.today)])
    #expect(plan.summary == "Create the task “Follow up” for Sam Carter, due Monday 2026-11-23.")
  }

  @Test func theSameTaskAskedForAgainIsSaidBeforeItIsMadeTwice() throws {
    let slots = ["person": sam, "deal": Slot.deal(42), "date": Slot.date(Fixtures.today.adding(days: 4))]
    _ = try harness.plan("task.assign", slots).perform()
    let open = try harness.workspace.tasks(ownerHandle: "sam", includeDone: false, limit: 50)
    let first = try #require(open.first { $0.title == "Follow up on Nakatomi Expansion" })
    let again = try harness.plan("task.assign", slots)
    #expect(again.summary.hasSuffix(" Task \(first.id) is the same and still open."))
  }

  @Test func aGoodDueDateCreatesTheTaskWhenPerformed() throws {
    let friday = Day(year: 2026, month: 11, day: 27)
    let plan = try harness.plan("task.assign", ["person": sam, "deal": Slot.deal(42), "date": Slot.date(friday)])
    #expect(
      plan.summary
        == "Create the task “Follow up on Nakatomi Expansion” for Sam Carter on deal 42, due Friday 2026-11-27.")
    let done = try plan.perform()
    #expect(done.kind == .done)
    let id = try #require(done.int("task"))
    #expect(done.paragraphs == ["Created task \(id) “Follow up on Nakatomi Expansion” for Sam Carter, due 2026-11-27."])
    let task = try #require(try harness.workspace.task(id: id))
    #expect(task.title == "Follow up on Nakatomi Expansion")
    #expect(task.owner.handle == "sam")
    #expect(task.dealID == 42)
    #expect(task.dueDate == friday)
    #expect(task.status == "open")
  }

  @Test func aTitleIsCapitalized() throws {
    let done = try harness.plan(
      "task.assign", ["person": sam, "task": Slot.text("send the security questionnaire")]
    ).perform()
    #expect(done.firstLine.hasSuffix("“Send the security questionnaire” for Sam Carter."))
  }

  @Test func aRepMayNotAssignTasksToOthers() throws {
    let reply = try harness.answer("task.assign", as: "sam", ["person": Slot.person("riley", "Riley Chen")])
    #expect(reply.refusalReason == .permission)
    #expect(reply.paragraphs == ["Assigning tasks to others needs the ops role; Sam Carter is a rep."])
  }
}
