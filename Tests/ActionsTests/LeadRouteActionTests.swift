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

  /// "assign lead 17 to Quinn": the rep named, not the rules' pick; a lead a rep holds moves
  /// from them, and a viewer holds no leads.
  @Test func aNamedRepGetsTheLead() throws {
    let quinn = Slot.person("quinn", "Quinn Murphy")
    let plan = try harness.plan("lead.route", ["lead": Slot.lead(17), "person": quinn])
    #expect(plan.summary.hasPrefix("Give lead 17 ("), "\(plan.summary)")
    _ = try plan.perform()
    #expect(try harness.workspace.lead(id: 17)?.owner?.handle == "quinn")
    let moved = try harness.plan("lead.route", ["lead": Slot.lead(19), "person": quinn])
    #expect(moved.summary.hasSuffix("to Quinn Murphy (was Sam Carter), as asked."), "\(moved.summary)")
    _ = try moved.perform()
    #expect(try harness.workspace.lead(id: 19)?.owner?.handle == "quinn")
    let again = try harness.answer("lead.route", ["lead": Slot.lead(19), "person": quinn])
    #expect(again.object["already_done"] == true)
    let viewer = try harness.answer("lead.route", ["lead": Slot.lead(17), "person": Slot.person("casey", "Casey Lin")])
    #expect(viewer.refusalReason == .permission)
    #expect(try harness.workspace.lead(id: 17)?.owner?.handle == "quinn")
  }
}
