import BatonTestSupport
import Foundation
import Testing

/// The operating model as a file, through the real binary: exported, applied, checked with
/// its problems at their line and column, tried with --dry-run, undone, refused.
@Suite(.tags(.process)) struct ModelFileTests {
  private func demoModel(_ runner: BinaryRunner) throws -> String {
    #expect(try runner.run(["init"]).status == 0)
    let export = try runner.run(["model", "export"])
    #expect(export.status == 0, "\(export.stderr)")
    return export.stdout
  }

  @Test func theDemoModelExportedAndAppliedToAnEmptyWorkspaceExportsTheSameBytes() throws {
    let runner = try BinaryRunner()
    let demo = try demoModel(runner)
    #expect(demo.contains("- id: negotiation") && demo.contains("accountable: ['team:revops']"))
    let file = try runner.write(demo, "demo.yaml")
    // Applied over the starter model of `init --empty`.
    let empty = runner.home.appendingPathComponent("empty.sqlite").path
    #expect(try runner.run(["init", "--empty", empty]).status == 0)
    let applied = try runner.run(["model", "apply", file, "--workspace", empty])
    #expect(applied.status == 0, "\(applied.stderr)")
    #expect(applied.stdout.contains("+ person priya (Priya Natarajan)") && applied.stdout.contains("Applied "))
    #expect(try runner.run(["model", "export", "--workspace", empty]).stdout == demo)
    // Made from the file by `init --from`.
    let made = runner.home.appendingPathComponent("made.sqlite").path
    #expect(try runner.run(["init", made, "--from", file]).status == 0)
    #expect(try runner.run(["model", "export", "--workspace", made]).stdout == demo)
    // And the export applied back changes nothing, writing no audit row.
    let again = try runner.run(["model", "apply", file, "--as", "jordan"])
    #expect(again.status == 0 && again.stdout.contains("nothing to change"))
    #expect(try runner.sql("SELECT count(*) FROM audit") == "0")
    // Into a file: the same text.
    let out = runner.home.appendingPathComponent("out.yaml").path
    #expect(try runner.run(["model", "export", out]).status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == demo)
  }

  /// The demo company's model is kept as a file to read (docs/demo-model.yaml): the demo's
  /// export, byte for byte, at the tests' date.
  /// YAML's null (`~`) is an unset value, as a key left out is, never the text "~".
  @Test func aModelWithoutADefaultUserAsksForOne() throws {
    let runner = try BinaryRunner()
    let text = try demoModel(runner).split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.contains("default_user:") ? "  default_user: ~" : $0 }.joined(separator: "\n")
    let file = try runner.write(text, "no-default.yaml")
    let path = runner.home.appendingPathComponent("nodefault.sqlite").path
    #expect(try runner.run(["init", path, "--from", file]).status == 0)
    let asked = try runner.run(["--workspace", path, "-c", "who am i"])
    #expect(asked.status == 64)
    #expect(asked.stderr.contains("the workspace has no default user; name one with --as HANDLE"), "\(asked.stderr)")
  }

  @Test func theDemoModelFileIsTheDemosExport() throws {
    let runner = try BinaryRunner()
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../docs/demo-model.yaml").standardized.path
    let kept = try String(contentsOfFile: file, encoding: .utf8)
    #expect(try demoModel(runner) == kept, "re-export it: BATON_TODAY=2026-11-23 baton model export")
    let made = runner.home.appendingPathComponent("from-file.sqlite").path
    #expect(try runner.run(["init", made, "--from", file]).status == 0)
    #expect(try runner.run(["model", "export", "--workspace", made]).stdout == kept)
  }

  @Test func eachKindOfProblemIsReportedAtItsLineAndColumnAndNothingChanges() throws {
    let runner = try BinaryRunner()
    let demo = try demoModel(runner)
    let lines = demo.components(separatedBy: "\n")
    func line(of text: String) -> Int { (lines.firstIndex { $0.contains(text) } ?? -10) + 1 }
    let cases: [(edit: (String) -> String, expected: String)] = [
      (
        { $0.replacingOccurrences(of: "  probability: 50\n", with: "  probabilty: 50\n") },
        ":\(line(of: "probability: 50")):3: error: unknown key 'probabilty' in a stage"
      ),
      (
        { $0.replacingOccurrences(of: "  probability: 50\n", with: "  probability: half\n") },
        ":\(line(of: "probability: 50")):16: error: `probability` is a whole number, not “half”"
      ),
      (
        { $0.replacingOccurrences(of: "trigger_stage: closed-won", with: "trigger_stage: closed-wun") },
        ":\(line(of: "trigger_stage: closed-won")):18: error: no stage “closed-wun” in this model"
      ),
      (
        { $0.replacingOccurrences(of: "role: revops", with: "role: chief") },
        ":\(line(of: "role: revops")):9: error: no role “chief”"
      ),
      (
        { $0.replacingOccurrences(of: "accountable: ['team:revops']", with: "accountable: ['team:revop']") },
        ":\(line(of: "accountable: ['team:revops']")):17: error: no team “revop” in this model"
      ),
      // The parser finds the unclosed list where the next mapping begins.
      (
        { $0.replacingOccurrences(of: "version: 1\n", with: "version: 1\nteams: [\n") },
        ":\(line(of: "company:") + 2):7: error: YAML: did not find expected ',' or ']'"
      ),
      ({ $0 + "stages: []\n" }, ":\(line(of: "stages:")):1: error: YAML: the key 'stages' is given twice"),
      (
        { $0.replacingOccurrences(of: "company:\n", with: "company: &c\n") },
        ":\(line(of: "company:")):10: error: YAML anchors and aliases"
      ),
      (
        { $0.replacingOccurrences(of: "version: 1\n", with: "version: 9\n") },
        ":\(line(of: "version: 1")):10: error: version 9 is newer"
      ),
    ]
    for (index, item) in cases.enumerated() {
      let file = try runner.write(item.edit(demo), "broken-\(index).yaml")
      let result = try runner.run(["model", "apply", file, "--as", "morgan"])
      #expect(result.status == 65, "case \(index): \(result.stderr)")
      #expect(result.stderr.contains(file + item.expected), "case \(index): \(result.stderr)")
      #expect(result.stderr.contains("nothing was changed"), "case \(index)")
    }
    #expect(try runner.sql("SELECT count(*) FROM audit") == "0")
    #expect(try runner.run(["model", "export"]).stdout == demo)
  }

  @Test func aDryRunShowsTheChangeAndWritesNothing() throws {
    let runner = try BinaryRunner()
    let demo = try demoModel(runner)
    let file = try runner.write(demo.replacingOccurrences(of: "sla_hours: 72", with: "sla_hours: 48"), "m.yaml")
    let dry = try runner.run(["model", "apply", file, "--dry-run", "--as", "jordan"])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("~ handoff rule sales-to-cs (Sales to customer success): sla_hours"))
    #expect(dry.stdout.contains("Nothing was written (--dry-run)"))
    #expect(try runner.sql("SELECT sla_hours FROM handoff_rule WHERE id = 'sales-to-cs'") == "72")
    #expect(try runner.sql("SELECT count(*) FROM audit") == "0")
  }

  @Test func anAppliedModelTakesEffectAndUndoPutsItBack() throws {
    let runner = try BinaryRunner()
    let demo = try demoModel(runner)
    let changed =
      demo
      .replacingOccurrences(
        of: "- id: closed-won\n",
        with: """
          - id: verbal-commit
            name: Verbal Commit
            kind: opportunity
            probability: 90
            forecast_category: commit
            definition: The buyer has said yes; the paperwork follows.
            exit_criteria:
            - wording: Order form signed
              document: order_form
          - id: closed-won

          """
      )
      .replacingOccurrences(
        of: "  responsible: ['team:marketing-ops', 'team:sales-ops']\n  accountable: ['team:revops']",
        with: "  responsible: ['team:marketing-ops', 'team:sales-ops']\n  accountable: ['person:priya']")
    let file = try runner.write(changed, "changed.yaml")
    // A rep may not; the refusal is audited.
    let refused = try runner.run(["model", "apply", file, "--as", "sam"])
    #expect(refused.status == 1 && refused.stderr.contains("needs the revops role; sam is a rep"))
    #expect(try runner.sql("SELECT outcome || ' ' || action FROM audit") == "refused model.apply")
    let applied = try runner.run(["model", "apply", file, "--as", "jordan"])
    #expect(applied.status == 0, "\(applied.stderr)")
    #expect(applied.stdout.contains("+ stage verbal-commit (Verbal Commit)"))
    #expect(applied.stdout.contains("~ responsibility routing (Territory and routing operations): raci"))
    let asked = try runner.run([
      "--as", "jordan", "-c", "who is accountable for lead routing", "-c", "define verbal commit",
    ])
    #expect(asked.stdout.contains("Accountable for territory and routing operations: Sales Ops Manager (Priya)"))
    #expect(asked.stdout.contains("The buyer has said yes"))
    #expect(try runner.sql("SELECT position FROM stage WHERE id = 'closed-won'") == "9")
    let undone = try runner.run(["model", "undo", "--as", "jordan"])
    #expect(undone.status == 0, "\(undone.stderr)")
    #expect(try runner.run(["model", "export"]).stdout == demo)
    #expect(try runner.run(["model", "undo", "--as", "jordan"]).stderr.contains("no model apply is left to undo"))
  }

  /// A RevOps user may change the model but not grant themselves, or anyone, admin.
  @Test func onlyAnAdminGivesTheRevopsOrAdminRole() throws {
    let runner = try BinaryRunner()
    let demo = try demoModel(runner)
    let raised = demo.replacingOccurrences(
      of: "- handle: jordan\n  name: Jordan Reyes\n  team: revops\n  title: RevOps Director\n  role: revops",
      with: "- handle: jordan\n  name: Jordan Reyes\n  team: revops\n  title: RevOps Director\n  role: admin")
    #expect(raised != demo)
    let file = try runner.write(raised, "raised.yaml")
    let refused = try runner.run(["model", "apply", file, "--as", "jordan"])
    #expect(refused.status == 1 && refused.stderr.contains("only an admin gives or takes away"))
    #expect(refused.stderr.contains("jordan revops → admin"))
    #expect(try runner.sql("SELECT role FROM person WHERE handle = 'jordan'") == "revops")
    #expect(try runner.sql("SELECT outcome FROM audit") == "refused")
    #expect(try runner.run(["model", "apply", file, "--as", "morgan"]).status == 0)
    #expect(try runner.sql("SELECT role FROM person WHERE handle = 'jordan'") == "admin")
    // A revops person added by an admin is not removed by a revops user, by file or by undo.
    let added = demo.replacingOccurrences(
      of: "responsibilities:\n",
      with:
        "- handle: pat\n  name: Pat Lee\n  team: revops\n  title: RevOps Analyst\n  role: revops\nresponsibilities:\n")
    #expect(
      try runner.run(["model", "apply", try runner.write(added, "added.yaml"), "--as", "morgan"]).status == 0)
    let removing = try runner.run(["model", "apply", try runner.write(raised, "removing.yaml"), "--as", "pat"])
    #expect(removing.status == 1 && removing.stderr.contains("pat revops → (removed)"), "\(removing.stderr)")
    let undo = try runner.run(["model", "undo", "--as", "pat"])
    #expect(undo.status == 1 && undo.stderr.contains("pat revops → (removed)"), "\(undo.stderr)")
    #expect(try runner.sql("SELECT role FROM person WHERE handle = 'pat'") == "revops")
  }

  @Test func aModelThatWouldLeaveDealsWithoutAStageIsRefusedWhole() throws {
    let runner = try BinaryRunner()
    let demo = try demoModel(runner)
    // Negotiation removed, and the handoff's SLA changed: neither is written.
    var lines = demo.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "- id: negotiation"))
    let end = try #require(lines[(start + 1)...].firstIndex { $0.hasPrefix("- id: ") })
    lines.removeSubrange(start..<end)
    let text = lines.joined(separator: "\n").replacingOccurrences(of: "sla_hours: 72", with: "sla_hours: 48")
    let file = try runner.write(text, "less.yaml")
    let deals = try runner.sql("SELECT count(*) FROM deal WHERE stage_id = 'negotiation'")
    let result = try runner.run(["model", "apply", file, "--as", "jordan"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("removing stage Negotiation leaves \(deals) deals without a stage"))
    #expect(try runner.sql("SELECT sla_hours FROM handoff_rule WHERE id = 'sales-to-cs'") == "72")
    #expect(try runner.sql("SELECT outcome FROM audit") == "refused")
  }
}

