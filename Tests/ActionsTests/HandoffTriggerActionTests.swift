import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `handoff.trigger`: only a Closed-Won deal is handed to customer success, and only once.
@Suite(.tags(.fast)) struct HandoffTriggerActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func aDealNotClosedWonIsInTheWrongStage() throws {
    let reply = try harness.answer("handoff.trigger", ["deal": Slot.deal(42)])
    #expect(reply.refusalReason == .wrongStage)
    #expect(
      reply.paragraphs == [
        """
        Only a Closed-Won deal is handed off; deal 42 is in Proposal. Once it is won: “move deal 42 to Closed-Won”, which first needs:
          - Budget confirmed by the economic buyer (Proposal: needs the field budget_confirmed set): “record budget confirmed on deal 42”
          - Mutual close plan agreed (Negotiation: needs a close plan document attached): “record close plan on deal 42”
          - Legal review complete (Negotiation: needs the field legal_review set): “record legal review on deal 42”
          - Pricing approved by the deal desk (Negotiation: needs the field pricing_approved set): “record pricing approved on deal 42”
        """
      ])
    #expect(reply.object["stage"] == "proposal")
    #expect(try harness.workspace.handoffRun(dealID: 42) == nil)
  }

  @Test func aClosedWonDealIsHandedToItsCSMOnce() throws {
    let plan = try harness.plan("handoff.trigger", ["deal": Slot.deal(8)])
    #expect(
      plan.summary
        == "Hand deal 8 (Gringotts New Business) to customer success: notify Lee Okafor, the CSM for Gringotts, "
        + "create the task “Onboarding kickoff for Gringotts New Business” for Lee Okafor, due 2026-11-26 "
        + "(SLA 72 h) and record the handoff.")
    let done = try plan.perform()
    #expect(
      done.paragraphs == [
        "Handed deal 8 to customer success: Lee Okafor owns task 5 “Onboarding kickoff for Gringotts New "
          + "Business”, due 2026-11-26. CS accepts once every required field is filled; a gap goes back to the "
          + "rep, and the CSM holds a kickoff within 3 business days."
      ])
    let task = try #require(try harness.workspace.task(id: 5))
    #expect(task.title == "Onboarding kickoff for Gringotts New Business")
    #expect(task.owner.handle == "lee")
    #expect(task.dealID == 8)
    #expect(task.dueDate == Day(year: 2026, month: 11, day: 26))
    #expect(try harness.workspace.handoffRun(dealID: 8)?.actor == "priya")

    let again = try harness.answer("handoff.trigger", ["deal": Slot.deal(8)])
    #expect(again.kind == .answer)
    #expect(again.paragraphs == ["Deal 8 was already handed off by priya at 2026-11-23 09:00:00; nothing to do."])
    #expect(again.object["already_done"] == true)
  }
}
