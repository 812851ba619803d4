import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `stage.exit_criteria`: each criterion of a stage as worded, with the evidence it checks.
@Suite(.tags(.fast)) struct StageExitCriteriaActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func proposalListsItsThreeCriteriaWithTheirEvidence() throws {
    let reply = try harness.ask("stage.exit_criteria", ["stage": Slot.stage("proposal", "Proposal")])
    #expect(reply.kind == .answer)
    #expect(
      reply.paragraphs == [
        """
        Exit criteria for Proposal:
          1. Proposal document sent to the customer (checks a proposal document attached)
          2. Budget confirmed by the economic buyer (checks the field budget_confirmed set)
          3. Decision process and timeline mapped (checks the field decision_process set)
        """
      ])
    let stage = try #require(try harness.workspace.stage(id: "proposal"))
    #expect(
      reply.object["exit_criteria"]
        == .array(
          stage.exitCriteria.map {
            [
              "wording": .string($0.wording), "evidence_kind": .string($0.evidenceKind),
              "evidence_key": .string($0.evidenceKey),
            ]
          }))
  }

  @Test func closedLostHasNone() throws {
    let reply = try harness.ask("stage.exit_criteria", ["stage": Slot.stage("closed-lost", "Closed-Lost")])
    #expect(reply.paragraphs == ["Closed-Lost has no exit criteria: a deal does not leave it."])
    #expect(reply.object["exit_criteria"] == [])
  }

  @Test func anUnknownStageIsNotFound() throws {
    let reply = try harness.ask("stage.exit_criteria", ["stage": Slot.stage("demo-booked", "Demo booked")])
    #expect(reply.refusalReason == .notFound)
    #expect(reply.paragraphs == ["No stage 'demo-booked' in the workspace."])
  }
}