/// The logins a model file gives people: kept with the model, refused when one login is
/// given twice, an admin's to change, and left as they are by a file that names none.
@Suite(.tags(.process)) struct ModelFileLoginTests {
  static let sam = "- handle: sam\n  name: Sam Carter\n  team: sales\n  title: Account Executive\n  role: rep\n"

  @Test func aModelFileGivesPeopleLoginsAndAFileNamingNoneLeavesThem() throws {
    let runner = try BinaryRunner()
    #expect(try runner.run(["init"]).status == 0)
    let demo = try runner.run(["model", "export"]).stdout
    #expect(demo.contains(Self.sam) && !demo.contains("logins:"))
    let withLogin = demo.replacingOccurrences(of: Self.sam, with: Self.sam + "  logins: [sam.carter]\n")
    let file = try runner.write(withLogin, "logins.yaml")
    // Who a login acts as is an admin's to say, as with `baton login add`.
    let refused = try runner.run(["model", "apply", file, "--as", "jordan"])
    #expect(refused.status == 1, "\(refused.stderr)")
    #expect(
      refused.stderr.contains(
        "only an admin changes who a login acts as; the file changes sam.carter: (none) → sam (rep)"))
    #expect(try runner.sql("SELECT outcome FROM audit") == "refused")
    let applied = try runner.run(["model", "apply", file, "--as", "morgan"])
    #expect(applied.status == 0 && applied.stdout.contains("~ person sam (Sam Carter): logins"), "\(applied.stdout)")
    #expect(try runner.run(["model", "export"]).stdout == withLogin)
    // A file that names no logins (kept before logins were) changes a title and keeps them.
    let retitled = demo.replacingOccurrences(of: "title: Account Executive", with: "title: Senior Account Executive")
    let kept = try runner.run(["model", "apply", try runner.write(retitled, "retitled.yaml"), "--as", "jordan"])
    #expect(kept.status == 0 && kept.stdout.contains("~ person sam (Sam Carter): title\n"), "\(kept.stdout)")
    #expect(
      try runner.sql("SELECT l.name || ' ' || p.handle FROM login l JOIN person p ON p.id = l.person_id")
        == "sam.carter sam")
  }

  @Test func aLoginGivenToTwoPeopleIsReportedAtItsLine() throws {
    let runner = try BinaryRunner()
    #expect(try runner.run(["init"]).status == 0)
    let demo = try runner.run(["model", "export"]).stdout
    let twice = demo.replacingOccurrences(of: Self.sam, with: Self.sam + "  logins: [sam.carter]\n")
      .replacingOccurrences(
        of: "  title: Sales Ops Manager\n  role: ops\n",
        with: "  title: Sales Ops Manager\n  role: ops\n  logins: [sam.carter]\n")
    let lines = twice.components(separatedBy: "\n")
    let second = (lines.lastIndex { $0.contains("logins: [sam.carter]") } ?? -10) + 1
    let file = try runner.write(twice, "twice.yaml")
    let result = try runner.run(["model", "apply", file, "--as", "morgan"])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("\(file):\(second):"), "\(result.stderr)")
    #expect(result.stderr.contains("the login “sam.carter” is already priya’s"), "\(result.stderr)")
  }
}
