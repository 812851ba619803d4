import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `lead.route`: a lead goes to a rep of its territory by the routing rules; a disqualified
/// or already-owned lead is not routed.
@Suite(.tags(.fast)) struct LeadRouteActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func aDisqualifiedLeadIsNotRouted() throws {
    let lead = try #require(try harness.workspace.lead(id: 1))
    #expect(lead.status == "disqualified")
    #expect(lead.owner == nil)
    let reply = try harness.answer("lead.route", ["lead": Slot.lead(1)])
    #expect(reply.refusalReason == .disqualified)
    #expect(reply.paragraphs == ["Lead 1 is disqualified; it is not routed."])
    #expect(try harness.workspace.lead(id: 1)?.owner == nil)
  }

  @Test func aLeadWithARepIsAlreadyRouted() throws {
    let reply = try harness.answer("lead.route", ["lead": Slot.lead(19)])
    #expect(reply.kind == .answer)
    #expect(reply.object["already_done"] == true)
    #expect(reply.object["owner"] == "sam")
  }

  @Test func aViewerMayNotRouteLeads() throws {
    let reply = try harness.answer("lead.route", as: "taylor", ["lead": Slot.lead(17)])
    #expect(reply.refusalReason == .permission)
    #expect(reply.paragraphs == ["Routing leads needs the ops role; Taylor Brooks is a viewer."])
  }

  @Test func routingGivesTheLeadToTheChosenRep() throws {
    let plan = try harness.plan("lead.route", ["lead": Slot.lead(17)])
    guard case .object(let data) = plan.data, case .string(let rep)? = data["rep"] else {
      Issue.record("no rep in \(plan.data)")
      return
    }
    let done = try plan.perform()
    #expect(done.kind == .done)
    #expect(try harness.workspace.lead(id: 17)?.owner?.handle == rep)
  }
}
