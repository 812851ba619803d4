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

  /// The line's words around the text count ("new field request: …"), less those any
  /// proposal is put in ("proposal:", "for approval"); a stage's name counts inside the text
  /// ("… before Negotiation"), not as the word "proposal".
  @Test(arguments: [
    ("new field request: Partner Sourced checkbox", "Partner Sourced checkbox", true),
    ("change request: a mutual action plan before Negotiation", "a mutual action plan before Negotiation", true),
    ("proposal: pizza lunch on friday", "pizza lunch on friday", false),
    ("send a team offsite to revops for approval", "a team offsite", false),
  ])
  func theLineAroundTheTextCountsButNotTheWordsOfProposing(_ line: String, _ text: String, _ opened: Bool) throws {
    let outcome = try harness.propose(
      "change.propose", input: line, ["change": EntityValue(kind: .text, key: text, display: text)])
    switch outcome {
    case .plan(let plan): #expect(opened, "\(plan.summary)")
    case .reply(let reply): #expect(!opened && reply.refusalReason == .notAChange, "\(reply.firstLine)")
    }
  }
}
