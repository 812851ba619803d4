import BatonModel
import BatonTestSupport
import GRDB
import Testing
import WorkspaceStore

/// Summaries whose statements take the workspace's own values as arguments, never as SQL text.
@Suite(.tags(.fast)) struct SummaryQueryTests {
  /// This test's own folder, removed after it.
  let scratch = TemporaryFolder()

  @Test func aStageIdWithAQuoteIsSummedByOwnerLikeAnyOther() throws {
    let path = try Fixtures.demoFile(in: scratch)
    // A stage whose id a CRM import could well carry: a quote in it once broke the statement.
    try DatabaseQueue(path: path).write { db in
      try db.execute(
        sql: """
          INSERT INTO stage(id, name, position, kind, definition, forecast_category, probability)
          VALUES ('ceo''s review', 'CEO''s review', 99, 'opportunity', 'The CEO looks.', 'commit', 90);
          UPDATE deal SET stage_id = 'ceo''s review' WHERE id = 42;
          """)
    }
    let workspace = try Workspace.open(path: path, createIfMissing: nil)
    let byOwner = try workspace.pipeline(by: .owner, since: Fixtures.today.adding(days: -7))
    let byStage = try workspace.pipeline(by: .stage, since: Fixtures.today.adding(days: -7))
    #expect(byStage.contains { $0.key == "ceo's review" && $0.count == 1 && $0.amount == 373_000 })
    // Every open deal is counted once whichever way it is grouped, the new stage's included.
    #expect(byOwner.map(\.count).reduce(0, +) == byStage.map(\.count).reduce(0, +))
    #expect(byOwner.map(\.amount).reduce(0, +) == byStage.map(\.amount).reduce(0, +))
    #expect(byOwner.map(\.weighted).reduce(0, +) == byStage.map(\.weighted).reduce(0, +))
  }

  @Test func anOldChangeIsFoundByItsAuditRowHoweverManyCameAfter() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let context = AuditContext(
      actor: "jordan", input: "move deal 42", intent: "deal.move", action: "deal.move", at: "t")
    let first = try workspace.moveDeal(
      id: 42, from: "proposal", to: "discovery", on: Fixtures.today, closes: false, note: nil, context)
    for index in 0..<250 {
      try workspace.recordRefusal(context, reason: "refusal \(index)")
    }
    #expect(try workspace.auditEntry(id: first)?.input == "move deal 42")
    #expect(try workspace.latestUndoable(among: [first]) == first)
    #expect(try workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 200).count == 200)
  }
}
