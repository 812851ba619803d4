import BatonTestSupport
import Foundation
import Testing

/// The REPL at a real (pseudo-)terminal: editing keys, UTF-8, history, completion, Ctrl-C,
/// Ctrl-D. Assertions read baton's own replies, which prove what line it received.
@Suite(.serialized, .tags(.process)) struct InteractiveTests {
  static let answer = "Stage exit criteria: governed by RevOps"

  private func start(_ runner: BinaryRunner) throws -> PTYProcess {
    var environment = runner.environment
    environment["TERM"] = "xterm"
    let process = try PTYProcess(executable: BinaryRunner.executable, environment: environment)
    try process.expect("baton › ")
    try process.waitForRawMode()
    return process
  }

  @Test func editingKeysChangeTheLineBeforeItIsSent() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    // Type without "exit", go left over "criteria" and insert it; Ctrl-A then Ctrl-E.
    baton.send("who owns stage criteria")
    baton.send(String(repeating: "\u{1B}[D", count: 8))
    baton.send("exit \u{01}\u{05}\r")
    try baton.expect(Self.answer)
    try baton.awaitPrompt()
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
  }

  /// Replies fit the window as it is now: prose wraps at word boundaries to the width read
  /// again after the window is resized (SIGWINCH), and a table's numbers stay whole.
  @Test func repliesFitTheWindowAfterItIsResized() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    let line = "who should own a territory dispute between two AEs"
    baton.send(line + "\r")
    let wide = try baton.expect("RevOps governs it.")
    try baton.awaitPrompt()
    baton.resize(columns: 44)
    baton.send(line + "\r")
    let narrow = try baton.expect("RevOps governs it.")
    try baton.awaitPrompt()
    let reply = { (screen: String) in
      screen.split(separator: "\n").drop { !$0.hasPrefix("Sales Ops: it sits") }.map(String.init)
    }
    #expect(reply(wide).allSatisfy { $0.count <= 80 } && reply(wide).count >= 2)
    #expect(reply(narrow).allSatisfy { $0.count <= 44 } && reply(narrow).count > reply(wide).count)
    // Every word arrives whole: the wrapped lines rejoin to the same prose.
    #expect(reply(narrow).joined(separator: " ") == reply(wide).joined(separator: " "))
    // A line being typed when the window is resized is drawn again at the new width.
    baton.send("who owns territ")
    try baton.expect("who owns territ")
    try baton.waitUntilReading()
    let before = baton.raw.count
    baton.resize(columns: 60)
    try baton.expect("who owns territ")
    #expect(baton.raw.count > before)
    baton.send("ory rules\r")
    try baton.expect("Territory rules:")
    try baton.awaitPrompt()
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
  }

  /// Tab completes what fits where the cursor is, and lists the choices in libedit's
  /// columns when there are several.
  @Test func tabCompletesWhatFitsWhereTheCursorIs() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    baton.send("move deal 42 to Prop\t")
    baton.send("\r")
    try baton.expect("Deal 42 is already in Proposal.")
    try baton.awaitPrompt()
    baton.send("move deal 42 to \t")
    // The listing, then the line drawn again under it.
    let listing = try baton.expect("› move deal 42 to ")
    #expect(listing.contains("Negotiation") && listing.contains("Proposal") && !listing.contains("Globex"))
    try baton.waitForRawMode()
    baton.send("\u{15}what is an SQL\r")  // Ctrl-U clears the line
    try baton.expect("SQL: A sales-qualified lead")
    try baton.awaitPrompt()
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
  }

  /// Ctrl-R searches the history as readline's does: typing finds the latest line with the
  /// text, Ctrl-R an older one, and an arrow key ends the search on the line found and moves
  /// the cursor (libedit's own search typed "[C" into the line).
  @Test func ctrlRFindsAHistoryLineAndAnArrowEndsTheSearch() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    for line in ["what is an SQL", "who owns stage exit criteria", "what is an MQL"] {
      baton.send(line + "\r")
      try baton.awaitPrompt()
    }
    baton.send("\u{12}is an")  // the latest match: "what is an MQL"
    try baton.expect("reverse-i-search)`is an': what is an MQL")
    baton.send("\u{12}")  // an older one
    try baton.expect("what is an SQL")
    baton.send("\u{1B}[C\u{1B}[D\r")  // Right, Left, Enter: the line found, nothing typed into it
    try baton.expect("SQL: A sales-qualified lead")
    try baton.awaitPrompt()
    #expect(!baton.raw.contains("SQL[C") && !baton.raw.contains("“what is an SQL["))
    baton.send("\u{12}criteria\u{07}who owns territory rules\r")  // Ctrl-G abandons the search
    try baton.expect("Territory rules:")
    try baton.awaitPrompt()
    // A line with characters of more than one byte is found and run whole, once.
    baton.send("Zoë 日本\r")
    try baton.expect("Not understood: “Zoë 日本”")
    try baton.awaitPrompt()
    baton.send("what is an SQL\r")
    try baton.expect("SQL: A sales-qualified lead")
    try baton.awaitPrompt()
    baton.send("\u{12}zo\r")
    try baton.expect("Not understood: “Zoë 日本”")
    try baton.awaitPrompt()
    #expect(!baton.raw.contains("Zoë 日本Zoë"))
    // Ctrl-C in the search ends the line, empty, and the session goes on.
    baton.send("\u{12}SQL")
    try baton.expect("`SQL': what is an SQL")
    try baton.waitUntilReading()
    baton.send("\u{03}")
    try baton.awaitPrompt()
    baton.send("who owns territory rules\r")
    try baton.expect("Territory rules:")
    try baton.awaitPrompt()
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
  }

  @Test func utf8InputArrivesWhole() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    baton.send("Zoë 日本\r")
    try baton.expect("Not understood: “Zoë 日本”")
    try baton.awaitPrompt()
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
  }

  @Test func historyIsRecalledAndKeptAcrossSessions() throws {
    let runner = try BinaryRunner()
    let first = try start(runner)
    first.send("what is an SQL\r")
    try first.expect("SQL: A sales-qualified lead")
    try first.awaitPrompt()
    first.send("\u{1B}[A\r")  // up-arrow recalls it in the same session
    try first.expect("SQL: A sales-qualified lead")
    try first.awaitPrompt()
    first.send("\u{04}")
    #expect(try first.waitExit() == 0)

    let history = runner.home.appendingPathComponent(".local/state/baton/history")
    let mode = try FileManager.default.attributesOfItem(atPath: history.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)

    let second = try start(runner)
    second.send("\u{1B}[A\r")
    try second.expect("SQL: A sales-qualified lead")
    try second.awaitPrompt()
    second.send("\u{04}")
    #expect(try second.waitExit() == 0)
  }

  @Test func tabCompletesCommandWordsAndNames() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    baton.send("who owns stage exit crit\t")
    baton.send("\r")
    try baton.expect(Self.answer)
    try baton.awaitPrompt()
    baton.send("show deals at Glo\t\r")
    try baton.expect("Open deals at Globex")
    try baton.awaitPrompt()
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
  }

  @Test func ctrlCClearsTheLineAndKeepsRunning() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    baton.send("blorp")
    // A person presses Ctrl-C after the text is on screen; so does the test.
    try baton.expect("blorp")
    try baton.waitUntilReading()
    baton.send("\u{03}")
    try baton.expect("^C")
    try baton.awaitPrompt()
    baton.send("who owns stage exit criteria\r")
    let seen = try baton.expect(Self.answer)
    #expect(!seen.contains("Not understood"))
    try baton.awaitPrompt()
    baton.send("quit\r")
    try baton.expect("Bye.")
    #expect(try baton.waitExit() == 0)
  }

  @Test func ctrlCAtProceedCancelsTheChange() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    baton.send("move deal 42 to discovery\r")
    try baton.expect("Proceed? [y/N]")
    try baton.awaitPrompt()
    try baton.waitUntilReading()
    baton.send("\u{03}")
    try baton.expect("Cancelled; nothing changed.")
    try baton.awaitPrompt()
    // A "y" now answers nothing: the change is gone.
    baton.send("y\r")
    try baton.expect("There is nothing to confirm.")
    try baton.awaitPrompt()
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 42") == "proposal")
  }

  @Test func theColouredPromptResetsBeforeWhatIsTyped() throws {
    let runner = try BinaryRunner()
    var environment = runner.environment
    environment["TERM"] = "xterm"
    environment["NO_COLOR"] = nil
    let baton = try PTYProcess(executable: BinaryRunner.executable, environment: environment)
    try baton.expect("baton › ")
    try baton.waitForRawMode()
    baton.send("what is an SQL\r")
    try baton.expect("Stage 4 of 12")
    try baton.awaitPrompt()
    // The prompt's colour ends before the cursor, so the typed line and the reply are plain.
    #expect(baton.raw.contains("\u{1B}[1;32mbaton ›\u{1B}[0m what is an SQL\r\nSQL: A sales-qualified lead"))
    #expect(baton.raw.contains("\u{1B}[1;32mbaton [SQL] ›\u{1B}[0m "))
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
  }

  @Test func historyKeepsCommandsNotTheAnswersToBatonsQuestions() throws {
    let runner = try BinaryRunner()
    let baton = try start(runner)
    baton.send("what are the exit criteria\r")
    try baton.expect("Which stage?")
    try baton.awaitPrompt()
    baton.send("proposal\r")
    try baton.expect("Exit criteria for Proposal")
    try baton.awaitPrompt()
    baton.send("move deal 42 to discovery\r")
    try baton.expect("Proceed? [y/N]")
    try baton.awaitPrompt()
    baton.send("n\r")
    try baton.expect("Cancelled; nothing changed.")
    try baton.awaitPrompt()
    // Up recalls the last command, not "n".
    baton.send("\u{1B}[A\r")
    try baton.expect("Proceed? [y/N]")
    try baton.awaitPrompt()
    baton.send("\r")
    try baton.expect("Cancelled; nothing changed.")
    try baton.awaitPrompt()
    baton.send("\u{04}")
    #expect(try baton.waitExit() == 0)
    let history = runner.home.appendingPathComponent(".local/state/baton/history")
    let lines = try String(contentsOf: history, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines == ["what are the exit criteria", "move deal 42 to discovery", "move deal 42 to discovery"])
    #expect(try runner.sql("SELECT stage_id FROM deal WHERE id = 42") == "proposal")
  }
}
