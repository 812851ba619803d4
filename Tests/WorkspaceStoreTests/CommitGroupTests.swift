import BatonModel
import BatonTestSupport
import Foundation
import GRDB
import Testing
import WorkspaceStore

/// A workspace that groups commits (a script's): changes wait for `commitPending()`, each is
/// still all or nothing, and what was never committed is never in the file.
@Suite(.tags(.fast)) struct CommitGroupTests {
  /// This test's own folder, removed after it.
  let scratch = TemporaryFolder()

  let today = Day(year: 2026, month: 11, day: 23)

  private func demoPath() throws -> String {
    let path = scratch.path("workspace.sqlite")
    try Workspace.create(at: path, content: .demo(today: today), force: false)
    return path
  }

  private func context(_ input: String) -> AuditContext {
    AuditContext(actor: "jordan", input: input, intent: "deal.move", action: "deal.move", at: "2026-11-23T09:00:00Z")
  }

  private func stage(of deal: Int64, in queue: DatabaseQueue) throws -> String? {
    try queue.read { db in try String.fetchOne(db, sql: "SELECT stage_id FROM deal WHERE id = ?", arguments: [deal]) }
  }

  private func doneCount(_ queue: DatabaseQueue) throws -> Int {
    try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE outcome = 'done'") ?? 0 }
  }

  @Test func changesWaitForTheCommitAndTheSessionSeesThemMeanwhile() throws {
    let path = try demoPath()
    let workspace = try Workspace.open(path: path, createIfMissing: nil, groupsCommits: true)
    let other = try DatabaseQueue(path: path)
    #expect(workspace.uncommittedChanges == 0)
    #expect(workspace.uncommittedFor == nil)
    try workspace.moveDeal(
      id: 42, from: "proposal", to: "discovery", on: today, closes: false, note: nil, context("move deal 42"))
    try workspace.moveDeal(
      id: 42, from: "discovery", to: "proposal", on: today, closes: false, note: nil, context("move it back"))
    try workspace.moveDeal(
      id: 8, from: try #require(try workspace.deal(id: 8)).stage, to: "discovery", on: today, closes: false, note: nil,
      context("move deal 8"))
    #expect(workspace.uncommittedChanges == 3)
    #expect(workspace.uncommittedFor != nil)
    // The session reads its own changes; another connection sees none of them yet.
    #expect(try workspace.deal(id: 8)?.stage == "discovery")
    #expect(try stage(of: 8, in: other) != "discovery")
    #expect(try doneCount(other) == 0)
    try workspace.commitPending()
    #expect(workspace.uncommittedChanges == 0)
    #expect(try stage(of: 8, in: other) == "discovery")
    #expect(try doneCount(other) == 3)
    try workspace.commitPending()  // nothing pending: nothing happens
    #expect(try doneCount(other) == 3)
  }

  /// A group's reads share one snapshot until the group ends; a change ends the reads'
  /// snapshot first, so it acts on what is there now.
  @Test func readsShareASnapshotUntilTheGroupEnds() throws {
    let path = try demoPath()
    let workspace = try Workspace.open(path: path, createIfMissing: nil, groupsCommits: true)
    let other = try Workspace.open(path: path, createIfMissing: nil)
    #expect(try workspace.deal(id: 42)?.stage == "proposal")
    #expect(workspace.uncommittedFor != nil && workspace.uncommittedChanges == 0)
    try other.moveDeal(
      id: 42, from: "proposal", to: "discovery", on: today, closes: false, note: nil, context("move deal 42"))
    #expect(try workspace.deal(id: 42)?.stage == "proposal")
    try workspace.commitPending()
    #expect(workspace.uncommittedFor == nil)
    #expect(try workspace.deal(id: 42)?.stage == "discovery")
    try other.moveDeal(
      id: 42, from: "discovery", to: "negotiation", on: today, closes: false, note: nil, context("move it on"))
    try workspace.moveDeal(
      id: 42, from: "negotiation", to: "proposal", on: today, closes: false, note: nil, context("move it back"))
    try workspace.commitPending()
    #expect(try other.deal(id: 42)?.stage == "proposal")
  }

  @Test func aFailingChangeInAGroupUndoesOnlyItself() throws {
    let path = try demoPath()
    let workspace = try Workspace.open(path: path, createIfMissing: nil, groupsCommits: true)
    try workspace.moveDeal(
      id: 42, from: "proposal", to: "discovery", on: today, closes: false, note: nil, context("move deal 42"))
    // Checked against a stage the deal is no longer in: refused, nothing of it written.
    #expect(throws: ChangeConflict.self) {
      try workspace.moveDeal(
        id: 42, from: "proposal", to: "negotiation", on: today, closes: false, note: nil, context("stale move"))
    }
    #expect(throws: ChangeConflict.self) {
      try workspace.undo(auditID: 999, context("undo nothing"))
    }
    #expect(workspace.uncommittedChanges == 1)
    try workspace.commitPending()
    let other = try DatabaseQueue(path: path)
    #expect(try stage(of: 42, in: other) == "discovery")
    #expect(try doneCount(other) == 1)
    #expect(try other.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
  }

  @Test func whatIsNeverCommittedIsNeverSaved() throws {
    let path = try demoPath()
    do {
      let workspace = try Workspace.open(path: path, createIfMissing: nil, groupsCommits: true)
      try workspace.moveDeal(
        id: 42, from: "proposal", to: "discovery", on: today, closes: false, note: nil, context("move deal 42"))
      #expect(workspace.uncommittedChanges == 1)
    }  // closed with the group open, as a killed process leaves it
    let other = try DatabaseQueue(path: path)
    #expect(try stage(of: 42, in: other) == "proposal")
    #expect(try doneCount(other) == 0)
    // And a workspace that does not group commits each change at once.
    let single = try Workspace.open(path: path, createIfMissing: nil)
    try single.moveDeal(
      id: 42, from: "proposal", to: "discovery", on: today, closes: false, note: nil, context("move deal 42"))
    #expect(single.uncommittedChanges == 0)
    #expect(try stage(of: 42, in: other) == "discovery")
  }
}
