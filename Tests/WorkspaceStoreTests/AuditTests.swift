import BatonModel
import BatonTestSupport
import Foundation
import GRDB
import Testing
import WorkspaceStore

/// Changes through the store: each writes its audit row in the same transaction, undo puts
/// back exactly what was there, and a change made on stale state writes nothing.
@Suite(.tags(.fast)) struct AuditTests {
  /// This test's own folder, removed after it.
  let scratch = TemporaryFolder()

  let today = Day(year: 2026, month: 11, day: 23)

  private func demoFile() throws -> (Workspace, DatabaseQueue) {
    let path = scratch.path("workspace.sqlite")
    try Workspace.create(at: path, content: .demo(today: today), force: false)
    return (try Workspace.open(path: path, createIfMissing: nil), try DatabaseQueue(path: path))
  }

  private func context(_ input: String, actor: String = "jordan", action: String = "deal.move") -> AuditContext {
    AuditContext(actor: actor, input: input, intent: action, action: action, at: "2026-11-23T09:00:00Z")
  }

  /// Every table but the audit log, row by row: the state a user sees.
  /// Every table but the audit trail and the names token (which only tells a start whether
  /// it may reuse saved names: an undo that rewrites a name as it was draws a new one).
  private func snapshot(_ db: DatabaseQueue) throws -> [String: [Row]] {
    try db.read { db in
      var tables: [String: [Row]] = [:]
      for table in try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit', 'names_token')
          """)
      {
        tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
      }
      return tables
    }
  }

  @Test func aMoveWritesItsAuditRowWithBeforeAndAfter() throws {
    let (workspace, db) = try demoFile()
    let auditID = try workspace.moveDeal(
      id: 42, from: "proposal", to: "negotiation", on: today, closes: false, note: "budget confirmed by email",
      context("move deal 42 to negotiation anyway because budget confirmed by email"))
    let row = try #require(
      try db.read { try Row.fetchOne($0, sql: "SELECT * FROM audit WHERE id = ?", arguments: [auditID]) })
    #expect(row["actor"] as String == "jordan")
    #expect(row["intent"] as String == "deal.move")
    #expect(row["outcome"] as String == "done")
    #expect(row["note"] as String == "budget confirmed by email")
    #expect((row["input"] as String).hasPrefix("move deal 42 to negotiation anyway"))
    let records: String = row["records"]
    #expect(records.contains(#"{"id":42,"table":"deal"}"#))
    #expect(records.contains(#""table":"stage_change""#))
    let before: String = row["before"]
    let after: String = row["after"]
    #expect(before.contains(#""stage_id":"proposal""#) && after.contains(#""stage_id":"negotiation""#))
    let history = try db.read {
      try String.fetchAll($0, sql: "SELECT to_stage FROM stage_change WHERE deal_id = 42 ORDER BY id")
    }
    #expect(history.last == "negotiation")
  }

  @Test func undoRestoresTheExactPriorStateAndIsAuditedItself() throws {
    let (workspace, db) = try demoFile()
    let before = try snapshot(db)
    let task = try #require(try workspace.person(handle: "dana"))
    let (_, auditID) = try workspace.recordHandoff(
      dealID: 8, accountID: try workspace.deal(id: 8)?.accountID, csm: task, assignCSM: true,
      taskTitle: "Onboarding kickoff", due: today.adding(days: 3), context("trigger handoff for deal 8"))
    #expect(try snapshot(db) != before)
    let (entry, undoID) = try workspace.undo(auditID: auditID, context("undo", action: "session.undo"))
    #expect(entry.id == auditID)
    #expect(try snapshot(db) == before)
    let undoRow = try #require(
      try db.read { try Row.fetchOne($0, sql: "SELECT undoes, outcome FROM audit WHERE id = ?", arguments: [undoID]) })
    #expect(undoRow["undoes"] as Int64 == auditID)
    #expect(throws: ChangeConflict.self) { try workspace.undo(auditID: auditID, context("undo")) }
  }

  @Test func undoRefusesWhenALaterChangeDependsOnIt() throws {
    let (workspace, db) = try demoFile()
    let first = try workspace.moveDeal(
      id: 42, from: "proposal", to: "negotiation", on: today, closes: false, note: nil, context("move deal 42"))
    try workspace.moveDeal(
      id: 42, from: "negotiation", to: "closed-won", on: today, closes: true, note: nil,
      context("close deal 42", actor: "sam"))
    let state = try snapshot(db)
    do {
      try workspace.undo(auditID: first, context("undo"))
      Issue.record("undo went through over a later change")
    } catch let conflict as ChangeConflict {
      #expect(conflict.description.contains("deal 42 was changed again later by sam"))
    }
    #expect(try snapshot(db) == state)
  }

  @Test func aChangeOnStaleStateWritesNothing() throws {
    let (workspace, db) = try demoFile()
    let state = try snapshot(db)
    let audits = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") }
    #expect(throws: ChangeConflict.self) {
      try workspace.moveDeal(
        id: 42, from: "discovery", to: "negotiation", on: today, closes: false, note: nil, context("move deal 42"))
    }
    #expect(try snapshot(db) == state)
    #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") } == audits)
  }

  @Test func refusalsAreAuditedWithTheirReason() throws {
    let (workspace, db) = try demoFile()
    try workspace.recordRefusal(context("approve change 1", actor: "taylor"), reason: "needs the revops role")
    let row = try #require(try db.read { try Row.fetchOne($0, sql: "SELECT * FROM audit ORDER BY id DESC") })
    #expect(row["outcome"] as String == "refused")
    #expect(row["note"] as String == "needs the revops role")
    #expect(row["records"] as String == "[]")
  }

  /// A workspace as each earlier release left it (the released migrations' SQL kept as
  /// fixtures) opens and is brought up to date.
  @Test(arguments: [1, 2]) func migrationsRunFromEveryEarlierSchema(version: Int) throws {
    let path = scratch.path("workspace.sqlite")
    let queue = try DatabaseQueue(path: path)
    var migrator = DatabaseMigrator()
    for step in 1...version {
      let sql = try String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
          "Fixtures/schema-v\(step).sql"),
        encoding: .utf8)
      migrator.registerMigration("v\(step)") { db in try db.execute(sql: sql) }
    }
    try migrator.migrate(queue)
    try queue.close()
    let workspace = try Workspace.open(path: path, createIfMissing: nil)
    #expect(try workspace.activity().isEmpty)
    let (columns, indexes) = try DatabaseQueue(path: path).read { db in
      (try db.columns(in: "audit").map(\.name), try db.indexes(on: "deal").map(\.name))
    }
    #expect(columns.contains("note"))
    #expect(indexes.contains("deal_crm_id_nocase"))
  }
}
