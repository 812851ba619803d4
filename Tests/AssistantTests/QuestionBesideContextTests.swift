import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import Testing
import WorkspaceStore

/// A question said beside a clause of context ("heading into a call, what …") is answered,
/// and the reply says the clause was not used; a clause that could be part of the question,
/// a change, news and half a question are not read so.
@Suite(.tags(.fast)) struct QuestionBesideContextTests {
  private func session() throws -> Session {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    return try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan")
  }

  @Test func aQuestionBesideContextIsAnsweredAndTheContextSaidUnused() throws {
    let line = "heading into a call with the buyer, what do we need to leave negotiation"
    let turn = try session().handle(line)
    #expect(turn.intent == "stage.exit_criteria")
    #expect(turn.reply.firstLine.hasPrefix("Exit criteria for Negotiation"), "\(turn.reply.firstLine)")
    #expect(
      turn.reply.blocks.last
        == .text("Not used: “heading into a call with the buyer”; the question was read without it."))
    #expect(turn.reply.data["set_aside"] == .string("heading into a call with the buyer"))
  }

  @Test(arguments: [
    // Half a question after a clause with the subject in it.
    "someone must run cpq, sales ops or marketing ops?",
    // News, not a question about what it names.
    "budget confirmed at hooli, they signed off yesterday",
    // A change is never read without words beside it.
    "move deal 42 to negotiation, heading into a call",
    // A question that points at the clause before it.
    "the new deal desk process, who should run it day to day",
  ])
  func aClauseThatMayBelongToTheRequestIsNotSetAside(_ line: String) throws {
    let turn = try session().handle(line)
    #expect(turn.reply.data["set_aside"] == nil, "\(line): \(turn.reply.firstLine)")
  }
}
