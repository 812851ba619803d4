import Assistant
import BatonCLI
import BatonTestSupport
import LineEditing
import Testing
import WorkspaceStore

/// "Proceed? [y/N]" means what people mean: Ctrl-C and Enter alone are No, and declining a
/// further change says the first one stands.
@Suite(.tags(.fast)) struct ConfirmationKeysTests {
  /// Runs `events` at a terminal (asking before side effects) on a fresh demo workspace.
  static func run(_ events: [LineEvent]) throws -> (output: [String], workspace: Workspace) {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let session = try Fixtures.session(on: workspace, actor: "jordan")
    var options = ConversationLoop.Options()
    options.interactive = true
    var reader = ScriptedLineReader(events: events)
    let output = CapturedOutput()
    _ = try ConversationLoop(options: options).run(reader: &reader, session: session, output: output)
    return (output.stdout.filter { !$0.isEmpty }, workspace)
  }

  @Test func ctrlCAtTheConfirmationCancelsAndALaterYesChangesNothing() throws {
    let (output, workspace) = try Self.run([.line("move deal 42 to discovery"), .interrupted, .line("y")])
    #expect(output.count == 3 && output[1] == "Cancelled; nothing changed.")
    #expect(output.last == "There is nothing to confirm.")
    #expect(try workspace.deal(id: 42)?.stage == "proposal")
  }

  @Test func enterAloneIsNo() throws {
    let (output, workspace) = try Self.run([.line("move deal 42 to discovery"), .line(""), .line("yes")])
    #expect(output.dropFirst() == ["Cancelled; nothing changed.", "There is nothing to confirm."])
    #expect(try workspace.deal(id: 42)?.stage == "proposal")
  }

  @Test func ctrlCWithNothingToConfirmOnlyClearsTheLine() throws {
    let (output, _) = try Self.run([.interrupted, .line("what is an SQL")])
    #expect(output.count == 1 && output[0].hasPrefix("SQL: "))
  }

  @Test func decliningAFurtherChangeSaysTheFirstStands() throws {
    let (output, workspace) = try Self.run([.line("reassign Globex to Priya"), .line("yes"), .line("n")])
    #expect(output.last == "Not done; the change before it stands (undo reverses it).")
    let globex = try #require(try workspace.account(id: 1))
    #expect(globex.name == "Globex" && globex.owner?.handle == "priya")
  }
}

/// A confirmation dropped by another line is said, never silently lost.
@Suite(.tags(.fast)) struct DroppedConfirmationTests {
  @Test func aMistypedAnswerSaysTheChangeWasNotMade() throws {
    let (output, workspace) = try ConfirmationKeysTests.run([.line("route lead 17"), .line("yse")])
    #expect(output.count == 2)
    #expect(
      output.last?.hasPrefix("Not done: “route lead 17” (the answer was not yes or no).\nNot understood: “yse”")
        == true)
    #expect(try workspace.lead(id: 17)?.owner == nil)
  }
}
