import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `account.update` and `task.update`: an account's CSM and segment, a task's due date and
/// assignee, each checked, confirmed and undoable.
@Suite(.tags(.fast)) struct RecordUpdateActionsTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  private func account(_ name: String) throws -> (Account, EntityValue) {
    let named = try #require(try harness.workspace.vocabulary().first { $0.kind == .account && $0.display == name })
    let found = try #require(try harness.workspace.account(id: Int64(named.key) ?? 0))
    return (found, EntityValue(kind: .account, key: String(found.id), display: name))
  }

  private func task(_ id: Int64) -> EntityValue { EntityValue(kind: .task, key: String(id), display: "task \(id)") }

  @Test func anAccountGetsANewCSMAndSegmentAndUndoPutsThemBack() throws {
    let (globex, slot) = try account("Globex")
    let csm: [String: EntityValue] = [
      "account": slot, "field": EntityValue(kind: .field, key: "csm", display: "csm"),
      "person": Slot.person("lee", "Lee"),
    ]
    let plan = try harness.plan("account.update", csm)
    #expect(plan.summary == "Make Lee Okafor the CSM for Globex (was \(globex.csm?.name ?? "no one")).")
    let audit = try harness.perform("account.update", csm)
    #expect(try harness.workspace.account(id: globex.id)?.csm?.handle == "lee")
    // A segment alone implies the field.
    let segment = EntityValue(kind: .segment, key: "Mid-Market", display: "Mid-Market")
    let moved = try harness.perform("account.update", ["account": slot, "segment": segment])
    #expect(try harness.workspace.account(id: globex.id)?.segment == "Mid-Market")
    let context = try harness.request("session.undo").audit
    try harness.workspace.undo(auditID: moved, context)
    try harness.workspace.undo(auditID: audit, context)
    #expect(try harness.workspace.account(id: globex.id) == globex)
  }

  @Test func aRepMayNotChangeAnAccount() throws {
    let (_, slot) = try account("Globex")
    let segment = EntityValue(kind: .segment, key: "SMB", display: "SMB")
    let reply = try harness.answer("account.update", as: "sam", ["account": slot, "segment": segment])
    #expect(reply.refusalReason == .permission)
  }

  @Test func aTaskMovesToANewDayOrPersonButNotIntoThePast() throws {
    let before = try #require(try harness.workspace.task(id: 2))
    let day = Fixtures.today.adding(days: 7)
    try harness.perform("task.update", ["task": task(2), "date": Slot.date(day)])
    #expect(try harness.workspace.task(id: 2)?.dueDate == day)
    try harness.perform("task.update", ["task": task(2), "person": Slot.person("sam", "Sam")])
    #expect(try harness.workspace.task(id: 2)?.owner.handle == "sam")
    let past = try harness.answer("task.update", ["task": task(2), "date": Slot.date(Fixtures.today.adding(days: -1))])
    #expect(past.refusalReason == .pastDueDate)
    // Both at once is asked about, never guessed.
    let both = try harness.answer(
      "task.update", ["task": task(2), "date": Slot.date(day), "person": Slot.person("sam", "Sam")])
    #expect(both.kind == .question)
    #expect(before.owner.handle != "sam")
  }
}
