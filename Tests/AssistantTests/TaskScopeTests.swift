import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// A task list is of the open tasks unless the line asks for done ones, alone or beside the
/// open ones; never the open ones alone when the line asked for finished work.
@Suite(.tags(.fast)) struct TaskScopeTests {
  private func sessionWithTaskFourDone() throws -> Session {
    let (workspace, session) = try Fixtures.confirmingSession()
    let done = session.handle("mark task 4 done")
    #expect(done.reply.ok, "\(done.reply.firstLine)")
    #expect(try workspace.task(id: 4)?.status == "done")
    return session
  }

  /// The tasks a reply lists, by number, with their status.
  private func listed(_ turn: Turn) -> [Int64: String] {
    guard case .object(let data) = turn.reply.data, case .array(let tasks)? = data["tasks"] else { return [:] }
    var listed: [Int64: String] = [:]
    for case .object(let task) in tasks {
      if case .int(let id)? = task["id"], case .string(let status)? = task["status"] { listed[id] = status }
    }
    return listed
  }

  @Test func finishedTasksAloneWhenTheLineAsksForThem() throws {
    let session = try sessionWithTaskFourDone()
    let turn = session.handle("show completed tasks")
    #expect(turn.intent == "task.list" && turn.reply.firstLine == "Done tasks:", "\(turn.reply.firstLine)")
    #expect(listed(turn) == [4: "done"])
  }

  @Test func finishedTasksBesideOpenOnesWhenTheLineIncludesThem() throws {
    let session = try sessionWithTaskFourDone()
    let turn = session.handle("every task, open and done")
    #expect(turn.intent == "task.list" && turn.reply.firstLine == "All tasks:", "\(turn.reply.firstLine)")
    #expect(listed(turn) == [1: "open", 2: "open", 3: "open", 4: "done"])
  }

  @Test func whatIsNotDoneYetIsTheOpenTasks() throws {
    let session = try sessionWithTaskFourDone()
    let turn = session.handle("what has Riley not done yet")
    #expect(turn.intent == "task.list", "\(turn.reply.firstLine)")
    #expect(listed(turn) == [2: "open"])
  }
}
