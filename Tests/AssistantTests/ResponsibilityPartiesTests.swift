import Assistant
import BatonModel
import BatonTestSupport
import Testing

/// Teams named after a responsibility ("the service levels between Sales and CS") say which
/// responsibility it is: the line is asked of the matrix, not read as two teams compared,
/// and no team is reported unused.
@Suite(.tags(.fast)) struct ResponsibilityPartiesTests {
  @Test(arguments: [
    ("who is on the hook for the service levels between Sales and CS", "sla-definitions"),
    ("which group approves the cross-functional SLAs between CS & marketing", "sla-definitions"),
    ("who owns lead scoring between marketing and sales ops", "lead-scoring"),
  ])
  func teamsAfterAResponsibilityNameIt(line: String, responsibility: String) throws {
    let session = try Fixtures.session(actor: "jordan")
    let turn = session.handle(line)
    #expect(turn.intent == "ownership.who", "\(line) → \(turn.intent ?? "-"): \(turn.reply.firstLine)")
    #expect(turn.slots["responsibility"]?.value.key == responsibility, "\(line) → \(turn.slots)")
    if case .object(let data) = turn.reply.data {
      #expect(data["unused"] == nil, "\(line) → \(turn.reply.firstLine)")
    }
  }

  /// A responsibility the matrix holds, where free text could stand, is that responsibility:
  /// the matrix answers, the decision rule is for problems it does not hold.
  @Test(arguments: ["who is on the hook for the service levels", "who should handle the territory rules"])
  func aKnownResponsibilityIsNoProblemToPlace(line: String) throws {
    let session = try Fixtures.session(actor: "jordan")
    let turn = session.handle(line)
    #expect(turn.intent == "ownership.who", "\(line) → \(turn.intent ?? "-"): \(turn.reply.firstLine)")
  }

  /// Teams that are the line's subject stay its subject.
  @Test func twoTeamsComparedAreStillCompared() throws {
    let session = try Fixtures.session(actor: "jordan")
    let turn = session.handle("what's the difference between Sales and Marketing")
    #expect(turn.intent == "compare.functions", "→ \(turn.intent ?? "-")")
  }
}
