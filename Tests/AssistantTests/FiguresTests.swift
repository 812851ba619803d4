import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import GRDB
import Testing
import WorkspaceStore

/// Every figure an answer gives, checked against the same figure computed here with plain
/// SQL over the same workspace file.
@Suite(.tags(.fast)) struct FiguresTests {
  /// This test's own folder, removed after it.
  let scratch = TemporaryFolder()

  let path: String
  let session: Session
  let db: DatabaseQueue
  let quarter = (start: "2026-10-01", end: "2026-12-31")

  init() throws {
    path = try Fixtures.demoFile(in: scratch)
    session = try Fixtures.session(on: try Workspace.open(path: path, createIfMissing: nil))
    db = try DatabaseQueue(path: path)
  }

  private func data(_ line: String) throws -> [String: JSONValue] {
    let turn = session.handle(line)
    #expect(turn.reply.ok, "“\(line)”: \(turn.reply.firstLine)")
    guard case .object(let object) = turn.reply.data else {
      Issue.record("“\(line)” carried no data")
      return [:]
    }
    return object
  }

  private func int(_ sql: String, _ arguments: StatementArguments = []) throws -> Int64 {
    try db.read { try Int64.fetchOne($0, sql: sql, arguments: arguments) } ?? 0
  }

  private let open = "stage_id IN ('discovery', 'proposal', 'negotiation')"

  @Test func pipelineByStageMatchesSQL() throws {
    let reply = try data("summarize the pipeline")
    guard case .array(let groups)? = reply["groups"] else {
      Issue.record("no groups")
      return
    }
    #expect(groups.count == 3)
    for case .object(let group) in groups {
      guard case .string(let stage)? = group["key"] else { continue }
      #expect(group["count"] == .int(try int("SELECT count(*) FROM deal WHERE stage_id = ?", [stage])))
      #expect(group["amount"] == .int(try int("SELECT sum(amount) FROM deal WHERE stage_id = ?", [stage])))
    }
    guard case .object(let total)? = reply["total"] else {
      Issue.record("no total")
      return
    }
    #expect(total["amount"] == .int(try int("SELECT sum(amount) FROM deal WHERE \(open)")))
    #expect(
      total["weighted"]
        == .int(
          try int(
            "SELECT sum(d.amount * s.probability) / 100 FROM deal d JOIN stage s ON s.id = d.stage_id WHERE \(open)")))
  }

  @Test func pipelineByOwnerSumsToTheSameTotal() throws {
    let reply = try data("pipeline by owner")
    #expect(reply["group_by"] == "owner")
    guard case .object(let total)? = reply["total"] else {
      Issue.record("no total")
      return
    }
    #expect(total["count"] == .int(try int("SELECT count(*) FROM deal WHERE \(open)")))
  }

  @Test func forecastMatchesSQL() throws {
    let reply = try data("forecast roll-up for this quarter")
    let range: StatementArguments = [quarter.start, quarter.end]
    #expect(
      reply["closed_won"]
        == .int(
          try int("SELECT sum(amount) FROM deal WHERE stage_id = 'closed-won' AND close_date BETWEEN ? AND ?", range)))
    #expect(
      reply["commit"]
        == .int(
          try int("SELECT sum(amount) FROM deal WHERE stage_id = 'negotiation' AND close_date BETWEEN ? AND ?", range)))
    #expect(
      reply["best_case"]
        == .int(
          try int("SELECT sum(amount) FROM deal WHERE stage_id = 'proposal' AND close_date BETWEEN ? AND ?", range)))
    #expect(reply["target"] == .int(try int("SELECT amount FROM target WHERE period = '2026-Q4'")))
    // The five largest commit and best-case deals closing in the quarter, ties by number.
    let top = try db.read { db in
      try Int64.fetchAll(
        db,
        sql: """
          SELECT id FROM deal WHERE stage_id IN ('negotiation', 'proposal') AND close_date BETWEEN ? AND ?
          ORDER BY amount DESC, id LIMIT 5
          """, arguments: range)
    }
    #expect(top.count == 5)
    #expect(reply["top_deals"] == .array(top.map { .int($0) }))
  }

  @Test func stuckDealsMatchSQL() throws {
    let reply = try data("deals stuck for 60 days")
    #expect(
      reply["count"] == .int(try int("SELECT count(*) FROM deal WHERE \(open) AND stage_changed_date < '2026-09-24'")))
    // The twenty oldest by stage change, shown longest-stuck first (ties by number).
    let oldest = try db.read { db in
      try Int64.fetchAll(
        db,
        sql: """
          SELECT id FROM deal WHERE \(open) AND stage_changed_date < '2026-09-24'
          ORDER BY stage_changed_date, id LIMIT 20
          """)
    }
    guard case .array(let deals) = reply["deals"] else {
      Issue.record("no deals in the reply")
      return
    }
    #expect(oldest.count == 20)
    #expect(
      deals.compactMap { deal -> Int64? in
        guard case .object(let fields) = deal, case .int(let id) = fields["id"] else { return nil }
        return id
      } == oldest)
  }

  @Test func metricsMatchSQL() throws {
    let range: StatementArguments = [quarter.start, quarter.end]
    let won = try int("SELECT count(*) FROM deal WHERE stage_id = 'closed-won' AND close_date BETWEEN ? AND ?", range)
    let lost = try int("SELECT count(*) FROM deal WHERE stage_id = 'closed-lost' AND close_date BETWEEN ? AND ?", range)
    let wonAmount = try int(
      "SELECT sum(amount) FROM deal WHERE stage_id = 'closed-won' AND close_date BETWEEN ? AND ?", range)
    let winRate = try data("what is our win rate")
    #expect(winRate["value"] == .double((Double(won) / Double(won + lost) * 10_000).rounded() / 100))
    #expect(winRate["deals"] == .int(won + lost))
    #expect(try data("what is our average deal size")["value"] == .int(wonAmount / won))
    let cycle = try db.read {
      try Double.fetchOne(
        $0,
        sql: """
          SELECT avg(julianday(close_date) - julianday(created_date)) FROM deal
          WHERE stage_id = 'closed-won' AND close_date BETWEEN ? AND ?
          """, arguments: range)
    }
    #expect(
      try data("what is our sales cycle length this quarter")["value"] == .double(((cycle ?? 0) * 100).rounded() / 100))
    let openInQuarter = try int("SELECT sum(amount) FROM deal WHERE \(open) AND close_date BETWEEN ? AND ?", range)
    let target = try int("SELECT amount FROM target WHERE period = '2026-Q4'")
    #expect(
      try data("pipeline coverage this quarter")["value"]
        == .double((Double(openInQuarter) / Double(target) * 100).rounded() / 100))
  }

  @Test func metricsWithoutTheirDataSaySoAndGiveNoNumber() throws {
    for line in ["what is our NRR", "what is our ARR", "what is our forecast accuracy"] {
      let reply = try data(line)
      #expect(reply["value"] == .null, "\(line)")
      #expect(reply["missing"] != nil, "\(line)")
    }
  }

  @Test func anEmptyWorkspaceAnswersWithoutNumbers() throws {
    let empty = try Workspace.inMemory(.empty)
    let session = try Fixtures.session(on: empty, actor: "admin")
    for line in [
      "summarize the pipeline", "which deals are stuck", "my tasks", "open change requests", "what is our win rate",
      "forecast for this quarter", "what changed today", "undo",
    ] {
      let turn = session.handle(line)
      #expect(turn.reply.kind != .error, "“\(line)”: \(turn.reply.firstLine)")
    }
    #expect(session.handle("summarize the pipeline").reply.firstLine.contains("empty"))
  }
}
