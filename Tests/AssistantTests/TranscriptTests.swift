import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import Rendering
import Testing

/// The acceptance tests: every story in `Transcripts/` replayed through a real session on the
/// demo workspace (in memory, fixed day), output compared line by line.
///
/// A file's header may say `# json` (render as `--json`), `# as: HANDLE` (the actor), and how
/// side effects are confirmed: asked at the prompt (the default, as at a terminal), `# yes`
/// (as `--yes`) or `# script` (a script without `--yes`: refused); `# width: N` sets the
/// terminal width (100 by default).
@Suite struct TranscriptTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Transcripts")

  static var names: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".transcript") }.sorted()
  }

  @Test func everyStoryHasATranscript() {
    #expect(Self.names.count >= 8)
  }

  @Test(arguments: TranscriptTests.names)
  func replay(_ name: String) throws {
    let transcript = try Transcript(url: Self.directory.appendingPathComponent(name))
    let json = transcript.header.contains("# json")
    let actor =
      transcript.header.first { $0.hasPrefix("# as: ") }.map { String($0.dropFirst(6)) } ?? "priya"
    let session = try Fixtures.session(actor: actor)
    if transcript.header.contains("# yes") {
      session.confirmations = .assumeYes
    } else if transcript.header.contains("# script") {
      session.confirmations = .refuse
    }
    let width = transcript.header.first { $0.hasPrefix("# width: ") }.flatMap { Int($0.dropFirst(9)) } ?? 100
    let text = TextRenderer(width: width, colour: false)
    var actual: [String] = []
    for step in transcript.steps {
      let turn = session.handle(step.input)
      actual.append(json ? JSONRenderer().render(turn) : text.render(turn.reply))
    }
    if Transcript.recording {
      try transcript.record(actual)
      Issue.record("re-recorded \(name); review the diff and run again without BATON_RECORD")
      return
    }
    for (step, output) in zip(transcript.steps, actual) where step.expected != output {
      Issue.record(
        "\(name): “\(step.input)” answered differently:\n\(Transcript.diff(expected: step.expected, actual: output))"
      )
    }
  }
}
