import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// A change made in steps (an account reassigned, then its open deals) is undone whole, by
/// one `undo`, whether its steps were confirmed one by one or all at once.
@Suite(.tags(.fast)) struct UndoStepsTests {
  private func owners(_ workspace: Workspace) throws -> (account: String?, deals: [String?]) {
    let account = try workspace.account(id: 2)?.owner?.handle
    let deals = try workspace.deals(DealFilter(accountID: 2, limit: 100)).map(\.ownerHandle)
    return (account, deals)
  }

  @Test(arguments: [false, true])
  func anUndoReversesEveryStepOfTheChange(_ assumeYes: Bool) throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    let session = try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan")
    if assumeYes { session.confirmations = .assumeYes }
    let account = try #require(try workspace.account(id: 2))
    let before = try owners(workspace)
    let lines = assumeYes ? ["reassign \(account.name) to Priya"] : ["reassign \(account.name) to Priya", "yes", "yes"]
    for line in lines { _ = session.handle(line) }
    let after = try owners(workspace)
    #expect(after.account == "priya" && after.deals.allSatisfy { $0 == "priya" } && !after.deals.isEmpty)
    #expect(before.deals.contains { $0 != "priya" }, "some deal had another owner to move")
    let undo = session.handle("undo")
    if !assumeYes {
      #expect(undo.reply.kind == .question)
      _ = session.handle("yes")
    }
    let undone = try owners(workspace)
    #expect(undone.account == before.account && undone.deals == before.deals)
    let again = session.handle("undo")
    #expect(again.reply.refusalReason == .nothingToUndo, "\(again.reply.firstLine)")
  }
}
