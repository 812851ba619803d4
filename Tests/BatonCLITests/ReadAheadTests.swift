import Assistant
import BatonTestSupport
import Foundation
import LineEditing
import Testing

@testable import BatonCLI

/// A script's lines are read ahead and matched on another core, and its text answers skip
/// their JSON data; its answers must be the ones the lines get handled one at a time,
/// including lines that point at the focus ("move it to Negotiation"), which the session
/// reads again itself.
@Suite(.tags(.fast)) struct ReadAheadTests {
  /// Every golden transcript, its lines given to the loop as a script gives them (all
  /// waiting at once), answers as recorded.
  @Test(arguments: Transcript.names)
  func aScriptReadAheadAnswersAsRecorded(_ name: String) throws {
    let transcript = try Transcript(named: name)
    var options = ConversationLoop.Options()
    options.json = transcript.isJSON
    options.width = transcript.width
    let steps = transcript.steps.filter { !ConversationLoop.isSkipped(ConversationLoop.trimmed($0.input)) }
    var reader = ScriptedLineReader(lines: steps.map(\.input))
    let output = CapturedOutput()
    let session = try transcript.session()
    // As the command sets it: text output does not build the answers' data.
    session.answersCarryData = options.json
    _ = try ConversationLoop(options: options).run(reader: &reader, session: session, output: output)
    #expect(output.stdout.count == steps.count)
    for (step, printed) in zip(steps, output.stdout) where step.expected != printed {
      Issue.record(
        "\(name): “\(step.input)” read ahead answered differently:\n\(Transcript.diff(expected: step.expected, actual: printed))"
      )
    }
  }
}
