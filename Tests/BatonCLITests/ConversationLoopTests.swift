import BatonTestSupport
import Foundation
import LineEditing
import Testing

@testable import BatonCLI

/// The REPL loop against a scripted line reader: no process, no terminal.
@Suite(.tags(.fast)) struct ConversationLoopTests {
  /// Lines are trimmed byte by byte when their ends are ASCII; the result must be what
  /// Foundation's white-space trimming gives, whatever the line.
  @Test(arguments: [
    "  who owns stage exit criteria \t", "\u{A0}x\u{A0}", " x\u{A0} ", "\r\n", "", "   ", " é ", "a é  ",
    " \u{301}x ", "\u{2003}x", "x\n", "\tshow deal 42\r", "日本 ",
  ])
  func trimsAsFoundationDoes(_ line: String) {
    #expect(ConversationLoop.trimmed(line) == line.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test func skipsBlanksAndCommentsAndReportsFailuresWithLineNumbers() throws {
    var options = ConversationLoop.Options()
    options.source = "review.txt"
    var reader = ScriptedLineReader(lines: ["# weekly review", "", "what is an SQL", "blorp", "define MQL"])
    let output = CapturedOutput()
    let succeeded = try ConversationLoop(options: options).run(
      reader: &reader, session: try Fixtures.session(), output: output)
    #expect(!succeeded)
    #expect(output.stdout.count == 3)
    #expect(output.stdout[0].hasPrefix("SQL: A sales-qualified lead"))
    #expect(output.stderr.count == 1)
    #expect(
      output.stderr.first?.hasPrefix("baton:review.txt:4: not_understood: Not understood: “blorp”")
        == true)
  }

  @Test func interruptsAreIgnoredStrictStopsAndQuitEnds() throws {
    var strict = ConversationLoop.Options()
    strict.strict = true
    var reader = ScriptedLineReader(events: [.interrupted, .line("blorp"), .line("what is an SQL")])
    let output = CapturedOutput()
    #expect(
      try !ConversationLoop(options: strict).run(reader: &reader, session: try Fixtures.session(), output: output))
    #expect(output.stdout.count == 1)

    var quitting = ScriptedLineReader(lines: ["quit", "what is an SQL"])
    let quitOutput = CapturedOutput()
    #expect(
      try ConversationLoop(options: .init()).run(reader: &quitting, session: try Fixtures.session(), output: quitOutput)
    )
    #expect(quitOutput.stdout == ["Bye."])
  }

  @Test func thePromptShowsTheFocus() {
    let loop = ConversationLoop(options: .init())
    #expect(loop.prompt(nil) == "baton › ")
    #expect(loop.prompt("deal 42") == "baton [deal 42] › ")
    var coloured = ConversationLoop.Options()
    coloured.colour = true
    // Green, reset before the last space (libedit drops a bracketed escape at the very end).
    #expect(
      ConversationLoop(options: coloured).prompt(nil) == "\u{1}\u{1B}[1;32m\u{1}baton ›\u{1}\u{1B}[0m\u{1} ")
  }

  @Test func aScriptsQuestionLeftUnansweredFailsTheLineThatAsked() throws {
    var options = ConversationLoop.Options()
    options.source = "review.txt"
    var reader = ScriptedLineReader(lines: ["what are the exit criteria", "who owns stage exit criteria"])
    let output = CapturedOutput()
    let session = try Fixtures.session()
    #expect(try !ConversationLoop(options: options).run(reader: &reader, session: session, output: output))
    #expect(
      output.stderr == ["baton:review.txt:1: question: Which stage? For example: Negotiation (not answered)"])

    var answered = ScriptedLineReader(lines: ["what are the exit criteria", "proposal"])
    let fine = CapturedOutput()
    #expect(
      try ConversationLoop(options: options).run(reader: &answered, session: try Fixtures.session(), output: fine))
    #expect(fine.stderr.isEmpty)

    var last = ScriptedLineReader(lines: ["who owns stage exit criteria", "what are the exit criteria"])
    let ending = CapturedOutput()
    #expect(try !ConversationLoop(options: options).run(reader: &last, session: try Fixtures.session(), output: ending))
    #expect(ending.stderr == ["baton:review.txt:2: question: Which stage? For example: Negotiation (not answered)"])
  }
}
