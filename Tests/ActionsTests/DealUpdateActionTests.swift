import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `deal.update`: evidence recorded so a refused move goes through, and a deal's amount,
/// close date and owner changed, each by those allowed, confirmed and undoable.
@Suite(.tags(.fast)) struct DealUpdateActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  private func field(_ key: String) -> EntityValue { EntityValue(kind: .field, key: key, display: key) }

  @Test func recordedEvidenceLetsTheRefusedMoveThrough() throws {
    let toNegotiation = Slot.stage("negotiation", "Negotiation")
    #expect(
      try harness.answer("deal.move", ["deal": Slot.deal(42), "stage": toNegotiation]).refusalReason == .exitCriteria)
    let plan = try harness.plan("deal.update", ["deal": Slot.deal(42), "field": field("field:budget_confirmed")])
    #expect(
      plan.summary
        == "Record budget confirmed on deal 42 (Proposal's exit criterion “Budget confirmed by the economic buyer”).")
    #expect(!(try harness.workspace.evidence(forDeal: 42).contains("field:budget_confirmed")))
    let done = try plan.perform()
    #expect(done.firstLine.hasPrefix("Recorded budget confirmed on deal 42"))
    #expect(done.firstLine.hasSuffix("Proposal's exit criteria are all met: move deal 42 to Negotiation."))
    try harness.perform("deal.move", ["deal": Slot.deal(42), "stage": toNegotiation])
    #expect(try harness.workspace.deal(id: 42)?.stage == "negotiation")
  }

  @Test func evidenceGivenAValueThatIsNotAYesIsNeverRecorded() throws {
    for (value, said) in [("no", "its absence"), ("Acme", "not a yes")] {
      let reply = try harness.answer(
        "deal.update", ["deal": Slot.deal(42), "field": field("field:budget_confirmed"), "value": Slot.text(value)])
      #expect(
        reply.refusalReason == .notEvidence && reply.firstLine.contains("“\(value)” is \(said)"), "\(reply.firstLine)")
    }
    #expect(!(try harness.workspace.evidence(forDeal: 42).contains("field:budget_confirmed")))
    let yes = try harness.plan(
      "deal.update", ["deal": Slot.deal(42), "field": field("field:budget_confirmed"), "value": Slot.text("yes")])
    #expect(yes.summary.hasPrefix("Record budget confirmed on deal 42"))
  }

  @Test func evidenceAlreadyThereIsSaidSoAndNothingIsWritten() throws {
    let reply = try harness.answer("deal.update", ["deal": Slot.deal(42), "field": field("document:proposal")])
    #expect(reply.paragraphs == ["Deal 42 already has proposal recorded."])
    #expect(try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 5).isEmpty)
  }

  @Test func amountCloseDateAndOwnerChangeAndUndoPutsThemBack() throws {
    let before = try #require(try harness.workspace.deal(id: 42))
    let amount = try harness.plan(
      "deal.update", ["deal": Slot.deal(42), "field": field("amount"), "amount": Slot.number(400_000)])
    #expect(amount.summary == "Set deal 42's amount from $373,000 to $400,000.")
    let audit = try harness.perform(
      "deal.update", ["deal": Slot.deal(42), "field": field("amount"), "amount": Slot.number(400_000)])
    #expect(try harness.workspace.deal(id: 42)?.amount == 400_000)
    // A date alone is the close date; a person alone the owner.
    let day = Day(year: 2026, month: 12, day: 15)
    let dated = try harness.perform("deal.update", ["deal": Slot.deal(42), "date": Slot.date(day)])
    #expect(try harness.workspace.deal(id: 42)?.closeDate == day)
    let given = try harness.perform(
      "deal.update", ["deal": Slot.deal(42), "person": Slot.person("riley", "Riley Chen")])
    #expect(try harness.workspace.deal(id: 42)?.ownerHandle == "riley")
    let context = try harness.request("session.undo").audit
    // The earliest cannot be undone while later changes to the deal stand; latest first can.
    #expect(throws: ChangeConflict.self) { try harness.workspace.undo(auditID: audit, context) }
    for id in [given, dated, audit] { try harness.workspace.undo(auditID: id, context) }
    #expect(try harness.workspace.deal(id: 42) == before)
  }

  @Test func onlyTheOwnerOrOpsMayAndAValueIsNeverGuessed() throws {
    // Deal 5 is Riley's: Sam may not record on it.
    let refused = try harness.answer(
      "deal.update", as: "sam", ["deal": Slot.deal(5), "field": field("amount"), "amount": Slot.number(1)])
    #expect(refused.refusalReason == .permission)
    // The amount named with no value asks for it; a line with no field and two values asks which.
    #expect(try harness.answer("deal.update", ["deal": Slot.deal(42), "field": field("amount")]).kind != .done)
    let which = try harness.answer(
      "deal.update", ["deal": Slot.deal(42), "amount": Slot.number(5), "date": Slot.date(Fixtures.today)])
    #expect(which.kind == .question && which.firstLine.hasPrefix("What should I record on deal 42?"))
    #expect(try harness.workspace.deal(id: 42)?.amount == 373_000)
  }
}
