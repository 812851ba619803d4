import BatonTestSupport
import Foundation
import Testing

/// The workspace as files on disk: a copy taken after baton exits holds every change, bad
/// paths are refused with a message (never a crash, a replaced link or a quiet schema), and
/// every file baton makes is its user's alone.
@Suite(.tags(.process)) struct WorkspaceFilesTests {
  private func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  @Test func aCopyOfTheFileAfterAWritingRunHoldsItsChanges() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    let moved = try runner.run(["--as", "jordan", "--yes", "-c", "move deal 42 to discovery"])
    #expect(moved.status == 0, "\(moved.stderr)")
    // Nothing left in a write-ahead log beside the file.
    let wal = runner.workspace + "-wal"
    let leftover = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
    #expect(leftover == 0)
    let copy = runner.home.appendingPathComponent("copy.sqlite").path
    try FileManager.default.copyItem(atPath: runner.workspace, toPath: copy)
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 42", workspace: copy) == "discovery")
    #expect(try runner.sql("PRAGMA integrity_check", workspace: copy) == "ok")
  }

  @Test func badPathsAreRefusedWithAMessage() throws {
    let runner = try BinaryRunner()
    let folder = runner.home.path
    // A zero-byte file is not a workspace, and is left as it was.
    let zero = folder + "/zero.sqlite"
    #expect(FileManager.default.createFile(atPath: zero, contents: Data()))
    let empty = try runner.run(["--workspace", zero, "-c", "help"])
    #expect(empty.status == 74 && empty.stderr.contains("the file is empty (0 bytes)"))
    #expect(try FileManager.default.attributesOfItem(atPath: zero)[.size] as? Int == 0)
    // A dangling link is followed: init makes the file it names and the link stays a link.
    let link = folder + "/linked.sqlite"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.sqlite")
    let missing = try runner.run(["--workspace", link, "-c", "help"])
    #expect(missing.status == 74 && missing.stderr.contains("no workspace at"))
    #expect(try runner.run(["init", link]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.sqlite")
    #expect(FileManager.default.fileExists(atPath: folder + "/target.sqlite"))
    #expect(try runner.run(["--workspace", link, "-c", "show deal 42"]).status == 0)
    // Links that loop.
    try FileManager.default.createSymbolicLink(atPath: folder + "/a.sqlite", withDestinationPath: "b.sqlite")
    try FileManager.default.createSymbolicLink(atPath: folder + "/b.sqlite", withDestinationPath: "a.sqlite")
    for arguments in [["init", folder + "/a.sqlite"], ["--workspace", folder + "/a.sqlite", "-c", "help"]] {
      let loop = try runner.run(arguments)
      #expect(loop.status == 74 && loop.stderr.contains("its symbolic links loop"), "\(arguments)")
    }
    // A URL is not a path: nothing is made for it.
    for arguments in [["init", "mysql://host/db"], ["--workspace", "mysql://host/db", "-c", "help"]] {
      let url = try runner.run(arguments)
      #expect(url.status == 74 && url.stderr.contains("is a URL, not a file"), "\(arguments)")
    }
    #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("mysql:").path))
    // A PostgreSQL database is a shared workspace (SharedWorkspaceTests); a server that is
    // not there is an unusable workspace, and nothing is made in its place.
    for arguments in [
      ["init", "postgres://127.0.0.1:1/db?sslmode=disable"],
      ["--workspace", "postgres://127.0.0.1:1/db?sslmode=disable", "-c", "help"],
    ] {
      let noServer = try runner.run(arguments)
      #expect(noServer.status == 74 && noServer.stderr.contains("no connection to 127.0.0.1:1"), "\(noServer.stderr)")
    }
  }

  /// A backup taken while a script writes is whole; restoring it (an admin only) puts the
  /// workspace back as it was, through SQLite, never a file copied over a live log.
  @Test func aBackupTakenWhileAScriptWritesRestoresWhole() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    let moves = (0..<400).map { $0 % 2 == 0 ? "move deal 42 to discovery" : "move deal 42 to proposal" }
    let writing = try runner.start(["--as", "jordan", "--yes"], stdin: moves.joined(separator: "\n") + "\n")
    let backup = runner.home.appendingPathComponent("backup.sqlite").path
    let taken = try runner.run(["backup", backup])
    #expect(taken.status == 0, "\(taken.stderr)")
    #expect(writing.finish().status == 0)
    #expect(try runner.sql("PRAGMA integrity_check", workspace: backup) == "ok")
    let saved = try runner.sql("SELECT count(*) FROM audit", workspace: backup)
    #expect(try runner.sql("SELECT count(*) FROM audit") == "400")
    // Only an admin restores, and not under another session: both refusals are audited.
    #expect(try runner.run(["--as", "jordan", "restore", backup]).status == 1)
    let open = try PipeConversation(runner, [])
    open.send("who owns stage exit criteria")
    #expect(open.reply()?.hasPrefix("Stage exit criteria") == true)  // it has the workspace open
    let underAnother = try runner.run(["--as", "morgan", "restore", backup])
    #expect(underAnother.status == 1 && underAnother.stderr.contains("another baton session has"))
    #expect(try open.finish() == 0)
    #expect(
      try runner.sql("SELECT group_concat(actor || ' ' || outcome, ', ') FROM audit WHERE action = 'restore'")
        == "jordan refused, morgan refused")
    let restored = try runner.run(["--as", "morgan", "restore", backup])
    #expect(restored.status == 0, "\(restored.stderr)")
    // The log is the backup's, and then the restore itself, by whom and from what.
    #expect(try runner.sql("SELECT count(*) FROM audit") == String((Int(saved) ?? -9) + 1))
    #expect(
      try runner.sql("SELECT actor || ' ' || action || ' ' || outcome FROM audit ORDER BY id DESC LIMIT 1")
        == "morgan restore done")
    #expect(try runner.sql("PRAGMA integrity_check") == "ok")
    #expect(try runner.run(["-c", "show deal 42"]).status == 0)
    // A backup is never written over without --force.
    #expect(try runner.run(["backup", backup]).status == 74)

    // A new workspace made from the backup (`init --from` takes a workspace file as well as
    // a model file) holds its records and its log; the backup is only read.
    let copy = runner.home.appendingPathComponent("copy.sqlite").path
    let made = try runner.run(["init", copy, "--from", backup])
    #expect(made.status == 0 && made.stdout == "Made a workspace at \(copy) from the workspace file \(backup).\n")
    #expect(try runner.sql("SELECT count(*) FROM audit", workspace: copy) == saved)
    let question = ["--as", "morgan", "-c", "show deal 42"]
    #expect(
      try runner.run(["--workspace", copy] + question).stdout == runner.run(["--workspace", backup] + question).stdout)
    #expect(try runner.run(["init", copy, "--from", backup]).status == 74)
  }

  /// A script's line that cannot get the write lock in its wait ends the run with 74 (the
  /// lines after it would fail alike), after the lines before it were answered.
  @Test func aLineThatCannotGetTheLockEndsTheRunWith74() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    let holder = try LockHolder(runner.workspace)  // a writer's lock; readers go on
    let script = "who owns stage exit criteria\nmove deal 42 to discovery\nwhat is an SQL\n"
    let result = try runner.run(["--as", "jordan", "--yes"], stdin: script)
    try holder.release()
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Stage exit criteria:"))
    #expect(!result.stdout.contains("SQL: A sales-qualified lead"))
    #expect(result.stderr.contains("<stdin>:2:"))
  }

  /// The engine cache keeps the engines of the 16 workspaces used last, not one for every
  /// path ever opened.
  @Test func theEngineCacheIsBounded() throws {
    let runner = try BinaryRunner()
    let cache = runner.home.appendingPathComponent(".cache/baton")
    try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
    // Twenty engines saved long ago, oldest first.
    for index in 0..<20 {
      let file = cache.appendingPathComponent("engine-old\(index).bin")
      try Data("stale".utf8).write(to: file)
      let written = Date(timeIntervalSince1970: 1_000_000 + Double(index))
      try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: file.path)
    }
    #expect(try runner.run(["-c", "help"]).status == 0)
    let kept = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("engine-") }
    #expect(kept.count == 16)
    #expect(!kept.contains("engine-old0.bin") && kept.contains("engine-old19.bin"))
    #expect(kept.contains { !$0.hasPrefix("engine-old") }, "the engine just saved is kept")
  }

  /// A new workspace is in WAL mode from the start: sessions opening it at once all answer,
  /// none told "locked" for racing to switch it.
  @Test func sixteenSessionsOpeningANewWorkspaceAtOnceAllAnswer() throws {
    let runner = try BinaryRunner()
    let path = runner.home.appendingPathComponent("fresh.sqlite").path
    #expect(try runner.run(["init", path]).status == 0)
    #expect(try runner.sql("PRAGMA journal_mode", workspace: path) == "wal")
    let running = try (0..<16).map { _ in
      try runner.start(["--workspace", path, "--as", "jordan", "-c", "who owns stage exit criteria"])
    }
    let results = running.map { $0.finish() }
    #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr).filter { !$0.isEmpty })")
  }

  @Test func everyFileBatonMakesIsItsUsersAlone() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["--as", "jordan", "--yes", "-c", "move deal 42 to discovery"])
    #expect(try mode(runner.workspace) == 0o600)
    #expect(try mode(runner.workspace + ".baton-lock") == 0o600)
    let cache = runner.home.appendingPathComponent(".cache/baton").path
    #expect(try mode(cache) == 0o700)
    for file in try FileManager.default.contentsOfDirectory(atPath: cache) {
      #expect(try mode(cache + "/" + file) == 0o600, "\(file)")
    }
    #expect(try mode(runner.home.appendingPathComponent(".local/share/baton").path) == 0o700)
  }
}
