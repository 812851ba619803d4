import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// A line's names that the answer does not use are said, never silently dropped; a side
/// effect with such a name is not guessed at.
@Suite(.tags(.fast)) struct UnusedEntitiesTests {
  @Test func aPersonTheAnswerIsNotNarrowedByIsNamed() throws {
    let session = try Fixtures.session(actor: "jordan")
    let turn = session.handle("how is win rate defined for sam")
    #expect(turn.intent == "metric.define" && turn.reply.ok)
    guard case .text(let last)? = turn.reply.blocks.last else {
      Issue.record("no note")
      return
    }
    #expect(last == "Not used: “sam” (person): this answer is not narrowed by person.")
    guard case .object(let data) = turn.reply.data, case .array(let unused)? = data["unused"] else {
      Issue.record("no unused entities in the data")
      return
    }
    #expect(unused == [["text": "sam", "kind": "person", "key": "sam"]])
  }

  @Test(arguments: [
    "who owns stage exit criteria", "trigger handoff for deal 8", "forecast roll-up for this quarter",
    "who should own a territory dispute between two AEs", "assign a follow-up on deal 42 to Priya by Friday",
  ])
  func aLineWhoseNamesAreAllUsedHasNoNote(_ line: String) throws {
    let session = try Fixtures.session(actor: "jordan")
    session.confirmations = .assumeYes
    let turn = session.handle(line)
    #expect(turn.reply.ok, "\(line): \(turn.reply.firstLine)")
    guard case .object(let data) = turn.reply.data else { return }
    #expect(data["unused"] == nil, "\(line): \(String(describing: data["unused"]))")
  }

  @Test func aSideEffectWithANameItCannotUseIsNotCarriedOut() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let session = try Fixtures.session(on: workspace, actor: "jordan")
    session.confirmations = .assumeYes
    let before = try workspace.deals(stage: nil, ownerHandle: "sam", accountID: nil, includeClosed: true, limit: 500)
    let turn = session.handle("reassign Soylent to avery but leave the deals with sam")
    #expect(turn.reply.refusalReason == .unusedWords)
    #expect(
      turn.reply.firstLine
        == "Not done: the line also names “sam” (person), which account.reassign does not take, and baton does not guess what it means for the change. Say the change without it, or one at a time."
    )
    #expect(
      try workspace.deals(stage: nil, ownerHandle: "sam", accountID: nil, includeClosed: true, limit: 500) == before)
    let audit = try workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 1)
    #expect(audit.first?.outcome == "refused" && audit.first?.input.hasPrefix("reassign Soylent") == true)
  }
}
