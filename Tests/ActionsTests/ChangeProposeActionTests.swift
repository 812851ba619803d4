import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `change.propose`: a change request is about the operating model.
@Suite(.tags(.fast)) struct ChangeProposeActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func aProposalNamingNoPartOfTheOperatingModelIsNotOpened() throws {
    let reply = try harness.answer(
      "change.propose",
      ["change": EntityValue(kind: .text, key: "a pizza lunch for the office", display: "a pizza lunch for the office")]
    )
    #expect(reply.refusalReason == .notAChange)
    #expect(
      reply.paragraphs == [
        "Not opened: a change request changes how revenue is run (a stage, field, rule, owner, metric or process), and “a pizza lunch for the office” names none of these. Say what it changes."
      ])
    #expect(
      try harness.workspace.changeRequests(statuses: nil).allSatisfy {
        $0.title != "A pizza lunch for the office"
      })
  }

  @Test(arguments: ["a new stage Verbal Commit", "changing lead scoring for webinar leads", "a rule for renewals"])
  func aProposalAboutTheOperatingModelIsPlanned(_ text: String) throws {
    let plan = try harness.plan("change.propose", ["change": EntityValue(kind: .text, key: text, display: text)])
    #expect(plan.summary.hasPrefix("Open a change request"))
  }

  /// The words of the whole line count, and a stage's name is part of the operating model.
  @Test(arguments: [
    ("new field request: Partner Sourced checkbox", "Partner Sourced checkbox"),
    ("change request: a mutual action plan before Negotiation", "a mutual action plan before Negotiation"),
  ])
  func aProposalTheLineTiesToTheOperatingModelIsPlanned(_ line: String, _ text: String) throws {
    let plan = try harness.plan(
      "change.propose", input: line, ["change": EntityValue(kind: .text, key: text, display: text)])
    #expect(plan.summary.hasPrefix("Open a change request"), "\(plan.summary)")
  }
}
