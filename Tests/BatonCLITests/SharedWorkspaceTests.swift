import BatonTestSupport
import Foundation
import Testing

/// A shared workspace on the test server (`BATON_TEST_POSTGRES`; skipped without one) used
/// as a team uses it: the same questions and workflows answer the same as on a file, and
/// the actor is the login.
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct SharedWorkspaceTests {
  /// A revenue leader's questions, then an ops user's workflows (a refusal, evidence, a
  /// move by pointer, a task, a proposal and its undo, a reassignment that moves deals, a
  /// routing, an update), then the log: every reply on the server as on a file.
  static let script = """
    who owns stage exit criteria
    what was our win rate in 2025
    summarize the pipeline by owner
    forecast for avery
    which deals are stuck
    our 5 biggest open deals
    list the stages
    trigger handoff for deal 8
    move deal 42 to negotiation
    record budget confirmed on deal 42
    move it to negotiation
    assign a follow-up to Priya by Friday
    propose a new stage Verbal Commit
    undo
    reassign Soylent to avery
    route lead 17
    set the amount of deal 42 to 400000
    show deal 42
    what changed today
    """

  @Test func aScriptAnswersAndChangesASharedWorkspaceAsAFile() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    let file = runner.home.appendingPathComponent("team.sqlite").path
    #expect(try runner.run(["init", file]).status == 0)
    #expect(try runner.run(["init", database.url]).status == 0)

    // The file's user says who they are; the server's is its login, mapped to Morgan at init.
    let onFile = try runner.run(["--workspace", file, "--as", "morgan", "--yes"], stdin: Self.script)
    let onServer = try runner.run(["--workspace", database.url, "--yes"], stdin: Self.script)
    #expect(onServer.stdout == onFile.stdout)
    #expect(onServer.stderr == onFile.stderr)
    #expect(onServer.status == onFile.status)
    // What the script did, not only that both did the same.
    #expect(onServer.stdout.contains("Moved deal 42 to Negotiation."), "\(onServer.stdout)")
    #expect(onServer.stdout.contains("Moved deal 41, deal 128 and deal 152 to Avery Patel."), "\(onServer.stdout)")
    #expect(
      try database.psql(input: "SELECT stage_id || ' ' || amount FROM deal WHERE id = 42") == "negotiation 400000")
    #expect(try database.psql(input: "SELECT count(*) FROM stage WHERE name = 'Verbal Commit'") == "0")
    // Every change and refusal is in the server's audit log, by the login's person.
    #expect(try database.psql(input: "SELECT count(*) FROM audit WHERE actor = 'morgan'") == "11")
  }

  /// A CRM export imported into an empty shared workspace lands as in a file: the same
  /// report, the same pipeline after, and a second import finds nothing new.
  @Test func aCRMExportImportsIntoASharedWorkspaceAsIntoAFile() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    let file = runner.home.appendingPathComponent("team.sqlite").path
    let export = ImportTests.fixtures.appendingPathComponent("salesforce-opportunities.csv").path
    for workspace in [file, database.url] {
      #expect(try runner.run(["init", workspace, "--empty"]).status == 0)
    }
    // The empty workspace's one user is its admin; the server's is the login that made it.
    let steps: [[String]] = [
      ["import", "deals", export], ["-c", "summarize the pipeline"], ["import", "deals", export],
    ]
    for step in steps {
      let onFile = try runner.run(step + ["--workspace", file])
      let onServer = try runner.run(step + ["--workspace", database.url])
      #expect(onServer.status == 0 && onServer.status == onFile.status, "\(step): \(onServer.stderr)")
      #expect(
        onServer.stdout.replacingOccurrences(of: database.url, with: file) == onFile.stdout, "\(step)")
    }
    #expect(try database.psql(input: "SELECT count(*) FROM deal") == "5")
    #expect(try database.psql(input: "SELECT count(*) FROM audit WHERE action = 'import.deals'") == "2")
  }

  /// Four sessions writing at once: each change is saved once, every reply shown is saved,
  /// and no session gives up (one that meets another's change runs its own again).
  @Test func fourSessionsAddingTasksAtOnceLoseNothing() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    #expect(try runner.run(["init", database.url]).status == 0)
    let before = Int(try database.psql(input: "SELECT count(*) FROM task")) ?? -1
    let script = String(repeating: "assign a follow-up on deal 42 to Priya by Friday\n", count: 25)
    let sessions = try (0..<4).map { _ in try runner.start(["--workspace", database.url, "--yes"], stdin: script) }
    for result in sessions.map({ $0.finish() }) {
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.components(separatedBy: "Created task").count - 1 == 25, "\(result.stdout)")
    }
    #expect(try database.psql(input: "SELECT count(*) FROM task") == "\(before + 100)")
    #expect(try database.psql(input: "SELECT count(*) FROM audit WHERE action = 'task.assign'") == "100")
  }

  @Test func onASharedWorkspaceYouAreYourLogin() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    #expect(try runner.run(["init", database.url]).status == 0)
    let me = try runner.run(["--workspace", database.url, "-c", "who am I"])
    #expect(me.status == 0 && me.stdout.contains("You are Morgan Blake (morgan, CRO)"), "\(me.stdout)\(me.stderr)")
    for extra in [["--as", "jordan"]] {
      let other = try runner.run(["--workspace", database.url] + extra + ["-c", "who am I"])
      #expect(other.status == 64, "\(other.stderr)")
      #expect(other.stderr.contains("you act as your PostgreSQL login (postgres)"), "\(other.stderr)")
    }
    let fromEnvironment = try runner.run(
      ["--workspace", database.url, "-c", "who am I"], extra: ["BATON_USER": "jordan"])
    #expect(fromEnvironment.status == 64 && fromEnvironment.stdout.isEmpty, "\(fromEnvironment.stdout)")
    // A login mapped to no one is told so, and reads nothing.
    try database.psql(input: "DELETE FROM login")
    let nobody = try runner.run(["--workspace", database.url, "-c", "who owns stage exit criteria"])
    #expect(nobody.status == 64 && nobody.stdout.isEmpty, "\(nobody.stdout)")
    #expect(nobody.stderr.contains("the login postgres is no one in"), "\(nobody.stderr)")
  }

  @Test func anAdminMapsATeammatesLoginAndTheTeammateIsThatPerson() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    #expect(try runner.run(["init", database.url]).status == 0)
    #expect(try runner.run(["login", "--workspace", database.url]).stdout == "postgres\tmorgan\n")
    // Sam logs in as a login of their own, which the database admin made.
    let (login, sam) = try database.login("sam")
    let unmapped = try runner.run(["--workspace", sam, "-c", "who am I"])
    #expect(unmapped.status == 64 && unmapped.stderr.contains("the login \(login) is no one"), "\(unmapped.stderr)")

    let missing = try runner.run(["login", "add", "\(login)_typo", "sam", "--workspace", database.url])
    #expect(missing.status == 1 && missing.stderr.contains("there is no login \(login)_typo"), "\(missing.stderr)")
    let added = try runner.run(["login", "add", login, "sam", "--workspace", database.url])
    #expect(added.status == 0 && added.stdout == "The login \(login) is Sam Carter (sam, rep).\n", "\(added.stderr)")
    let me = try runner.run(["--workspace", sam, "-c", "who am I"])
    #expect(me.status == 0 && me.stdout.contains("You are Sam Carter (sam"), "\(me.stdout)\(me.stderr)")
    // A rep works their own deals through baton, within the grants and row-level policies
    // the mapping gave: evidence, a move, a task for someone else, a handoff, its undo.
    let work = try runner.run(
      ["--workspace", sam, "--yes"],
      stdin: """
        record budget confirmed on deal 42
        move deal 42 to negotiation
        assign a follow-up on deal 42 to Priya by Friday
        record success criteria on deal 16
        trigger handoff for deal 16
        undo
        trigger handoff for deal 16

        """)
    #expect(work.status == 0, "\(work.stdout)\(work.stderr)")
    #expect(try database.psql(input: "SELECT stage_id FROM deal WHERE id = 42") == "negotiation")
    #expect(try database.psql(input: "SELECT count(*) FROM workflow_run WHERE deal_id = 16") == "1")
    #expect(try database.psql(input: "SELECT count(*) FROM task WHERE deal_id = 16") == "1")
    // A rep maps no one, and the refusal is audited.
    let refused = try runner.run(["login", "add", login, "jordan", "--workspace", sam])
    #expect(refused.status == 1 && refused.stderr.contains("needs the admin role"), "\(refused.stderr)")
    #expect(try database.psql(input: "SELECT count(*) FROM audit WHERE actor = 'sam' AND outcome = 'refused'") == "1")
    let removed = try runner.run(["login", "remove", login, "--workspace", database.url])
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(try runner.run(["--workspace", sam, "-c", "who am I"]).status == 64)
    // A file's user says who they are: it has no logins.
    #expect(try runner.run(["init"]).status == 0)
    let file = try runner.run(["login"])
    #expect(file.status == 74 && file.stderr.contains("is a workspace file"), "\(file.stderr)")
  }

  @Test func aDatabaseWithoutAWorkspaceIsNamedAsSuch() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    let empty = try runner.run(["--workspace", database.url, "-c", "who owns stage exit criteria"])
    #expect(empty.status == 74, "\(empty.stderr)")
    #expect(empty.stderr.contains("there is no baton workspace in postgres://"), "\(empty.stderr)")
  }
}
