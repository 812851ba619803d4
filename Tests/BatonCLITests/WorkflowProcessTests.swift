import Foundation
import Testing

/// Workflows across real processes: confirmation in scripts, two sessions racing on one deal,
/// a session killed in the middle of a handoff.
@Suite(.serialized) struct WorkflowProcessTests {
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

  @Test func twoSessionsMovingOneDealOneWinsAndTheOtherIsTold() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])  // creates the workspace before the race
    let before = Int(try runner.sql("SELECT count(*) FROM stage_change WHERE deal_id = 42")) ?? 0
    let line = ["--yes", "--as", "jordan", "-c", "move deal 42 to negotiation anyway because the buyer confirmed"]
    // The first holds its transaction open a moment; the second checks the rules meanwhile,
    // on the old state, and then waits for the write lock: the race, made certain.
    let first = try runner.start(line, extra: ["BATON_DEBUG_PAUSE_IN_WRITE_MS": "1500"])
    #expect(try Self.waitForWriteLock(runner))
    let second = try runner.start(line)
    let (won, lost) = (first.finish(), second.finish())
    #expect(won.status == 0 && won.stdout.hasPrefix("Moved deal 42 to Negotiation."))
    #expect(lost.status == 1)
    #expect(
      lost.stdout
        == "Not done: deal 42 was moved to Negotiation by someone else just now; look again before moving it.\n")
    #expect(try runner.sql("SELECT count(*) FROM stage_change WHERE deal_id = 42") == String(before + 1))
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'") == "1")
  }

  @Test func aSessionKilledDuringAHandoffLeavesItWhollyAbsent() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    let tasks = try runner.sql("SELECT count(*) FROM task")
    let running = try runner.start(
      ["--yes", "-c", "trigger handoff for deal 8"], extra: ["BATON_DEBUG_PAUSE_IN_WRITE_MS": "10000"])
    // Wait until the handoff's transaction holds the write lock, then kill the process in it.
    #expect(try Self.waitForWriteLock(runner), "the handoff never took the write lock")
    kill(running.process.processIdentifier, SIGKILL)
    _ = running.finish()
    #expect(try runner.sql("PRAGMA integrity_check") == "ok")
    #expect(try runner.sql("SELECT count(*) FROM workflow_run WHERE deal_id = 8") == "0")
    #expect(try runner.sql("SELECT count(*) FROM task") == tasks)
    #expect(try runner.sql("SELECT count(*) FROM audit") == "0")
    // The handoff then runs whole.
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
    // baton waits is seen by the next line.
    baton.send("show deal 42")
    #expect(baton.reply() == "Deal 42: Nakatomi Expansion")
    #expect(baton.reply() == "  Account: Nakatomi   Owner: Sam Carter")
    #expect(baton.reply()?.hasPrefix("  Stage: Proposal") == true)
    _ = try runner.sql("UPDATE deal SET name = 'Nakatomi Tower Expansion' WHERE id = 42")
    while baton.reply(timeout: 0.5) != nil {}  // the rest of the first reply
    baton.send("show deal 42")
    var reply: [String] = []
    while let line = baton.reply(timeout: 0.5) { reply.append(line) }
    #expect(reply.contains("Deal 42: Nakatomi Tower Expansion"), "\(reply)")
    #expect(try baton.finish() == 0)
  }

  @Test func aScriptKilledPartWayKeepsEveryChangeItReported() throws {
    let runner = try BinaryRunner()
    let (script, moves) = try Self.movesScript(runner, count: 300)
    // Each change held open a little, so the script takes a few seconds and is killed in it.
    let baton = try PipeConversation(
      runner, ["--yes", "--as", "jordan", "-f", script.path], extra: ["BATON_DEBUG_PAUSE_IN_WRITE_MS": "10"])
    var reported = 0
    while reported < 40, let reply = baton.reply() {
      #expect(reply.hasPrefix("Moved deal 42 to"))
      reported += 1
    }
    kill(baton.process.processIdentifier, SIGKILL)
    baton.process.waitUntilExit()
    #expect(reported == 40)
    let saved = Int(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'")) ?? -1
    // Every reply shown was saved (a group is shown only once committed); the kill came
    // before the end; each saved move has its history row and nothing is half-written.
    #expect(saved >= reported)
    #expect(saved < moves.count)
    #expect(
      try runner.sql("SELECT count(*) FROM stage_change WHERE deal_id = 42 AND actor = 'jordan'") == String(saved))
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 42") == (saved % 2 == 0 ? "proposal" : "discovery"))
    #expect(try runner.sql("PRAGMA integrity_check") == "ok")
  }

  @Test func anotherSessionWritesWhileALongScriptRuns() throws {
    let runner = try BinaryRunner()
    let (script, moves) = try Self.movesScript(runner, count: 2_000)
    let long = try runner.start(["--yes", "--as", "jordan", "-f", script.path])
    #expect(try Self.waitForWriteLock(runner))
    // The script holds the write lock a group at a time; the other session gets it between
    // two groups instead of timing out as "locked".
    let other = try runner.run(["--yes", "--as", "jordan", "-c", "assign a follow-up on deal 7 to Priya by Friday"])
    #expect(other.status == 0)
    #expect(other.stdout.hasPrefix("Created task"))
    #expect(long.process.isRunning, "the script ended before the other session wrote: make it longer")
    let finished = long.finish()
    #expect(finished.status == 0)
    #expect(try runner.sql("SELECT count(*) FROM audit WHERE outcome = 'done'") == String(moves.count + 1))
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

  /// Waits up to 5 s until a baton process holds the workspace's write lock.
  static func waitForWriteLock(_ runner: BinaryRunner) throws -> Bool {
    for _ in 0..<100 {
      Thread.sleep(forTimeInterval: 0.05)
      if try lockHeld(runner) { return true }
    }
    return false
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
