import Assistant
import BatonModel
import BatonTestSupport
import Conversation
import IntentMatching
import Testing
import WorkspaceStore

/// Every intent, asked with one more name than it takes: the reply says what it did not use
/// (or, for a change, does not guess), never an answer that silently drops it.
@Suite(.tags(.fast)) struct ExtraNamesTests {
  /// A name of each kind, said the way a line adds it.
  static let extras: [(kind: EntityKind, phrase: String)] = [
    (.period, "in 2025"), (.person, "for Riley"), (.deal, "on deal 8"), (.account, "at Globex"),
    (.segment, "in Enterprise"), (.territory, "in EMEA"),
  ]

  @Test func anExtraNameIsSaidOrNotGuessedAt() throws {
    let catalog = try Fixtures.catalog()
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    var failures: [String] = []
    var tried = 0
    for intent in catalog.intents where !SessionIntent.keepsFocus(intent.name) {
      let required = intent.slots.filter(\.required).map { "{\($0.name)}" }
      guard let example = intent.examples.first(where: { example in required.allSatisfy(example.text.contains) })
      else { continue }
      let base = SampleValues.readable(example.text, intent: intent)
      for extra in Self.extras where !intent.slots.contains(where: { $0.type == extra.kind }) {
        let line = "\(base) \(extra.phrase)"
        // A fresh conversation each line; nothing is confirmed, so the workspace is shared.
        let turn = try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan").handle(line)
        tried += 1
        guard turn.intent == intent.name else { continue }
        // Inside free text ("propose a new stage Verbal Commit in 2025") a name is the text's.
        let words = extra.phrase.split(separator: " ").last.map(String.init) ?? extra.phrase
        if turn.slots.values.contains(where: { $0.value.kind == .text && $0.value.key.contains(words) }) { continue }
        let said = turn.reply.refusalReason == .unusedWords || turn.reply.data.member("unused") != nil
        if !said && turn.reply.ok { failures.append("\(line) → \(turn.reply.firstLine)") }
      }
    }
    #expect(tried > 100)
    #expect(failures.isEmpty, "\(failures.count) of \(tried):\n\(failures.joined(separator: "\n"))")
  }
}

extension JSONValue {
  fileprivate func member(_ key: String) -> JSONValue? {
    if case .object(let object) = self { return object[key] }
    return nil
  }
}
