import BatonTestSupport
import Foundation
import Testing

/// The built binary with piped input, files and flags: what a script sees.
@Suite(.serialized, .tags(.process)) struct ScriptedModeTests {
  @Test func pipedQuestionIsAnsweredWithNoPromptAndExitZero() throws {
    let runner = try BinaryRunner()
    let result = try runner.run([], stdin: "who owns stage exit criteria\n")
    #expect(result.status == 0)
    #expect(
      result.stdout
        == "Stage exit criteria: governed by RevOps (Jordan, accountable); Sales Ops (Priya, responsible) owns rep behaviour and manager inspection; VP Sales (Taylor) consulted; CRO (Morgan) informed.\n"
    )
    #expect(result.stderr == "baton: created a demo workspace at \(runner.workspace)\n")
    // The second run reuses the workspace and says nothing on stderr.
    let again = try runner.run(["-c", "what is an SQL"])
    #expect(again.status == 0 && again.stderr.isEmpty)
  }

  @Test func notUnderstoodExitsOneWithASuggestion() throws {
    let runner = try BinaryRunner()
    let result = try runner.run(["-c", "blorp", "-c", "who own stage exit criteria pls"])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("Not understood: “blorp”: baton knows none of its words."))
    #expect(result.stderr.contains("baton:-c:1: not_understood: Not understood: “blorp”:"))
    let suggestion = try runner.run(["-c", "who is the boss of everything"])
    #expect(suggestion.status == 1)
    #expect(
      suggestion.stdout.contains("Did you mean: “") && suggestion.stdout.contains("“who owns stage exit criteria”"))
  }

  @Test func scriptFilesNameTheFailingLineAndStrictStops() throws {
    let runner = try BinaryRunner()
    let script = runner.home.appendingPathComponent("review.txt")
    try "# monday review\n\nwho owns territory rules\nblorp\nwhat is an SQL\n".write(
      to: script, atomically: true, encoding: .utf8)
    let result = try runner.run(["-f", script.path, "--echo"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("baton:\(script.path):4: not_understood:"))
    #expect(result.stdout.contains("> who owns territory rules\nTerritory rules:"))
    #expect(result.stdout.contains("> what is an SQL\nSQL:"))
    let strict = try runner.run(["-f", script.path, "--strict"])
    #expect(strict.status == 1)
    #expect(!strict.stdout.contains("SQL:"))
  }

  @Test func jsonPrintsOneSortedObjectPerLine() throws {
    let runner = try BinaryRunner()
    let result = try runner.run(["--json"], stdin: "who owns stage exit criteria\nand who is consulted?\nblorp\n")
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
    #expect(objects[0]["intent"] as? String == "ownership.who")
    #expect(objects[0]["ok"] as? Bool == true)
    let slots = objects[1]["slots"] as? [String: [String: String]]
    #expect(slots?["responsibility"]?["from"] == "context")
    #expect(slots?["raci"]?["value"] == "C")
    #expect(objects[2]["kind"] as? String == "not_understood")
    #expect(objects[2]["intent"] is NSNull)
    #expect(lines[0].hasPrefix(#"{"data":"#))
    // The answers carry their data with `--json` (text output skips building it).
    #expect((objects[0]["data"] as? [String: Any])?["id"] as? String == "stage-exit-criteria")
    #expect(((objects[1]["data"] as? [String: Any])?["consulted"] as? [Any])?.isEmpty == false)
  }

  @Test func aCorruptOrLockedWorkspaceExits74WithNothingWritten() throws {
    let runner = try BinaryRunner()
    let path = runner.home.appendingPathComponent("broken.sqlite").path
    let garbage = Data(repeating: 0x42, count: 2048)
    try garbage.write(to: URL(fileURLWithPath: path))
    let result = try runner.run(["--workspace", path, "-c", "who owns stage exit criteria"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("is not a usable baton workspace"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)

    // Another process holds the write lock: baton waits its busy timeout, then says so.
    let locked = runner.home.appendingPathComponent("locked.sqlite").path
    #expect(try runner.run(["init", locked]).status == 0)
    let holder = try LockHolder(
      locked, statements: "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE setting SET value = value;")
    let blocked = try runner.run(["--workspace", locked, "-c", "who owns stage exit criteria"])
    try holder.release()
    #expect(blocked.status == 74)
    #expect(blocked.stderr.contains("is locked by another baton"))
  }

  @Test func echoShowsControlCharactersEscaped() throws {
    let runner = try BinaryRunner()
    // An OSC 52 clipboard write and a bell inside a line must not reach the terminal.
    let result = try runner.run(["--echo"], stdin: "show deal 42\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}\n")
    #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
    #expect(result.stdout.hasPrefix("> show deal 42^[]52;c;ZWNobyBwd25lZA==^G\n"))
  }

  @Test func aOneCharacterRelativeWorkspacePathWorks() throws {
    // Foundation's path splitting trapped on these (exit 132, no message).
    let runner = try BinaryRunner()
    let made = try runner.run(["init", "k"])
    #expect(made.status == 0)
    #expect(FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("k").path))
    let asked = try runner.run(["--workspace", "k", "-c", "what is an SQL"])
    #expect(asked.status == 0 && asked.stdout.hasPrefix("SQL: A sales-qualified lead"))
  }

  @Test func aNamedWorkspaceThatIsNotThereIsAnErrorNotANewCompany() throws {
    let runner = try BinaryRunner()
    let typo = try runner.run(["--workspace", "tpyo/deeper/ws.sqlite", "--yes", "-c", "route lead 17"])
    #expect(typo.status == 74)
    #expect(
      typo.stderr
        == "baton: error: no workspace at tpyo/deeper/ws.sqlite; make one with baton init tpyo/deeper/ws.sqlite (add --empty for one without the demo)\n"
    )
    #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("tpyo").path))
    let viaEnvironment = try runner.run(["-c", "what is an SQL"], extra: ["BATON_WORKSPACE": "z"])
    #expect(viaEnvironment.status == 74)
    // The default workspace is still made on first use.
    let first = try runner.run(["-c", "what is an SQL"])
    #expect(first.status == 0 && first.stderr.hasPrefix("baton: created a demo workspace at"))
  }

  @Test func aBrokenIntentFileExits65WithFileAndLine() throws {
    let runner = try BinaryRunner()
    let folder = runner.home.appendingPathComponent("my-intents")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try
      "version: 1\nintents:\n  - name: deal.peek\n    action: deal.show\n    slots:\n      deal: dael\n    examples:\n      - peek at {deal}\n"
      .write(to: folder.appendingPathComponent("deals.yaml"), atomically: true, encoding: .utf8)
    let result = try runner.run(["--intents", folder.path, "-c", "show deal 42"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("my-intents/deals.yaml:6:13: error: unknown slot type 'dael'"))
    #expect(result.stderr.contains("note: did you mean 'deal'?"))
    let check = try runner.run(["intents", "check", folder.path])
    #expect(check.status == 65)
    let builtIn = try runner.run(["intents", "check"])
    #expect(builtIn.status == 0)
    #expect(builtIn.stdout.contains("0 errors, 0 warnings"))
  }

  @Test func usageErrorsExit64AndHelpListsExitCodes() throws {
    let runner = try BinaryRunner()
    #expect(try runner.run(["--no-such-flag"]).status == 64)
    #expect(try runner.run(["--as", "nobody", "-c", "help"]).status == 64)
    #expect(try runner.run(["-f", "/nonexistent/script.txt"]).status == 64)
    let help = try runner.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("74  workspace unusable"))
  }

  @Test func escapeSequencesInDataAreShownEscaped() throws {
    let runner = try BinaryRunner()
    let result = try runner.run(["-c", "show deal \u{1B}[31m42"])
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(!result.stderr.contains("\u{1B}"))
  }

  @Test func invalidBytesAndHugeLinesGetOneJSONReplyEach() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", "help"])
    var bytes = Data()
    let lines: [[UInt8]] = [
      Array("who owns stage exit criteria".utf8), [0xFF, 0xFE, 0x41, 0xC3], [0xE2, 0x82], [0x1B, 0x5B, 0x32, 0x4A],
      Array(repeating: 0x61, count: 1_000_000), Array("show deal 42".utf8) + [0x00] + Array(" drop table deal".utf8),
      Array("deal 99999999999999999999".utf8), Array("move deal 42 to negotiation".utf8),
    ]
    for line in lines { bytes.append(contentsOf: line + [0x0A]) }
    let file = runner.home.appendingPathComponent("hostile.txt")
    try bytes.write(to: file)
    let before = try runner.sql("SELECT count(*), sum(amount), group_concat(stage_id) FROM deal")
    let result = try runner.run(["--json", "-f", file.path])
    #expect(result.status == 1)
    let replies = result.stdout.split(separator: "\n")
    #expect(replies.count == lines.count)
    for reply in replies {
      let object = try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any]
      #expect(object?["ok"] is Bool)
    }
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(try runner.sql("SELECT count(*), sum(amount), group_concat(stage_id) FROM deal") == before)
    #expect(try runner.sql("PRAGMA integrity_check") == "ok")
  }
}

