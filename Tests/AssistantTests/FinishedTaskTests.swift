import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import Testing
import WorkspaceStore

/// A task said to be finished is not one to make: the words `refused_by` lists for
/// `task.assign` refuse it however well the rest reads, outside the task's own title.
@Suite(.tags(.fast)) struct FinishedTaskTests {
  @Test(arguments: ["flag my follow up on deal 7 as finished", "my deal 7 follow-up is done now"])
  func aTaskSaidToBeFinishedIsNotMade(_ line: String) throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    let session = try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan")
    session.confirmations = .assumeYes
    let tasks = try workspace.tasks(includeDone: true, limit: 1_000).count
    let turn = session.handle(line)
    #expect(turn.intent != "task.assign", "\(line): \(turn.reply.firstLine)")
    #expect(try workspace.tasks(includeDone: true, limit: 1_000).count == tasks)
  }

  @Test func aTitleMaySayIt() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    let session = try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan")
    #expect(session.handle("ask Sam to complete the pricing review by Friday").intent == "task.assign")
  }
}

extension FinishedTaskTests {
  /// Nor is one made by following up a task made on the line before.
  @Test func aFollowUpSayingItIsDoneMakesNoSecondTask() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    let session = try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan")
    session.confirmations = .assumeYes
    #expect(session.handle("have Sam follow up on deal 42").intent == "task.assign")
    let tasks = try workspace.tasks(includeDone: true, limit: 1_000).count
    #expect(session.handle("and deal 7 is done").intent != "task.assign")
    #expect(try workspace.tasks(includeDone: true, limit: 1_000).count == tasks)
  }
}
