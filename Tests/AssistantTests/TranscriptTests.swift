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
    let actual = Self.replies(transcript, try transcript.session())
    if Transcript.recording {
      try transcript.record(actual)
      Issue.record("re-recorded \(name); review the diff and run again without BATON_RECORD")
      return
    }
    Self.compare(transcript, name, actual)
  }

  /// Each step's reply, rendered as the transcript's header says.
  static func replies(_ transcript: Transcript, _ session: Session) -> [String] {
    let text = TextRenderer(width: transcript.width, colour: false)
    return transcript.steps.map { step in
      let turn = session.handle(step.input)
      return transcript.isJSON ? JSONRenderer().render(turn) : text.render(turn.reply)
    }
  }

  /// Records an issue for each step whose reply is not the transcript's.
  static func compare(_ transcript: Transcript, _ name: String, _ actual: [String], on store: String = "") {
    for (step, output) in zip(transcript.steps, actual) where step.expected != output {
      Issue.record(
        "\(name)\(store): “\(step.input)” answered differently:\n\(Transcript.diff(expected: step.expected, actual: output))"
      )
    }
  }
}

/// The same stories on a shared workspace (`BATON_TEST_POSTGRES`; skipped without one),
/// each opened as its actor's own login: every reply as on a file.
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct SharedTranscriptTests {
  @Test(arguments: Transcript.names)
  func replay(_ name: String) throws {
    let transcript = try Transcript(named: name)
    let shared = try SharedDemo(actingAs: transcript.actor)
    let actual = TranscriptTests.replies(transcript, try transcript.session(on: shared.workspace))
    TranscriptTests.compare(transcript, name, actual, on: " on a shared workspace")
  }
}
