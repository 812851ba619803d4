import BatonModel
import BatonTestSupport
import Foundation
import GRDB
import Testing

@testable import WorkspaceStore

/// The read path: what summaries return when many records tie, and that a read never writes.
@Suite(.tags(.fast)) struct ReadTests {
  /// This test's own folder, removed after it.
  let scratch = TemporaryFolder()

  let today = Day(year: 2026, month: 11, day: 23)

  /// Stuck deals are read stage by stage from the (stage, date) index without asking SQLite
  /// to sort; with thousands of generated deals many share a date, and the answer must still
  /// be exactly the oldest by (date, number), checked against every open deal.
  @Test func stuckDealsAreTheOldestByDateThenNumberWhenManyTie() throws {
    let workspace = try Workspace.inMemory(.demo(today: today, extraDeals: 3000))
    let typical = Dictionary(
      uniqueKeysWithValues: try workspace.stages().filter { $0.kind == "opportunity" }.map {
        ($0.id, $0.typicalDays ?? 30)
      })
    let open = try workspace.deals(limit: 1_000_000).filter { typical[$0.stage] != nil }
    let stuck = open.filter { $0.stageChangedDate.days(to: today) > (typical[$0.stage] ?? 30) }
    let expected = stuck.sorted { ($0.stageChangedDate, $0.id) < ($1.stageChangedDate, $1.id) }.prefix(20)
    let dates = Dictionary(grouping: stuck, by: \.stageChangedDate)
    #expect(dates.values.contains { $0.count > 1 }, "the generated deals should tie on dates")

    let answer = try workspace.stuckDeals(olderThan: nil, today: today, limit: 20)
    #expect(Set(answer.deals.map(\.deal.id)) == Set(expected.map(\.id)))
    #expect(answer.count == stuck.count)
    #expect(answer.amount == stuck.reduce(Int64(0)) { $0 + ($1.amount ?? 0) })
  }

  /// A read runs in a plain transaction rather than under `PRAGMA query_only` (which made
  /// SQLite recompile every statement each turn); a read body that writes is rolled back and
  /// fails, and the workspace keeps its rows.
  @Test func aReadThatWritesIsRolledBackAndFails() throws {
    let workspace = try Workspace.inMemory(.demo(today: today))
    let before = try workspace.deals(includeClosed: true, limit: 1_000_000).count
    #expect(throws: WorkspaceError.self) {
      try workspace.read { db in try db.execute("DELETE FROM deal") }
    }
    #expect(try workspace.deals(includeClosed: true, limit: 1_000_000).count == before)
    // And the connection is usable afterwards, outside any transaction.
    #expect(try workspace.deal(id: 42) != nil)
  }

  /// The same inside a group of uncommitted changes (a script's): the read is undone alone,
  /// and the group's changes stay, to be committed.
  @Test func aReadThatWritesInsideAGroupIsUndoneAlone() throws {
    let path = scratch.path("workspace.sqlite")
    try Workspace.create(at: path, content: .demo(today: today), force: false)
    let workspace = try Workspace.open(path: path, createIfMissing: nil, groupsCommits: true)
    let context = AuditContext(
      actor: "jordan", input: "move deal 42", intent: "deal.move", action: "deal.move", at: "2026-11-23T09:00:00Z")
    try workspace.moveDeal(id: 42, from: "proposal", to: "discovery", on: today, closes: false, note: nil, context)
    let before = try workspace.deals(includeClosed: true, limit: 1_000_000).count
    #expect(throws: WorkspaceError.self) {
      try workspace.read { db in try db.execute("DELETE FROM deal") }
    }
    #expect(try workspace.deals(includeClosed: true, limit: 1_000_000).count == before)
    #expect(workspace.uncommittedChanges == 1)
    try workspace.commitPending()
    #expect(try Workspace.open(path: path, createIfMissing: nil).deal(id: 42)?.stage == "discovery")
  }
}
