import Assistant
import BatonModel
import BatonTestSupport
import Testing

/// What it takes to enter a stage is what it takes to leave the one before it, said so;
/// leaving a stage is that stage's own exit criteria.
@Suite(.tags(.fast)) struct StageEntryTests {
  @Test(arguments: [
    (
      "what does a deal need to reach Negotiation",
      "To enter Negotiation, a deal leaves Proposal. Exit criteria for Proposal:"
    ),
    ("what does a deal need to leave Proposal", "Exit criteria for Proposal:"),
    ("before a deal leaves Proposal, what has to be done", "Exit criteria for Proposal:"),
    ("what do we need before Proposal", "To enter Proposal, a deal leaves Discovery."),
    ("what gets a deal into Closed Won", "To enter Closed-Won, a deal leaves Negotiation."),
    ("entry criteria for SAL", "To enter SAL, a lead leaves MQL. Exit criteria for MQL:"),
    ("entry criteria for Lead", "Lead is the first stage: nothing comes before it."),
  ])
  func enteringAStageIsLeavingTheOneBefore(line: String, opening: String) throws {
    let session = try Fixtures.session(actor: "jordan")
    let turn = session.handle(line)
    #expect(turn.intent == "stage.exit_criteria", "\(line) → \(turn.intent ?? "-")")
    #expect(turn.reply.firstLine.hasPrefix(opening), "\(line) → \(turn.reply.firstLine)")
  }
}
