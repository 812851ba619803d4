import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `deal.move`: who may move a deal, the exit criteria a forward move must meet, the stages a
/// deal may be in, and the move itself once confirmed.
@Suite(.tags(.fast)) struct DealMoveActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  private let toNegotiation = Slot.stage("negotiation", "Negotiation")

  @Test func aViewerMayNotMoveADeal() throws {
    let reply = try harness.answer("deal.move", as: "taylor", ["deal": Slot.deal(42), "stage": toNegotiation])
    #expect(reply.refusalReason == .permission)
    // Ops may move any deal, a rep their own; a rep who does not own deal 42 is refused too.
    #expect(
      reply.paragraphs == [
        "Moving deal 42 needs the ops role (or rep, on their own records); Taylor Brooks is a viewer."
      ])
    #expect(reply.object["needed_role"] == "ops")
    #expect(reply.object["role"] == "viewer")
    #expect(try harness.workspace.deal(id: 42)?.stage == "proposal")
  }

  @Test func aRepMayNotMoveSomeoneElsesDeal() throws {
    // Deal 5 is Riley's.
    let reply = try harness.answer("deal.move", as: "sam", ["deal": Slot.deal(5), "stage": toNegotiation])
    #expect(reply.refusalReason == .permission)
    #expect(reply.paragraphs == ["Moving deal 5 needs the ops role; Sam Carter is a rep."])
  }

  @Test func unmetExitCriteriaRefuseAForwardMoveAndListWhatIsMissing() throws {
    let reply = try harness.answer("deal.move", ["deal": Slot.deal(42), "stage": toNegotiation])
    #expect(reply.refusalReason == .exitCriteria)
    #expect(
      reply.paragraphs == [
        """
        Deal 42 cannot move to Negotiation: 1 exit criterion unmet.
          - Budget confirmed by the economic buyer (Proposal: needs the field budget_confirmed set): “record budget confirmed on deal 42”
        Record the evidence with the line beside each, or (RevOps) override: move deal 42 to Negotiation anyway because …
        """
      ])
    #expect(
      reply.object["unmet"] == [
        [
          "stage": "proposal", "criterion": "Budget confirmed by the economic buyer",
          "evidence": "the field budget_confirmed set",
        ]
      ])
    #expect(try harness.workspace.deal(id: 42)?.stage == "proposal")
  }

  @Test func criteriaOfEveryStageLeftBehindAreChecked() throws {
    // Deal 10, in Discovery with no evidence at all, skipping Proposal.
    let reply = try harness.answer("deal.move", ["deal": Slot.deal(10), "stage": toNegotiation])
    #expect(reply.refusalReason == .exitCriteria)
    #expect(reply.firstLine == "Deal 10 cannot move to Negotiation: 5 exit criteria unmet.")
    guard case .array(let unmet)? = reply.object["unmet"] else {
      Issue.record("no unmet criteria in \(reply.data)")
      return
    }
    #expect(unmet.count == 5)
  }

  @Test func aPlanMovesTheDealOnlyWhenPerformed() throws {
    // Deal 5 meets every Proposal criterion.
    let plan = try harness.plan(
      "deal.move", input: "move deal 5 to negotiation", ["deal": Slot.deal(5), "stage": toNegotiation])
    let name = try #require(try harness.workspace.deal(id: 5)).name
    #expect(plan.summary == "Move deal 5 (\(name)) from Proposal to Negotiation.")
    #expect(try harness.workspace.deal(id: 5)?.stage == "proposal")

    let done = try plan.perform()
    #expect(done.kind == .done)
    #expect(done.paragraphs == ["Moved deal 5 to Negotiation."])
    let moved = try #require(try harness.workspace.deal(id: 5))
    #expect(moved.stage == "negotiation")
    #expect(moved.stageName == "Negotiation")
    #expect(moved.stageChangedDate == Fixtures.today)
    let auditID = try #require(done.auditID)
    let entry = try #require(try harness.workspace.auditEntry(id: auditID))
    #expect(entry.input == "move deal 5 to negotiation")
    #expect(entry.actor == harness.auditActor("priya"))
    #expect(entry.outcome == "done")
  }

  @Test func revOpsMayOverrideUnmetCriteriaWithAReason() throws {
    let plan = try harness.plan(
      "deal.move", as: "jordan",
      ["deal": Slot.deal(42), "stage": toNegotiation, "reason": Slot.text("the CFO confirmed budget by email")])
    #expect(
      plan.summary
        == "Move deal 42 (Nakatomi Expansion) from Proposal to Negotiation. Overriding 1 unmet exit criterion "
        + "because the CFO confirmed budget by email.")
    let done = try plan.perform()
    #expect(
      done.paragraphs == ["Moved deal 42 to Negotiation. Override recorded: the CFO confirmed budget by email."])
    #expect(try harness.workspace.deal(id: 42)?.stage == "negotiation")
    let auditID = try #require(done.auditID)
    let entry = try #require(try harness.workspace.auditEntry(id: auditID))
    #expect(entry.note == "the CFO confirmed budget by email")
  }

  @Test func opsMayNotOverrideUnmetCriteria() throws {
    let reply = try harness.answer(
      "deal.move", ["deal": Slot.deal(42), "stage": toNegotiation, "reason": Slot.text("budget confirmed")])
    #expect(reply.refusalReason == .permission)
    #expect(reply.paragraphs == ["Overriding exit criteria needs the revops role; Priya Natarajan is an ops."])
  }

  @Test func aLifecycleStageIsNotADealStage() throws {
    for (id, name) in [("sql", "SQL"), ("onboarding", "Onboarding")] {
      let reply = try harness.answer("deal.move", ["deal": Slot.deal(42), "stage": Slot.stage(id, name)])
      #expect(reply.refusalReason == .notADealStage)
      #expect(
        reply.paragraphs == [
          "\(name) is not a deal stage; deals move between Discovery, Proposal, Negotiation, Closed-Won and "
            + "Closed-Lost."
        ])
    }
    #expect(try harness.workspace.deal(id: 42)?.stage == "proposal")
  }

  @Test func aMoveToTheCurrentStageIsAlreadyDone() throws {
    let reply = try harness.answer("deal.move", ["deal": Slot.deal(42), "stage": Slot.stage("proposal", "Proposal")])
    #expect(reply.kind == .answer)
    #expect(reply.paragraphs == ["Deal 42 is already in Proposal."])
  }
}
