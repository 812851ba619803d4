import BatonTestSupport
import Foundation
import Testing

/// A shared workspace's records moved and kept as files, on the test server
/// (`BATON_TEST_POSTGRES`; skipped without one): one person's workspace file moved to the
/// team's server, a backup of the server that is a workspace file, and its restore.
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct SharedBackupTests {
  /// What the workspace says of deal 42, the day's log and Morgan's tasks.
  static let questions = """
    show deal 42
    what changed today
    my tasks

    """

  /// Every table's rows, counted, one table a line.
  static let counts = """
    SELECT 'deal ' || count(*) FROM deal UNION ALL SELECT 'audit ' || count(*) FROM audit
    UNION ALL SELECT 'task ' || count(*) FROM task UNION ALL SELECT 'evidence ' || count(*) FROM deal_evidence
    UNION ALL SELECT 'history ' || count(*) FROM stage_change UNION ALL SELECT 'alias ' || count(*) FROM team_alias
    """

  @Test func aTeamMovesItsFileToTheServerThenBacksItUpAndRestoresIt() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    let file = runner.home.appendingPathComponent("mine.sqlite").path
    #expect(try runner.run(["init", file]).status == 0)
    let work = try runner.run(
      ["--workspace", file, "--as", "morgan", "--yes"],
      stdin: """
        record budget confirmed on deal 42
        move deal 42 to negotiation
        assign a follow-up on deal 42 to Priya by Friday

        """)
    #expect(work.status == 0, "\(work.stdout)\(work.stderr)")

    // Moved: the server answers as the file did, its log included, and numbers new records
    // after the file's.
    let moved = try runner.run(["init", database.url, "--from", file])
    #expect(moved.status == 0, "\(moved.stderr)")
    #expect(moved.stdout.hasSuffix("from the workspace file \(file).\n"), "\(moved.stdout)")
    let onFile = try runner.run(["--workspace", file, "--as", "morgan"], stdin: Self.questions)
    let onServer = try runner.run(["--workspace", database.url], stdin: Self.questions)
    #expect(onServer.stdout == onFile.stdout)
    #expect(onServer.stdout.contains("Stage: Negotiation"), "\(onServer.stdout)")
    #expect(try database.psql(input: Self.counts) == runner.sql(Self.counts, workspace: file))
    let next = "assign a follow-up on deal 7 to Priya by Friday"
    let taskOnServer = try runner.run(["--workspace", database.url, "--yes", "-c", next])
    let taskOnFile = try runner.run(["--workspace", file, "--as", "morgan", "--yes", "-c", next])
    #expect(taskOnServer.stdout == taskOnFile.stdout && taskOnServer.stdout.hasPrefix("Created task"))

    // Riley's login is mapped when the backup is taken.
    let (riley, _) = try database.login("riley")
    #expect(try runner.run(["login", "add", riley, "riley", "--workspace", database.url]).status == 0)
    // Backed up: a workspace file that answers as the server does.
    let backup = runner.home.appendingPathComponent("team-backup.sqlite").path
    let backedUp = try runner.run(["--workspace", database.url, "backup", backup])
    #expect(backedUp.status == 0 && backedUp.stdout.hasPrefix("Backed up"), "\(backedUp.stderr)")
    let fromBackup = try runner.run(["--workspace", backup, "--as", "morgan"], stdin: Self.questions)
    let fromServer = try runner.run(["--workspace", database.url], stdin: Self.questions)
    #expect(fromBackup.stdout == fromServer.stdout)
    #expect(try runner.sql(Self.counts, workspace: backup) == database.psql(input: Self.counts))
    // Aliases in the order they were written, which the server numbers as SQLite does.
    let aliases = "SELECT group_concat(alias, ',') FROM (SELECT alias FROM team_alias ORDER BY rowid)"
    #expect(try runner.sql(aliases, workspace: backup) == runner.sql(aliases, workspace: file))

    // After the backup: a change, and a teammate's login mapped.
    #expect(try runner.run(["--workspace", database.url, "--yes", "-c", "set the amount of deal 42 to 1"]).status == 0)
    let (login, sam) = try database.login("sam")
    #expect(try runner.run(["login", "add", login, "sam", "--workspace", database.url]).status == 0)
    // Only an admin restores; the refusal is audited.
    let refused = try runner.run(["--workspace", sam, "restore", backup])
    #expect(refused.status == 1 && refused.stderr.contains("needs the admin role"), "\(refused.stderr)")
    #expect(try database.psql(input: "SELECT count(*) FROM audit WHERE actor = 'sam' AND outcome = 'refused'") == "1")

    // A login the backup maps and the workspace no longer does acts again: said by name.
    #expect(try runner.run(["login", "remove", riley, "--workspace", database.url]).status == 0)
    let restored = try runner.run(["--workspace", database.url, "restore", backup])
    #expect(restored.status == 0 && restored.stdout.hasPrefix("Restored"), "\(restored.stderr)")
    #expect(
      restored.stdout.contains("The backup maps logins the workspace did not: \(riley)."), "\(restored.stdout)")
    #expect(try database.psql(input: "SELECT amount FROM deal WHERE id = 42") != "1")
    #expect(
      try database.psql(input: "SELECT actor || ' ' || action FROM audit ORDER BY id DESC LIMIT 1") == "morgan restore")
    // The login mapped after the backup is no one again, and no member of the groups that
    // would let it write from psql.
    #expect(try runner.run(["--workspace", sam, "-c", "who am I"]).status == 64)
    #expect(
      try database.psql(
        input: "SELECT count(*) FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = '\(login)'"
      )
        == "0")
  }

  @Test func aFileThatIsNotAWorkspaceLeavesTheServerAsItWas() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    let broken = runner.home.appendingPathComponent("broken.sqlite")
    try Data("SQLite format 3\0".utf8 + Array(repeating: UInt8(7), count: 4_000)).write(to: broken)
    let result = try runner.run(["init", database.url, "--from", broken.path])
    #expect(result.status == 74 && result.stderr.contains(broken.path), "\(result.stderr)")
    let tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
    #expect(try database.psql(input: tables) == "0")
    // A workspace file that maps a login the server lacks is refused whole, by name.
    let mapped = runner.home.appendingPathComponent("mapped.sqlite").path
    #expect(try runner.run(["init", mapped]).status == 0)
    _ = try runner.sql(
      "INSERT INTO login (name, person_id) SELECT 'no_such_login', id FROM person WHERE handle = 'sam'",
      workspace: mapped)
    let refused = try runner.run(["init", database.url, "--from", mapped])
    #expect(refused.status == 65 && refused.stderr.contains("there is no login no_such_login"), "\(refused.stderr)")
    #expect(try database.psql(input: tables) == "0")
  }
}
