import Assistant
import BatonModel
import BatonTestSupport
import Conversation
import Foundation
import IntentMatching
import Testing
import WorkspaceStore

/// A question about a change never makes it: every side effect's own words, asked as a
/// question, change nothing, even with every change confirmed in advance (`--yes`).
@Suite(.tags(.fast)) struct QuestionFormsTests {
  /// Ways to ask about a change rather than ask for it.
  static let frames = [
    "who is allowed to %@?", "how do I %@?", "should we %@?", "what happens if I %@?", "who decides whether to %@?",
    "why would someone %@?", "do we ever %@?", "hey, should I %@ now?",
  ]

  @Test func aQuestionAboutAChangeChangesNothing() throws {
    let catalog = try Fixtures.catalog()
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    var changed: [String] = []
    var tried = 0
    for intent in catalog.intents where intent.sideEffects && !SessionIntent.keepsFocus(intent.name) {
      let required = intent.slots.filter(\.required).map { "{\($0.name)}" }
      guard let example = intent.examples.first(where: { example in required.allSatisfy(example.text.contains) })
      else { continue }
      let request = SampleValues.readable(example.text, intent: intent)
      for frame in Self.frames {
        let line = frame.replacingOccurrences(of: "%@", with: request)
        let before = try workspace.activity(limit: 1).first?.id
        let session = try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan")
        session.confirmations = .assumeYes
        let turn = session.handle(line)
        tried += 1
        let after = try workspace.activity(limit: 1).first
        // A refusal is audited too; only a change that was made counts.
        if after?.id != before, after?.outcome != "refused" || turn.reply.kind == .done {
          changed.append("\(line) → \(turn.intent ?? "-"): \(turn.reply.firstLine)")
        }
      }
    }
    #expect(tried >= 50)
    #expect(changed.isEmpty, "\(changed.count) of \(tried):\n\(changed.joined(separator: "\n"))")
  }

  /// "is Sales Ops accountable for territory rules": a question in a change's words is
  /// answered from the ownership matrix, and nothing is proposed.
  @Test func aYesOrNoQuestionInAChangesWordsIsAnswered() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try workspace.changeRequests(statuses: ["open"]).count
    let turn = session.handle("is Sales Ops accountable for territory rules")
    #expect(
      turn.reply.ok && turn.intent?.hasPrefix("ownership.") == true, "\(turn.intent ?? "-"): \(turn.reply.firstLine)")
    #expect("\(turn.reply.blocks)".contains("Territory rules"), "\(turn.reply.blocks)")
    #expect(try workspace.changeRequests(statuses: ["open"]).count == before)
  }
}
