import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// An open task named by words of its title, without the word "task", is that task: the
/// reply says first which task the words were read as; a change so read runs only after the
/// person confirms it, and a question is never read so.
@Suite(.tags(.fast)) struct TaskTitlesTests {
  /// What the reply says the words were read as, if anything.
  private func readAs(_ reply: Reply) -> JSONValue? {
    guard case .object(let data) = reply.data else { return nil }
    return data["read_as"]
  }

  /// A session that asks before a change, as a terminal does, and the workspace under it.
  private func askingSession() throws -> (Workspace, Session) {
    let (workspace, session) = try Fixtures.confirmingSession()
    session.confirmations = .ask
    return (workspace, session)
  }

  @Test func aTaskNamedByItsTitlesWordsIsChangedOnceConfirmed() throws {
    let (workspace, session) = try askingSession()
    let asked = session.handle("let's push the kickoff deck out to the 18th")
    #expect(asked.intent == "task.update", "\(asked.reply.firstLine)")
    #expect(asked.reply.firstLine == "Read “kickoff deck” as task 4 “Prepare the onboarding kickoff deck”.")
    guard case .object(let data) = asked.reply.data, case .object(let read)? = data["read_as"] else {
      Issue.record("no read_as in \(asked.reply.data)")
      return
    }
    #expect(read["task"] == .int(4))
    #expect(try workspace.task(id: 4)?.dueDate?.iso != "2026-12-18", "changed before the yes")
    let done = session.handle("yes")
    #expect(done.reply.ok, "\(done.reply.firstLine)")
    #expect(try workspace.task(id: 4)?.dueDate?.iso == "2026-12-18")
  }

  /// Under `--yes` (a script, an agent) nobody sees the guess before it runs: the change is
  /// refused, naming the task and how to say it.
  @Test func aGuessedTaskIsNotChangedWithoutBeingSeen() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("security questionnaire sent, mark it complete")
    #expect(turn.intent == "task.complete" && turn.reply.kind == .refused, "\(turn.reply.firstLine)")
    #expect(turn.reply.firstLine.contains("task 1 “Send the security questionnaire”. Say it with “task 1”"))
    #expect(try workspace.task(id: 1)?.status == "open")
  }

  /// Words no title holds, one word alone, words of a title that baton knows as other names
  /// ("commit deals"), and questions are not read as a task; nothing changes.
  @Test(arguments: [
    "push the deck to Friday", "push the commit deals to Friday", "kickoff deck done?", "is the kickoff deck done",
    "has the security questionnaire been sent",
  ])
  func otherWordsNameNoTask(line: String) throws {
    let (workspace, session) = try askingSession()
    let before = try workspace.tasks(ownerHandle: nil, includeDone: true, limit: 50)
    let turn = session.handle(line)
    #expect(readAs(turn.reply) == nil, "\(line) → \(turn.reply.firstLine)")
    _ = session.handle("yes")
    #expect(try workspace.tasks(ownerHandle: nil, includeDone: true, limit: 50) == before, "\(line)")
  }

  /// While baton waits for an answer, a line is that answer or a new request, never a guess.
  @Test func aPendingQuestionIsNotAnsweredByAGuess() throws {
    let (workspace, session) = try askingSession()
    let asked = session.handle("mark a task done")
    #expect(asked.reply.kind == .question, "\(asked.reply.firstLine)")
    let turn = session.handle("the onboarding deck then")
    #expect(readAs(turn.reply) == nil, "\(turn.reply.firstLine)")
    #expect(try workspace.task(id: 4)?.status == "open")
  }
}
