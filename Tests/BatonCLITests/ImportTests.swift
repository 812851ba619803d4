import BatonTestSupport
import Foundation
import Testing

/// `baton import` with the real binary on the demo workspace, from small exports written for
/// these tests in each layout baton recognizes; every figure read back with sqlite3.
@Suite(.serialized, .tags(.process)) struct ImportTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/import")

  /// A runner with its demo workspace made.
  private func demo() throws -> BinaryRunner {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    return runner
  }

  private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

  /// A plain-layout export of `rows` open deals over 500 new accounts and 40 new owners.
  private func generatedExport(rows: Int, in runner: BinaryRunner) throws -> URL {
    var lines = ["opportunity_id,account,sales_agent,deal_stage,engage_date,close_date,close_value"]
    for index in 0..<rows {
      lines.append("K\(index)X9,Account \(index % 500),Agent \(index % 40),Prospecting,2026-10-01,,")
    }
    let file = runner.home.appendingPathComponent("generated.csv")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test func aSalesforceExportIsImportedAndReimportingChangesNothing() throws {
    let runner = try demo()
    let people = try runner.sql("SELECT count(*) FROM person")
    let result = try runner.run(["import", "deals", fixture("salesforce-opportunities.csv")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        Read salesforce-opportunities.csv as a Salesforce opportunity export: 5 rows.
        Imported deals: 5 new, 0 updated, 0 unchanged; made 1 account and 1 person (audit 1).
        Not used: Probability, ForecastCategoryName, Next Step.

        """)
    // Known accounts and owners are reused; the quoted name keeps its comma; US dates read.
    #expect(
      try runner.sql(
        """
        SELECT d.name, a.id, p.handle, d.stage_id, d.amount, d.close_date, d.created_date
        FROM deal d JOIN account a ON a.id = d.account_id JOIN person p ON p.id = d.owner_id
        WHERE crm_id = '0065g00000GbX1A1'
        """) == "Globex - Platform, 3 years|1|sam|negotiation|125000|2026-12-15|2026-09-01")
    #expect(try runner.sql("SELECT count(*) FROM account WHERE name = 'Globex'") == "1")
    #expect(try runner.sql("SELECT count(*) FROM person") == String(Int(people)! + 1))
    #expect(try runner.sql("SELECT handle || ' ' || role FROM person WHERE name = 'Moses Frase'") == "moses rep")
    // An open deal may lack an amount and a close date.
    #expect(
      try runner.sql("SELECT stage_id, amount IS NULL, close_date IS NULL FROM deal WHERE crm_id = '0065g00000GbX1A4'")
        == "discovery|1|1")
    #expect(
      try runner.sql(
        "SELECT to_stage, changed_date FROM stage_change WHERE deal_id = (SELECT id FROM deal WHERE crm_id = '0065g00000GbX1A3')"
      )
        == "closed-won|2026-11-02")
    #expect(try runner.sql("SELECT actor, action, outcome FROM audit") == "priya|import.deals|done")

    // "deal CRM-ID" finds an imported deal, however it is typed.
    let shown = try runner.run(["-c", "show deal 0065G00000GBX1A1"])
    #expect(shown.status == 0)
    #expect(shown.stdout.hasPrefix("Deal 221: Globex - Platform, 3 years\n"))

    let again = try runner.run(["import", "deals", fixture("salesforce-opportunities.csv")])
    #expect(again.stdout.contains("Imported deals: 0 new, 0 updated, 5 unchanged (audit 2)."))
    #expect(try runner.sql("SELECT count(*) FROM deal") == "225")
  }

  @Test func aChangedStageIsAnUpdateWithItsHistory() throws {
    let runner = try demo()
    _ = try runner.run(["import", "deals", fixture("salesforce-opportunities.csv")])
    let changed = runner.home.appendingPathComponent("changed.csv")
    let text = try String(contentsOfFile: fixture("salesforce-opportunities.csv"), encoding: .utf8)
      .replacingOccurrences(of: "Proposal/Price Quote,48000", with: "Negotiation/Review,52000")
    try text.write(to: changed, atomically: true, encoding: .utf8)
    let result = try runner.run(["import", "deals", changed.path])
    #expect(result.stdout.contains("Imported deals: 0 new, 1 updated, 4 unchanged"))
    #expect(
      try runner.sql("SELECT stage_id, amount, stage_changed_date FROM deal WHERE crm_id = '0065g00000GbX1A2'")
        == "negotiation|52000|2026-11-23")
    #expect(
      try runner.sql(
        "SELECT group_concat(coalesce(from_stage, '-') || '>' || to_stage, ' ') FROM stage_change WHERE deal_id = (SELECT id FROM deal WHERE crm_id = '0065g00000GbX1A2') ORDER BY id"
      ) == "->proposal proposal>negotiation")
  }

  /// `init --empty` carries the standard lifecycle: each layout's export imports into it,
  /// its CRM stage names ("Won", "Closed Won", "closedwon") read as lifecycle stages.
  @Test(arguments: ["plain-pipeline.csv", "salesforce-opportunities.csv", "hubspot-deals.csv"])
  func anEmptyWorkspaceTakesEachLayoutsExport(_ name: String) throws {
    let runner = try BinaryRunner()
    let path = runner.home.appendingPathComponent("team.sqlite").path
    #expect(try runner.run(["init", "--empty", path]).status == 0)
    #expect(try runner.sql("SELECT count(*) FROM stage WHERE kind = 'opportunity'", workspace: path) == "3")
    #expect(try runner.sql("SELECT count(*) FROM person", workspace: path) == "1")
    let result = try runner.run(["--workspace", path, "import", "deals", fixture(name)])
    #expect(result.status == 0, "\(result.stderr)")
    // Every row the file was read as is a deal now.
    let deals = try runner.sql("SELECT count(*) FROM deal", workspace: path)
    #expect(result.stdout.contains(": \(deals) rows.") && result.stdout.contains("Imported deals: \(deals) new"))
  }

  /// Thousands of rows refused for one reason are one line with their count, not thousands.
  @Test func rowsRefusedForOneReasonAreGrouped() throws {
    let runner = try demo()
    var lines = ["opportunity_id,account,sales_agent,deal_stage,engage_date,close_date,close_value"]
    for index in 0..<2_500 { lines.append("G\(index)X7,Account \(index % 50),Agent 1,Verbal Commit,2026-10-01,,") }
    lines.append("Q1X7,Account 1,Agent 1,Prospecting,2026-10-01,,lots")
    let file = runner.home.appendingPathComponent("grouped.csv")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let result = try runner.run(["import", "deals", file.path])
    #expect(result.status == 65)
    let stderr = result.stderr.split(separator: "\n")
    #expect(stderr.count == 3, "\(result.stderr)")
    #expect(stderr.first?.contains(": 2,500 rows, lines 2, 3, 4, 5, 6, 7, 8, 9 …") == true)
    #expect(stderr.dropFirst().first == "\(file.path):2502: amount \"lots\" is not an amount")
  }

  @Test func badRowsAreListedByLineAndNothingIsImported() throws {
    let runner = try demo()
    let path = fixture("salesforce-bad-rows.csv")
    let result = try runner.run(["import", "deals", path])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == """
        baton: error: \(path):3: unknown stage "Verbal Commit" (map it with --stage-map "Verbal Commit=STAGE"; stages: lead, mql, sal, sql, discovery, proposal, negotiation, closed-won, closed-lost, onboarding, renewal, expansion)
        \(path):4: amount "lots" is not an amount
        \(path):6: a closed deal needs a close date
        \(path):7: CRM id 0065g00000GbX2B1 is also on line 2
        \(path):8: the row has 3 fields and the header 8 (a stray comma or quote?)
        \(path):9: close date "31/31/2026" is not a date
        Nothing imported: 6 rows cannot be taken. Fix them, or pass --skip-bad-rows to import the rest.

        """)
    #expect(try runner.sql("SELECT count(*) FROM deal") == "220")
    #expect(try runner.sql("SELECT count(*) FROM audit") == "0")

    let skipping = try runner.run([
      "import", "deals", path, "--skip-bad-rows", "--stage-map", "Verbal Commit=negotiation",
    ])
    #expect(skipping.status == 0)
    #expect(skipping.stdout.contains("Imported deals: 3 new, 0 updated, 0 unchanged"))
    #expect(skipping.stdout.contains("Skipped 5 rows:\n  salesforce-bad-rows.csv:4: amount \"lots\" is not an amount"))
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE crm_id = '0065g00000GbX2B2'") == "negotiation")
    #expect(try runner.sql("SELECT count(*) FROM deal") == "223")
  }

  @Test func aHubSpotExportWithNumericIDsAndTimes() throws {
    let runner = try demo()
    let result = try runner.run(["import", "deals", fixture("hubspot-deals.csv")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Read hubspot-deals.csv as a HubSpot deals export: 3 rows."))
    #expect(
      try runner.sql("SELECT stage_id, amount, close_date, created_date FROM deal WHERE crm_id = '9876543210'")
        == "negotiation|240000|2026-12-20|2026-10-05")
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE crm_id = '9876543212'") == "closed-won")
    // A HubSpot id is a number; a number that is no deal's number is tried as a CRM id.
    let shown = try runner.run(["-c", "show deal 9876543211"])
    #expect(shown.stdout.hasPrefix("Deal 222: Wayne Enterprises - Pilot\n"))
  }

  @Test func thePlainLayoutAndACustomOneWithMaps() throws {
    let runner = try demo()
    let plain = try runner.run(["import", "deals", fixture("plain-pipeline.csv")])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout.contains("5 new, 0 updated, 0 unchanged; made 4 accounts and 3 people"))
    #expect(
      try runner.sql(
        "SELECT group_concat(crm_id || '=' || stage_id, ' ') FROM (SELECT * FROM deal WHERE id > 220 ORDER BY id)")
        == "1C1I7A6R=closed-won Z063OYW0=closed-won EC4QE1BX=proposal MV1LWRNH=discovery PE84CX4O=closed-lost")
    // Without a name column, a deal is named after its account and CRM id.
    #expect(try runner.sql("SELECT name FROM deal WHERE crm_id = 'MV1LWRNH'") == "Codehow MV1LWRNH")

    let custom = fixture("custom-layout.csv")
    let unmapped = try runner.run(["import", "deals", custom])
    #expect(unmapped.status == 65)
    #expect(unmapped.stderr.contains("custom-layout.csv:1: no column gives the crm_id"))
    let mapped = try runner.run([
      "import", "deals", custom, "--map", "Opp Ref=crm_id", "--map", "Opportunity Title=name", "--map", "Phase=stage",
      "--map", "Value (USD)=amount", "--map", "Expected Close=close_date", "--map", "Rep Email=owner",
      "--map", "Customer=account", "--stage-map", "Verbal=negotiation", "--stage-map", "Discovery call=discovery",
    ])
    #expect(mapped.status == 0, "\(mapped.stderr)")
    #expect(
      try runner.sql(
        "SELECT stage_id, amount, p.handle FROM deal d JOIN person p ON p.id = d.owner_id WHERE crm_id = 'A-1001'")
        == "negotiation|15000|sam")
    let badMap = try runner.run(["import", "deals", custom, "--map", "Opp Ref=dael_id"])
    #expect(badMap.status == 64)
    #expect(badMap.stderr.contains("deals have no field 'dael_id'"))
  }

  @Test func accountsAndPeopleUpdateWhatTheyMatch() throws {
    let runner = try demo()
    let soylent = "SELECT segment, territory, employees, owner_id FROM account WHERE name = 'Soylent'"
    let before = try runner.sql(soylent)
    let accounts = try runner.run(["import", "accounts", fixture("accounts.csv")])
    #expect(accounts.status == 0, "\(accounts.stderr)")
    #expect(accounts.stdout.contains("Imported accounts: 1 new, 1 updated, 1 unchanged"))
    #expect(try runner.sql("SELECT employees FROM account WHERE name = 'Globex'") == "5400")
    // Empty cells keep what the workspace has.
    #expect(try runner.sql(soylent) == before)
    #expect(
      try runner.sql("SELECT p.handle FROM account a JOIN person p ON p.id = a.owner_id WHERE a.name = 'Acme Widgets'")
        == "riley")

    let people = try runner.run(["import", "people", fixture("people.csv")])
    #expect(people.status == 65)
    #expect(people.stderr.contains("people.csv:4: role \"boss\" is not one of viewer, rep, ops, revops, admin"))
    let skipped = try runner.run(["import", "people", fixture("people.csv"), "--skip-bad-rows"])
    #expect(skipped.stdout.contains("Imported people: 2 new"))
    #expect(
      try runner.sql("SELECT team_id || ' ' || title FROM person WHERE handle = 'darcel'")
        == "sales Senior Account Executive")
  }

  @Test func noOneGrantsARoleAboveTheirOwn() throws {
    let runner = try demo()
    let file = runner.home.appendingPathComponent("roles.csv")
    try "handle,name,role\npriya,Priya Natarajan,admin\nsam,Sam Carter,revops\nlee,Lee Okafor,ops\n".write(
      to: file, atomically: true, encoding: .utf8)
    // priya is ops: she may not make herself admin, nor sam revops.
    let refused = try runner.run(["import", "people", file.path, "--as", "priya"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("roles.csv:2: role \"admin\" is above the importer's own (ops)"))
    #expect(refused.stderr.contains("roles.csv:3: role \"revops\" is above the importer's own (ops)"))
    #expect(try runner.sql("SELECT role FROM person WHERE handle IN ('priya', 'sam') ORDER BY handle") == "ops\nrep")
    // An admin may.
    let granted = try runner.run(["import", "people", file.path, "--as", "morgan"])
    #expect(granted.status == 0, "\(granted.stderr)")
    #expect(try runner.sql("SELECT role FROM person WHERE handle = 'sam'") == "revops")
  }

  @Test func onlyOpsMayImportAndBrokenFilesSayWhere() throws {
    let runner = try demo()
    let viewer = try runner.run(["import", "deals", fixture("plain-pipeline.csv"), "--as", "robin"])
    #expect(viewer.status == 1)
    #expect(viewer.stderr.contains("importing needs the ops role"))
    // The refusal is in the audit log, as a workflow's would be; nothing was imported.
    #expect(
      try runner.sql("SELECT actor || ' ' || action || ' ' || outcome || ': ' || note FROM audit")
        == "robin import.deals refused: importing needs the ops role; robin is a viewer")
    let binary = try runner.run(["import", "deals", fixture("not-utf8.csv")])
    #expect(binary.status == 65)
    #expect(binary.stderr.contains("not-utf8.csv:2: not valid CSV: the text is not UTF-8"))
    let missing = try runner.run(["import", "deals", "nowhere.csv"])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("cannot read nowhere.csv"))
    let noWorkspace = try runner.run(["import", "deals", fixture("plain-pipeline.csv"), "--workspace", "none.sqlite"])
    #expect(noWorkspace.status == 74)
    try Data("not a database".utf8).write(to: runner.home.appendingPathComponent("corrupt.sqlite"))
    let corrupt = try runner.run(["import", "deals", fixture("plain-pipeline.csv"), "--workspace", "corrupt.sqlite"])
    #expect(corrupt.status == 74)
    #expect(try runner.sql("SELECT count(*) FROM deal") == "220")
  }

  @Test func anImportKilledMidWriteLeavesTheWorkspaceAsItWas() throws {
    let runner = try demo()
    let file = try generatedExport(rows: 5_000, in: runner)
    let checksum = try runner.sql("SELECT count(*), sum(amount) FROM deal")
    // A trigger of the test's own makes the import's transaction long: its 2,500th new deal
    // runs a query over every combination of four deals, so the kill lands inside it.
    _ = try runner.sql(
      """
      CREATE TRIGGER slow_deal AFTER INSERT ON deal WHEN NEW.id = (SELECT min(id) FROM deal) + 2700 BEGIN
        SELECT sum(a.amount + b.amount + c.amount + d.amount) FROM deal a, deal b, deal c, deal d;
      END;
      """)
    let running = try runner.start(["import", "deals", file.path])
    #expect(try WorkflowProcessTests.waitForWriteLock(runner), "the import never took the write lock")
    kill(running.process.processIdentifier, SIGKILL)
    _ = running.finish()
    _ = try runner.sql("DROP TRIGGER slow_deal")
    #expect(try runner.sql("PRAGMA integrity_check") == "ok")
    #expect(try runner.sql("SELECT count(*), sum(amount) FROM deal") == checksum)
    #expect(try runner.sql("SELECT count(*) FROM account WHERE name LIKE 'Account %'") == "0")
    #expect(try runner.sql("SELECT count(*) FROM audit") == "0")
    let whole = try runner.run(["import", "deals", file.path])
    #expect(whole.status == 0)
    #expect(try runner.sql("SELECT count(*) FROM deal") == "5220")
  }

  @Test func aProgressBarShowsAtATerminalAndNotInAPipe() throws {
    let runner = try demo()
    let file = try generatedExport(rows: 12_000, in: runner)
    let terminal = try PTYProcess(
      executable: BinaryRunner.executable, arguments: ["import", "deals", file.path], environment: runner.environment)
    let screen = try terminal.expect("Imported deals: 12,000 new", timeout: 60)
    #expect(screen.contains("reading") && screen.contains("writing") && screen.contains("▕"))
    #expect(screen.contains("100%"))
    #expect(try terminal.waitExit(timeout: 10) == 0)

    try "opportunity_id,account,sales_agent,deal_stage\nP1Q7,Initech,Sam Carter,Prospecting\n".write(
      to: file, atomically: true, encoding: .utf8)
    let piped = try runner.run(["import", "deals", file.path])
    #expect(piped.status == 0)
    #expect(piped.stderr.isEmpty)
  }
}
