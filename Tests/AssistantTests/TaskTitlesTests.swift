import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// An open task named by words of its title, without the word "task", is that task: the
/// reply says first which task the words were read as, and the change is that task's.
@Suite(.tags(.fast)) struct TaskTitlesTests {
  @Test func aTaskNamedByItsTitlesWordsIsChanged() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("push the kickoff deck out to the 18th")
    #expect(turn.intent == "task.update" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.reply.firstLine == "Read “kickoff deck” as task 4 “Prepare the onboarding kickoff deck”.")
    let task = try #require(try workspace.task(id: 4))
    #expect(task.dueDate?.iso == "2026-12-18")
    guard case .object(let data) = turn.reply.data, case .object(let read)? = data["read_as"] else {
      Issue.record("no read_as in \(turn.reply.data)")
      return
    }
    #expect(read["task"] == .int(4))
  }

  @Test func aTaskFinishedByItsTitlesWordsIsDone() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("security questionnaire sent, mark it complete")
    #expect(turn.intent == "task.complete" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(try workspace.task(id: 1)?.status == "done")
  }

  /// Words no title holds, or one word alone, are not read as a task: the line stays not
  /// understood, and nothing changes.
  @Test(arguments: ["push the deck to Friday", "what's the weather like in the security office"])
  func otherWordsNameNoTask(line: String) throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try workspace.tasks(ownerHandle: nil, includeDone: true, limit: 50)
    let turn = session.handle(line)
    #expect(turn.reply.kind == .notUnderstood, "\(line) → \(turn.reply.firstLine)")
    #expect(try workspace.tasks(ownerHandle: nil, includeDone: true, limit: 50) == before)
  }
}
