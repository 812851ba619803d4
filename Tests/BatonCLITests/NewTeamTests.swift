import BatonTestSupport
import Foundation
import Testing

/// A new team's first hour, through the real binary: an empty workspace, the team's CRM
/// export imported, the ownership matrix adjusted in conversation, a new stage approved and
/// used at once, evidence recorded so a refused move goes through, and the model exported
/// with the team's changes in it.
@Suite(.tags(.process)) struct NewTeamTests {
  private static let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/import/salesforce-opportunities.csv").path

  @Test func aNewTeamsFirstHour() throws {
    let runner = try BinaryRunner()
    #expect(try runner.run(["init", "--empty"]).status == 0)
    let imported = try runner.run(["import", "deals", Self.export])
    #expect(imported.status == 0, "\(imported.stderr)")
    // Deal 1 is the Globex deal in Negotiation.
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 1") == "negotiation")
    let script = """
      who is accountable for lead routing
      make Sales Ops accountable for lead routing
      approve change 1
      who is accountable for lead routing
      propose a new stage Verbal Commit after Negotiation at 90%
      approve change 2
      move deal 1 to verbal commit
      record close plan on deal 1
      record legal review on deal 1
      record pricing approved on deal 1
      move deal 1 to verbal commit
      """
    let hour = try runner.run(["--yes"], stdin: script + "\n")
    let lines = hour.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Accountable for territory and routing operations: RevOps.")
    #expect(lines.contains("Accountable for territory and routing operations: Sales Ops."))
    #expect(
      hour.stdout.contains(
        "it adds stage Verbal Commit after Negotiation and before Closed-Won (opportunity, 90 %, commit)"))
    // The stage approved a line before is a stage the next line can name; the move waits for
    // the evidence, and goes through once it is recorded.
    #expect(hour.stdout.contains("Deal 1 cannot move to Verbal Commit: 3 exit criteria unmet."))
    #expect(hour.stdout.contains("Negotiation's exit criteria are all met: move deal 1 to Verbal Commit."))
    #expect(lines.last == "Moved deal 1 to Verbal Commit.")
    #expect(hour.status == 1, "the refused move is a failed line")
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 1") == "verbal-commit")
    let model = try runner.run(["model", "export"]).stdout
    #expect(model.contains("- id: verbal-commit\n  name: Verbal Commit\n  kind: opportunity\n  probability: 90"))
    #expect(model.contains("  accountable: ['team:sales-ops']"))
  }
}
