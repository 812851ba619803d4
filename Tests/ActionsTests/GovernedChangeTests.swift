import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// Governed changes take effect: each kind proposed, approved (the effect is in the
/// workspace), undone (it is gone) and rejected (nothing changes).
@Suite(.tags(.fast)) struct GovernedChangeTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  private func propose(_ line: String) throws -> Int64 {
    let text = EntityValue(kind: .text, key: line, display: line)
    let done = try harness.plan("change.propose", input: line, ["change": text]).perform()
    return try #require(done.int("change"), "\(done.firstLine)")
  }

  private func decide(_ id: Int64, approve: Bool = true, reason: String? = nil) throws -> (Reply, Int64) {
    var slots: [String: EntityValue] = [
      "change": EntityValue(kind: .change, key: String(id), display: "change \(id)"),
      "decision": EntityValue(kind: .decision, key: approve ? "approve" : "reject", display: "approve"),
    ]
    if let reason { slots["reason"] = EntityValue(kind: .text, key: reason, display: reason) }
    let done = try harness.plan("change.decide", as: "jordan", slots).perform()
    return (done, try #require(done.int("audit_id")))
  }

  private func undo(_ audit: Int64) throws {
    try harness.workspace.undo(auditID: audit, try harness.request("session.undo", as: "jordan").audit)
  }

  @Test func aNewStageTakesItsPlaceOnApprovalAndLeavesOnUndo() throws {
    let id = try propose("propose a new stage Verbal Commit after Negotiation at 90%")
    #expect(try harness.workspace.stage(id: "verbal-commit") == nil)
    let (approved, audit) = try decide(id)
    #expect(approved.firstLine.contains("it adds stage Verbal Commit after Negotiation and before Closed-Won"))
    let stage = try #require(try harness.workspace.stage(id: "verbal-commit"))
    #expect(stage.probability == 90)
    let order = try harness.workspace.stages().map(\.id)
    #expect(order.firstIndex(of: "verbal-commit") == (order.firstIndex(of: "negotiation") ?? -9) + 1)
    // Undone before any deal uses it, it is gone.
    try undo(audit)
    #expect(try harness.workspace.stage(id: "verbal-commit") == nil)
    #expect(try harness.workspace.changeRequest(id: id)?.status == "open")
  }

  /// A name said before "stage" is the stage's, and the words after it where it goes.
  @Test func aStageNamedBeforeItsPlaceTakesThatName() throws {
    _ = try decide(try propose("propose a Legal Review stage between Proposal and Negotiation"))
    let order = try harness.workspace.stages().map(\.name)
    #expect(order.firstIndex(of: "Legal Review") == (order.firstIndex(of: "Proposal") ?? -9) + 1, "\(order)")
    // A name may start with a word of place, after "called" or before its place.
    _ = try decide(try propose("propose a new stage called In Review after Negotiation"))
    _ = try decide(try propose("add a stage At Risk before Closed-Won"))
    let names = try harness.workspace.stages().map(\.name)
    #expect(names.contains("In Review") && names.contains("At Risk"), "\(names)")
  }

  @Test func anApprovalIsNotUndoneOnceADealHasBeenInItsStage() throws {
    let (_, audit) = try decide(try propose("propose a new stage Verbal Commit after Negotiation"))
    try harness.perform(
      "deal.move", as: "jordan",
      [
        "deal": Slot.deal(42), "stage": Slot.stage("verbal-commit", "Verbal Commit"),
        "reason": Slot.text("the buyer said yes"),
      ])
    #expect(throws: ChangeConflict.self) { try undo(audit) }
    try harness.perform(
      "deal.move", as: "jordan", ["deal": Slot.deal(42), "stage": Slot.stage("proposal", "Proposal")])
    // Its history still names the stage: undoing would strand it.
    let error = try #require(throws: ChangeConflict.self) { try undo(audit) }
    #expect(error.description.contains("stage Verbal Commit is in the stage history of 1 deal"))
    #expect(try harness.workspace.stage(id: "verbal-commit") != nil)
  }

  @Test func aRACIChangeIsAProposalUntilApproved() throws {
    let slots: [String: EntityValue] = [
      "responsibility": Slot.responsibility("routing", "Territory and routing operations"),
      "raci": Slot.raci(.accountable), "person": Slot.person("priya", "Priya"),
    ]
    let done = try harness.plan("ownership.change", as: "sam", slots).perform()
    let id = try #require(done.int("change"))
    func accountable() throws -> [String] {
      try harness.workspace.operatingModel().responsibilities.first { $0.id == "routing" }?.raci["A"]?.map(\.id) ?? []
    }
    #expect(try accountable() == ["revops"])
    let (approved, audit) = try decide(id)
    #expect(
      approved.firstLine.contains(
        "it makes Priya Natarajan accountable for Territory and routing operations in place of RevOps"))
    #expect(try accountable() == ["priya"])
    try undo(audit)
    #expect(try accountable() == ["revops"])
    #expect(try harness.workspace.changeRequest(id: id)?.status == "open")
  }

  @Test func rejectingChangesNothing() throws {
    let before = try harness.workspace.operatingModel()
    let id = try propose("propose changing the CS handoff SLA to 48 hours")
    _ = try decide(id, approve: false, reason: "CS needs the three days")
    #expect(try harness.workspace.operatingModel() == before)
  }

  @Test func eachKindOfEffectIsAppliedOnApproval() throws {
    let criterion = try propose("propose an exit criterion for Negotiation: security review done")
    _ = try decide(criterion)
    #expect(try harness.workspace.stage(id: "negotiation")?.exitCriteria.last?.evidenceKey == "security_review_done")
    let sla = try propose("propose changing the CS handoff SLA to 2 days")
    _ = try decide(sla)
    let required = try propose("propose adding renewal date as a required field for the CS handoff")
    _ = try decide(required)
    let rule = try #require(try harness.workspace.handoffRules(id: "sales-to-cs").first)
    #expect(rule.slaHours == 48 && rule.requiredFields.last == "renewal_date")
    // The demo's own request for a Competitor field carries its effect; a deal then holds it.
    _ = try decide(1)
    #expect(try harness.workspace.operatingModel().dealFields.map(\.key) == ["competitor"])
    let field = EntityValue(kind: .field, key: "field:competitor", display: "Competitor")
    try harness.perform("deal.update", ["deal": Slot.deal(42), "field": field, "value": Slot.text("Acme Rivals")])
    #expect(try harness.workspace.dealFieldValues(forDeal: 42).map(\.value) == ["Acme Rivals"])
    let another = try propose("propose a new deal field called Primary Use Case")
    _ = try decide(another)
    #expect(try harness.workspace.operatingModel().dealFields.map(\.name) == ["Competitor", "Primary Use Case"])
    // The deal's card shows its fields in the fields' order, read with its evidence.
    let useCase = try #require(try harness.workspace.dealFields().last)
    let useCaseSlot = EntityValue(kind: .field, key: "field:\(useCase.key)", display: useCase.name)
    try harness.perform(
      "deal.update", ["deal": Slot.deal(42), "field": useCaseSlot, "value": Slot.text("Forecasting")])
    let card = try harness.ask("deal.show", ["deal": Slot.deal(42)])
    #expect(card.paragraphs.joined().contains("  Competitor: Acme Rivals   Primary Use Case: Forecasting"))
    let read = try harness.workspace.evidenceAndFields(forDeal: 42)
    #expect(read.evidence == (try harness.workspace.evidence(forDeal: 42)))
    #expect(read.fields.map(\.value) == ["Acme Rivals", "Forecasting"])
  }

  @Test func aRequestWhoseWordsNameNoExactChangeSaysApprovalChangesNothing() throws {
    let line = "propose a field for the main competitor"
    let plan = try harness.plan("change.propose", input: line, ["change": Slot.text("a field for the main competitor")])
    #expect(
      plan.summary.hasSuffix("Approving it records the decision; it names no change baton makes to the model itself."))
    // A stage that exists already is not proposed again.
    let again = try harness.answer(
      "change.propose", input: "propose a new stage Negotiation", ["change": Slot.text("a new stage Negotiation")])
    #expect(again.firstLine == "Not opened: there is a stage Negotiation already.")
  }

  @Test func aChangeThatWouldMakeABrokenModelIsNotOpened() throws {
    func refusal(_ line: String) throws -> String {
      try harness.answer("change.propose", input: line, ["change": Slot.text(line)]).firstLine
    }
    #expect(
      try refusal("propose changing the CS handoff SLA to 100000 hours")
        == "Not opened: an SLA is a number of hours from 1 to 8760 (a year); 100000 is not.")
    // A stage answering to a name another stage answers to would make that name ambiguous.
    let contracting = try refusal("propose a new stage Contracting after Proposal")
    #expect(contracting == "Not opened: “contracting” names both stage Contracting and stage Negotiation.")
  }

  @Test func anSLAChangedFromOneValueToAnotherTakesTheNewOne() throws {
    _ = try decide(try propose("propose moving the CS handoff SLA from 72 to 36 hours"))
    #expect(try harness.workspace.handoffRules(id: "sales-to-cs").first?.slaHours == 36)
    // A change by an amount, or from a value to none said, is not a value: approving it would
    // not know what to set.
    for line in ["propose cutting the CS handoff SLA by 12 hours", "propose changing the CS handoff SLA from 72 hours"]
    {
      let plan = try harness.plan("change.propose", input: line, ["change": Slot.text(String(line.dropFirst(8)))])
      #expect(plan.summary.hasSuffix("it names no change baton makes to the model itself."), "\(plan.summary)")
    }
    // A new stage whose name starts like a removal word is still a new stage.
    let replacement = "propose a new stage Replacement Quote after Proposal"
    let plan = try harness.plan(
      "change.propose", input: replacement, ["change": Slot.text(String(replacement.dropFirst(8)))])
    #expect(plan.summary.contains("adds stage Replacement Quote after Proposal"), "\(plan.summary)")
  }

  @Test func anApprovalIsRefusedWhenTheModelNoLongerTakesItsEffect() throws {
    let id = try propose("propose a new stage Verbal Commit after Negotiation")
    // Meanwhile the model changed: another stage now answers to "verbal commit".
    var model = try harness.workspace.operatingModel()
    let index = try #require(model.stages.firstIndex { $0.id == "proposal" })
    model.stages[index].aliases.append("verbal commit")
    _ = try harness.workspace.applyModel(model, try harness.request("session.undo", as: "jordan").audit)
    let reply = try harness.answer(
      "change.decide", as: "jordan",
      [
        "change": EntityValue(kind: .change, key: String(id), display: "change \(id)"),
        "decision": EntityValue(kind: .decision, key: "approve", display: "approve"),
      ])
    #expect(
      reply.firstLine.hasPrefix(
        "Change \(id) cannot be approved as it stands: “Verbal Commit” names both stage Proposal and stage Verbal Commit."
      ))
    #expect(try harness.workspace.stage(id: "verbal-commit") == nil)
  }

  @Test func wordsThatNameAnotherKindOfChangeAreNotReadAsOne() throws {
    // Renaming or removing a stage is decided on paper: never a new stage "to Contracting".
    for line in ["propose renaming the Proposal stage to Contracting", "propose removing the SAL stage"] {
      let plan = try harness.plan("change.propose", input: line, ["change": Slot.text(String(line.dropFirst(8)))])
      #expect(plan.summary.hasSuffix("it names no change baton makes to the model itself."), "\(plan.summary)")
    }
    let line = "propose that we require an MSA for the cs handoff"
    let plan = try harness.plan(
      "change.propose", input: line, ["change": Slot.text("that we require an MSA for the cs handoff")])
    #expect(plan.summary.hasPrefix("Open a change request “Require an MSA for the cs handoff”"), "\(plan.summary)")
    #expect(plan.summary.hasSuffix("makes the Sales to customer success handoff require msa."), "\(plan.summary)")
  }
}
