import BatonTestSupport
import Foundation
import Testing

/// Workflows across real processes: confirmation in scripts, two sessions racing on one deal,
/// a session killed in the middle of a handoff.
@Suite(.serialized, .tags(.process)) struct WorkflowProcessTests {
  @Test func aScriptNeedsYesToChangeAnything() throws {
    let runner = try BinaryRunner()
    let refused = try runner.run(["-c", "move deal 42 to closed-lost"])
    #expect(refused.status == 1)
    #expect(refused.stdout.contains("Not done: a script confirms side effects with --yes."))
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 42") == "proposal")
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'") == "0")
    let done = try runner.run(["--yes", "-c", "move deal 42 to closed-lost"])
    #expect(done.status == 0)
    #expect(done.stdout == "Moved deal 42 to Closed-Lost.\n")
    #expect(try runner.sql("SELECT stage_id, close_date FROM deal WHERE id = 42") == "closed-lost|2026-11-23")
    #expect(try runner.sql("SELECT actor || ' ' || intent FROM audit WHERE outcome = 'done'") == "priya deal.move")
  }

  @Test func aQuestionNeverChangesAnythingEvenUnderYes() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    let owner = try runner.sql("SELECT owner_id FROM account WHERE name = 'Hooli'")
    let deals = try runner.sql(
      "SELECT group_concat(owner_id) FROM deal WHERE account_id = (SELECT id FROM account WHERE name = 'Hooli')")
    // The reassignment before it leaves Priya in focus; the question must not reuse her.
    let result = try runner.run(
      ["--as", "jordan", "--yes", "-c", "reassign globex to priya", "-c", "who owns the hooli account"])
    // The question is answered as the account's record: its owner, unchanged.
    #expect(result.status == 0)
    #expect(result.stdout.contains("Hooli: owned by Sam Carter"))
    #expect(try runner.sql("SELECT owner_id FROM account WHERE name = 'Hooli'") == owner)
    #expect(
      try runner.sql(
        "SELECT group_concat(owner_id) FROM deal WHERE account_id = (SELECT id FROM account WHERE name = 'Hooli')")
        == deals)
  }

  @Test func twoSessionsMovingOneDealOneWinsAndTheOtherIsTold() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])  // creates the workspace before the race
    let before = Int(try runner.sql("SELECT count(*) FROM stage_change WHERE deal_id = 42")) ?? 0
    let line = ["--yes", "--as", "jordan", "-c", "move deal 42 to negotiation anyway because the buyer confirmed"]
    // Another program holds the write lock while both sessions check the rules, on the same
    // state, and then wait for the lock: the race, made certain. Both are seen waiting
    // before the lock is let go.
    let holder = try LockHolder(runner.workspace)
    let first = try runner.start(line)
    let second = try runner.start(line)
    #expect(try Self.waitUntilWaitingForTheLock(first.process), "the first session never waited for the lock")
    #expect(try Self.waitUntilWaitingForTheLock(second.process), "the second session never waited for the lock")
    try holder.release()
    let results = [first.finish(), second.finish()]
    let won = results.filter { $0.status == 0 }
    let lost = results.filter { $0.status != 0 }
    #expect(won.count == 1 && lost.count == 1)
    #expect(won.first?.stdout.hasPrefix("Moved deal 42 to Negotiation.") == true)
    #expect(lost.first?.status == 1)
    #expect(
      lost.first?.stdout
        == "Not done: deal 42 was moved to Negotiation by someone else just now; look again before moving it.\n")
    #expect(try runner.sql("SELECT count(*) FROM stage_change WHERE deal_id = 42") == String(before + 1))
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'") == "1")
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'refused'") == "1")
  }

  /// Under contention every reply has its audit row: scripts moving one deal back and forth
  /// at once (whole groups of lines, each in one transaction) and single lines racing them
  /// (which check the deal before they wait for the lock, and may find it moved), each
  /// change done or refused, and the log holds as many of each.
  @Test func everyReplyUnderContentionHasItsAuditRow() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    let lines = (0..<30).map { $0 % 2 == 0 ? "move deal 42 to discovery" : "move deal 42 to proposal" }
    let script = lines.joined(separator: "\n") + "\n"
    var running = try (0..<3).map { _ in try runner.start(["--yes", "--as", "jordan"], stdin: script) }
    running += try (0..<8).map {
      try runner.start(["--yes", "--as", "jordan", "-c", $0 % 2 == 0 ? lines[0] : lines[1]])
    }
    let replies = running.map { $0.finish() }.flatMap { $0.stdout.split(separator: "\n") }
    let done = replies.filter { $0.hasPrefix("Moved deal 42") }.count
    let refused = replies.filter { $0.hasPrefix("Not done:") }.count
    let already = replies.filter { $0.hasPrefix("Deal 42 is already in") }.count
    #expect(done + refused + already == 98, "\(replies.filter { !$0.hasPrefix("Moved") }.prefix(5))")
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'") == String(done))
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'refused'") == String(refused))
  }

  @Test func aSessionKilledDuringAHandoffLeavesItWhollyAbsent() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    let tasks = try runner.sql("SELECT count(*) FROM task")
    // A trigger of the test's own makes the handoff's transaction long: its onboarding task's
    // insert runs a query over every combination of four deals.
    _ = try runner.sql(
      """
      CREATE TRIGGER slow_task AFTER INSERT ON task BEGIN
        SELECT sum(a.amount + b.amount + c.amount + d.amount) FROM deal a, deal b, deal c, deal d;
      END;
      """)
    let running = try runner.start(["--yes", "-c", "trigger handoff for deal 8"])
    // Wait until the handoff's transaction holds the write lock, then kill the process in it.
    #expect(try Self.waitForWriteLock(runner), "the handoff never took the write lock")
    kill(running.process.processIdentifier, SIGKILL)
    _ = running.finish()
    #expect(try runner.sql("PRAGMA integrity_check") == "ok")
    #expect(try runner.sql("SELECT count(*) FROM workflow_run WHERE deal_id = 8") == "0")
    #expect(try runner.sql("SELECT count(*) FROM task") == tasks)
    #expect(try runner.sql("SELECT count(*) FROM audit") == "0")
    // The handoff then runs whole.
    _ = try runner.sql("DROP TRIGGER slow_task")
    let again = try runner.run(["--yes", "-c", "trigger handoff for deal 8"])
    #expect(again.status == 0)
    #expect(try runner.sql("SELECT count(*) FROM workflow_run WHERE deal_id = 8") == "1")
  }

  @Test func aProgramTalkingThroughPipesGetsEachReplySavedBeforeBatonWaits() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    let baton = try PipeConversation(runner, ["--yes", "--as", "jordan"])
    baton.send("move deal 42 to discovery")
    // The reply arrives while baton waits for the next line (not held in a pipe's buffer),
    // and by then the change is in the file and the write lock is free for others.
    #expect(baton.reply() == "Moved deal 42 to Discovery.")
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 42") == "discovery")
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'") == "1")
    #expect(try !Self.lockHeld(runner))
    baton.send("undo")
    #expect(baton.reply()?.hasPrefix("Undone") == true)
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 42") == "proposal")
    baton.send("who owns stage exit criteria")
    #expect(baton.reply()?.hasPrefix("Stage exit criteria: governed by RevOps") == true)
    // Reads share a snapshot only within a group: a change another program makes while
    // baton waits is seen by the next line. A deal's reply is six lines.
    baton.send("show deal 42")
    let first = (0..<6).compactMap { _ in baton.reply() }
    #expect(first.first == "Deal 42: Nakatomi Expansion")
    #expect(first.count == 6 && first[1] == "  Account: Nakatomi   Owner: Sam Carter")
    _ = try runner.sql("UPDATE deal SET name = 'Nakatomi Tower Expansion' WHERE id = 42")
    baton.send("show deal 42")
    #expect(baton.reply() == "Deal 42: Nakatomi Tower Expansion")
    #expect(try baton.finish() == 0)
  }

  @Test func aScriptKilledPartWayKeepsEveryChangeItReported() throws {
    let runner = try BinaryRunner()
    let (script, moves) = try Self.movesScript(runner, count: 2_000)
    // The 1,500th move never finishes (a trigger of the test's own runs a query over every
    // combination of four deals), so the script is certainly killed part-way, inside a group.
    // Groups hold at most 1,000 lines, so at least 500 replies come before it.
    _ = try runner.sql(
      """
      CREATE TRIGGER slow_move AFTER INSERT ON stage_change
      WHEN (SELECT count(*) FROM stage_change WHERE actor = 'jordan') >= 1500 BEGIN
        SELECT sum(a.amount + b.amount + c.amount + d.amount) FROM deal a, deal b, deal c, deal d;
      END;
      """)
    let baton = try PipeConversation(runner, ["--yes", "--as", "jordan", "-f", script.path])
    var reported = 0
    while reported < 400, let reply = baton.reply() {
      #expect(reply.hasPrefix("Moved deal 42 to"))
      reported += 1
    }
    kill(baton.process.processIdentifier, SIGKILL)
    baton.process.waitUntilExit()
    #expect(reported == 400)
    let saved = Int(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'")) ?? -1
    // Every reply shown was saved (a group is shown only once committed); the kill came
    // before the end; each saved move has its history row and nothing is half-written.
    #expect(saved >= reported)
    #expect(saved < 1_500 && saved < moves.count)
    #expect(
      try runner.sql("SELECT count(*) FROM stage_change WHERE deal_id = 42 AND actor = 'jordan'") == String(saved))
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 42") == (saved % 2 == 0 ? "proposal" : "discovery"))
    #expect(try runner.sql("PRAGMA integrity_check") == "ok")
  }

  @Test func anotherSessionWritesWhileALongScriptRuns() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    // The script's lines come through a pipe that stays open until the other session is
    // done, so the script is still running (and writing group after group) meanwhile.
    let long = try PipeConversation(runner, ["--yes", "--as", "jordan"])
    let count = 4_000
    let feeder = Thread {
      for index in 0..<count { long.send(index % 2 == 0 ? "move deal 42 to discovery" : "move deal 42 to proposal") }
    }
    feeder.start()
    #expect(long.reply()?.hasPrefix("Moved deal 42 to") == true)
    // The script holds the write lock a group at a time; the other session gets it between
    // two groups instead of timing out as "locked".
    let other = try runner.run(["--yes", "--as", "jordan", "-c", "assign a follow-up on deal 7 to Priya by Friday"])
    #expect(other.status == 0)
    #expect(other.stdout.hasPrefix("Created task"))
    #expect(long.process.isRunning)
    var replies = 1
    while replies < count, long.reply() != nil { replies += 1 }
    #expect(replies == count)
    #expect(try long.finish() == 0)
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'") == String(count + 1))
  }

  /// A workspace, and a script of `count` lines moving deal 42 back and forth, for the
  /// tests of grouped commits.
  static func movesScript(_ runner: BinaryRunner, count: Int) throws -> (URL, [String]) {
    _ = try runner.run(["-c", "help"])
    let script = runner.home.appendingPathComponent("moves.txt")
    let moves = (0..<count).map { $0 % 2 == 0 ? "move deal 42 to discovery" : "move deal 42 to proposal" }
    try (moves.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
    return (script, moves)
  }

  /// Waits (up to 10 s) until a baton process holds the workspace's write lock.
  static func waitForWriteLock(_ runner: BinaryRunner) throws -> Bool {
    try ReadinessWait.until(seconds: 10) { try lockHeld(runner) }
  }

  /// Waits (up to 10 s) until `process` sleeps in SQLite's busy handler, waiting for the
  /// write lock: its main thread sleeps in `nanosleep`.
  static func waitUntilWaitingForTheLock(_ process: Process) throws -> Bool {
    let channel = "/proc/\(process.processIdentifier)/wchan"
    return try ReadinessWait.until(seconds: 10) {
      guard process.isRunning else { return false }
      let text = (try? String(contentsOfFile: channel, encoding: .utf8)) ?? ""
      return text.contains("nanosleep")
    }
  }

  /// Whether another connection holds the workspace's write lock.
  static func lockHeld(_ runner: BinaryRunner) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [runner.workspace, "BEGIN IMMEDIATE; ROLLBACK;"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus != 0
  }
}
