import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `ownership.who`: the RACI of one responsibility said as a sentence, or one RACI letter.
@Suite(.tags(.fast)) struct OwnershipActionsTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func stageExitCriteriaIsGovernedByRevOpsAndOwnedInPartBySalesOps() throws {
    let reply = try harness.ask(
      "ownership.who", ["responsibility": Slot.responsibility("stage-exit-criteria", "Stage exit criteria")])
    #expect(reply.kind == .answer)
    #expect(
      reply.paragraphs == [
        "Stage exit criteria: governed by RevOps (Jordan, accountable); Sales Ops (Priya, responsible) owns rep "
          + "behaviour and manager inspection; VP Sales (Taylor) consulted; CRO (Morgan) informed."
      ])
    #expect(reply.object["id"] == "stage-exit-criteria")
    #expect(reply.object["sales_ops_owns"] == "rep behaviour and manager inspection")
    #expect(reply.object["revops_governs"] == "stage definitions, exit criteria and forecast impact")
  }

  @Test func routingNamesBothResponsibleTeamsAndOnlySalesOpsOwns() throws {
    let reply = try harness.ask(
      "ownership.who", ["responsibility": Slot.responsibility("routing", "Territory and routing operations")])
    let text = try #require(reply.paragraphs.first)
    #expect(
      text
        == "Territory and routing operations: governed by RevOps (Jordan, accountable); Marketing Ops (Alex, "
        + "responsible); Sales Ops (Priya, responsible) owns reassignment and escalation; VP Sales (Taylor) "
        + "consulted; Sales (Taylor) informed.")
    // "owns" is said once, of Sales Ops: Marketing Ops is responsible but does not own it.
    #expect(text.ranges(of: " owns ").count == 1)
    #expect(text.contains("Sales Ops (Priya, responsible) owns reassignment and escalation"))
    #expect(!text.contains("Marketing Ops (Alex, responsible) owns"))
    let responsible = try #require(reply.object["responsible"])
    #expect(
      responsible == [
        ["kind": "team", "id": "marketing-ops", "name": "Marketing Ops"],
        ["kind": "team", "id": "sales-ops", "name": "Sales Ops"],
      ])
  }

  @Test func aRACILetterNarrowsTheAnswerToThatRole() throws {
    let responsible = try harness.ask(
      "ownership.who",
      [
        "responsibility": Slot.responsibility("routing", "Territory and routing operations"),
        "raci": Slot.raci(.responsible),
      ])
    #expect(
      responsible.paragraphs == [
        "Responsible for territory and routing operations: Marketing Ops (Alex) and Sales Ops (Priya)."
      ])
    let consulted = try harness.ask(
      "ownership.who",
      [
        "responsibility": Slot.responsibility("stage-exit-criteria", "Stage exit criteria"),
        "raci": Slot.raci(.consulted),
      ])
    #expect(consulted.paragraphs == ["Consulted on stage exit criteria: VP Sales (Taylor)."])
    let accountable = try harness.ask(
      "ownership.who",
      ["responsibility": Slot.responsibility("lead-scoring", "Lead scoring"), "raci": Slot.raci(.accountable)])
    #expect(accountable.paragraphs == ["Accountable for lead scoring: Marketing Ops (Alex)."])
  }

  /// "what is on my plate": the actor's part of the matrix, never "my" as a name.
  @Test func myOwnershipIsTheActors() throws {
    let mine = try harness.ask("ownership.of", as: "priya", ["person": Slot.person("@me", "my")])
    let priyas = try harness.ask("ownership.of", as: "jordan", ["person": Slot.person("priya", "Priya Natarajan")])
    #expect(mine.paragraphs == priyas.paragraphs)
    #expect(mine.paragraphs.first?.hasPrefix("Priya Natarajan:") == true, "\(mine.paragraphs)")
  }

  @Test func anUnknownResponsibilityIsNotFound() throws {
    let reply = try harness.ask("ownership.who", ["responsibility": Slot.responsibility("payroll", "payroll")])
    #expect(reply.refusalReason == .notFound)
    #expect(reply.paragraphs == ["No responsibility 'payroll' in the workspace."])
  }
}