/// The built engine is saved between runs, rebuilt when what it is built from changes, and
/// never trusted when its file is damaged.
@Suite(.tags(.process)) struct EngineCacheTests {
  static let question = "who owns stage exit criteria"

  func cacheFiles(_ runner: BinaryRunner) throws -> [URL] {
    let folder = runner.home.appendingPathComponent(".cache/baton")
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasPrefix("engine-") }
  }

  @Test func theEngineIsSavedThenReused() throws {
    let runner = try BinaryRunner()
    let first = try runner.run(["-c", Self.question])
    #expect(first.status == 0)
    let files = try cacheFiles(runner)
    #expect(files.count == 1)
    let saved = try Data(contentsOf: files[0])
    let second = try runner.run(["-c", Self.question])
    #expect(second.stdout == first.stdout && second.status == 0)
    #expect(try Data(contentsOf: files[0]) == saved)
    let off = try BinaryRunner()
    _ = try off.run(["-c", Self.question], extra: ["BATON_NO_CACHE": "1"])
    #expect(!FileManager.default.fileExists(atPath: off.home.appendingPathComponent(".cache/baton").path))
  }

  @Test func aDamagedFileIsIgnoredAndReplaced() throws {
    let runner = try BinaryRunner()
    let first = try runner.run(["-c", Self.question])
    let file = try #require(try cacheFiles(runner).first)
    var bytes = try Data(contentsOf: file)
    for position in stride(from: 40, to: bytes.count, by: 4_099) { bytes[position] ^= 0xff }
    try bytes.write(to: file)
    let again = try runner.run(["-c", Self.question])
    #expect(again.status == 0 && again.stdout == first.stdout)
    try Data("not an engine".utf8).write(to: file)
    let third = try runner.run(["-c", Self.question])
    #expect(third.status == 0 && third.stdout == first.stdout)
    #expect(try Data(contentsOf: file).count > 1_000)
  }

  @Test func newPhrasingsAndNewNamesRebuildTheEngine() throws {
    let runner = try BinaryRunner()
    _ = try runner.run(["-c", Self.question])
    let folder = runner.home.appendingPathComponent("my-intents")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let before = try runner.run(["--intents", folder.path, "-c", "cat herder in chief for stage exit criteria"])
    #expect(before.status == 1)
    try
      "version: 1\nintents:\n  - name: ownership.who\n    action: ownership.who\n    slots:\n      responsibility: responsibility\n    examples:\n      - cat herder in chief for {responsibility}\n"
      .write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    let after = try runner.run(["--intents", folder.path, "-c", "cat herder in chief for stage exit criteria"])
    #expect(after.status == 0 && after.stdout.hasPrefix("Stage exit criteria: governed by RevOps"))
    // An import that adds an account changes the names the engine must know.
    let unknown = try runner.run(["-c", "deals at Acme Widgets"])
    #expect(unknown.status == 1)
    let accounts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/import/accounts.csv")
    #expect(try runner.run(["import", "accounts", accounts.path]).status == 0)
    let known = try runner.run(["-c", "deals at Acme Widgets"])
    #expect(known.status == 0 && known.stdout.contains("Acme Widgets"), "\(known.stdout)")
  }

  /// A start that finds the workspace's names token unchanged reads the names saved with the
  /// engine; a name changed by another program (sqlite3 here) changes the token, and the
  /// next start knows the new name and no longer the old one (a stale engine would not know
  /// "Zenith Robotics" and would list every account's deals).
  @Test func aNameChangedByAnotherProgramIsKnownAtTheNextStart() throws {
    let runner = try BinaryRunner()
    let before = try runner.run(["-c", "deals at Globex"])
    #expect(before.status == 0 && before.stdout.contains("Globex"), "\(before.stdout)")
    let saved = try Data(contentsOf: try #require(try cacheFiles(runner).first))
    #expect(try runner.run(["-c", "deals at Globex"]).stdout == before.stdout)
    #expect(try Data(contentsOf: try #require(try cacheFiles(runner).first)) == saved)
    _ = try runner.sql("UPDATE account SET name = 'Zenith Robotics' WHERE name = 'Globex'")
    let renamed = try runner.run(["-c", "deals at Zenith Robotics"])
    #expect(renamed.status == 0 && renamed.stdout.contains("Zenith Robotics"), "\(renamed.stdout)")
    // Globex is no longer an account: the line lists the open deals of every account.
    #expect(try !runner.run(["-c", "deals at Globex"]).stdout.hasPrefix("Open deals at Globex"))
    #expect(try cacheFiles(runner).count == 1)
  }
}
