import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// A lead given to the rep the line names goes to that rep, not to the routing rules' pick.
@Suite(.tags(.fast)) struct LeadToNamedRepTests {
  @Test func theNamedRepGetsTheLead() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("could you give lead 17 to Quinn")
    #expect(turn.intent == "lead.route" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(try workspace.lead(id: 17)?.owner?.handle == "quinn")
  }
}
