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
@Suite(.tags(.fast)) struct TranscriptTests {
  /// DESIGN.md's stories, each told by one transcript (and the JSON output by four).
  static let stories = [
    "ownership-followups", "team-followups", "stage-followups", "definitions", "metrics", "summaries", "deals",
    "questions", "workflow-deal-move", "workflow-handoff", "workflow-tasks", "workflow-routing-accounts",
    "workflow-changes", "workflow-override-undo", "workflow-permissions", "workflow-rep",
    "workflow-script", "decisions", "not-understood", "unknown-names", "session", "newcomer",
  ]
  static let jsonStories = ["ownership-followups-json", "metrics-json", "summaries-json", "workflow-yes"]

  @Test(arguments: stories + jsonStories)
  func everyStoryHasATranscriptWithSteps(_ story: String) throws {
    let transcript = try Transcript(named: story + ".transcript")
    #expect(transcript.steps.count >= 2, "\(story) tells nothing")
    #expect(transcript.isJSON == Self.jsonStories.contains(story))
    #expect(transcript.steps.allSatisfy { !$0.expected.isEmpty }, "\(story) has a line with no reply")
  }

  @Test(arguments: Transcript.names)
  func replay(_ name: String) throws {
    let transcript = try Transcript(named: name)
    let session = try transcript.session()
    let text = TextRenderer(width: transcript.width, colour: false)
    var actual: [String] = []
    for step in transcript.steps {
      let turn = session.handle(step.input)
      actual.append(transcript.isJSON ? JSONRenderer().render(turn) : text.render(turn.reply))
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
