import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// The open pipeline by `grouping`, with each group's change since `weekAgo`. Aggregated
  /// in SQL over covering indexes; the change reads only the last week of stage history.
  public func pipeline(by grouping: PipelineGrouping, since weekAgo: Day) throws -> [PipelineGroup] {
    try read { db in
      let stages = try Self.openStages(db)
      guard !stages.isEmpty else { return [] }
      let (key, name, joins) = Self.grouping(grouping)
      var groups: [PipelineGroup]
      if grouping == .stage || grouping == .category {
        var byStage: [String: (Int, Int64)] = [:]
        // Stage by stage over the (stage, …) index, the open stages taken from `stage` in the
        // same statement: a list of ids in the query (`IN (…)`) makes SQLite copy it into a
        // temporary table first. A server wants the list (`ServerSummaries`).
        let (sql, arguments) =
          db.dialect == .postgres
          ? ServerSummaries.openByStage(stages.map(\.id))
          : (
            """
            SELECT s.id, count(*), coalesce(sum(d.amount), 0) FROM stage s JOIN deal d ON d.stage_id = s.id
            WHERE s.kind = ? GROUP BY s.id
            """, [StageKind.opportunity.rawValue]
          )
        try db.eachRow(sql, arguments) { byStage[try $0[0]] = (try $0[1], try $0[2]) }
        groups = []
        for stage in stages {
          let (count, amount) = byStage[stage.id] ?? (0, 0)
          guard count > 0 else { continue }
          let groupKey = grouping == .stage ? stage.id : stage.category
          let group = PipelineGroup(
            key: groupKey, name: grouping == .stage ? stage.name : stage.category, count: count, amount: amount,
            weighted: amount * Int64(stage.probability) / 100, change: 0)
          if let index = groups.firstIndex(where: { $0.key == groupKey }) {
            groups[index].count += group.count
            groups[index].amount += group.amount
            groups[index].weighted += group.weighted
          } else {
            groups.append(group)
          }
        }
      } else {
        // Summed per owner or account and stage by seeking their covering index (one range
        // per pair reads only open deals; a scan would read every deal ever made), then
        // weighted by the stage's probability; names joined after.
        // A stage's probability is one number, so the weighted sum is summed per stage; the
        // stages' ids and probabilities are the statement's first arguments.
        let probability =
          "CASE g.stage " + stages.map { _ in "WHEN ? THEN ?" }.joined(separator: " ") + " ELSE 0 END"
        var arguments = SQLArguments()
        for stage in stages { arguments += [stage.id, stage.probability] }
        let column = grouping == .owner ? "owner_id" : "account_id"
        let index = grouping == .owner ? "deal_owner" : "deal_account"
        let table = grouping == .owner ? "person" : "account"
        let pairs: String
        if db.dialect == .postgres {
          let (sql, stageIDs) = ServerSummaries.openByColumn(column, stages.map(\.id))
          pairs = sql
          arguments += stageIDs
        } else {
          pairs = """
            SELECT k.id AS \(column), s.id AS stage,
              (SELECT count(*) FROM deal\(db.dialect.indexed(by: index)) WHERE \(column) = k.id AND stage_id = s.id) AS n,
              (SELECT coalesce(sum(amount), 0) FROM deal\(db.dialect.indexed(by: index)) WHERE \(column) = k.id AND stage_id = s.id)
                AS amount
            FROM \(table) k, stage s WHERE s.kind = ?
            UNION ALL
            SELECT NULL, stage_id, count(*), coalesce(sum(amount), 0) FROM deal\(db.dialect.indexed(by: index))
            WHERE \(column) IS NULL AND stage_id IN (SELECT id FROM stage WHERE kind = ?) GROUP BY stage_id
            """
          arguments += [StageKind.opportunity.rawValue, StageKind.opportunity.rawValue]
        }
        groups = try db.rows(
          """
          SELECT \(key.replacingOccurrences(of: "d.", with: "g.")) AS key, \(name) AS name, sum(g.n) AS n,
            sum(g.amount) AS amount, sum(g.amount * \(probability)) / 100 AS weighted
          FROM (\(pairs)) AS g
          \(joins.replacingOccurrences(of: "d.", with: "g.")) WHERE g.n > 0 GROUP BY 1, 2 ORDER BY amount DESC
          """, arguments
        ) { row in
          PipelineGroup(
            key: try row["key"], name: try row["name"], count: try row["n"], amount: try row["amount"],
            weighted: try row["weighted"],
            change: 0)
        }
      }
      let open = Set(stages.map(\.id))
      let category = Dictionary(uniqueKeysWithValues: stages.map { ($0.id, $0.category) })
      var change: [String: Int64] = [:]
      // The history alone answers: each change keeps the deal's amount, owner and account
      // at the time (its covering index holds them), so no deal row is read.
      // Summed per move in SQL: a week of a million-deal CRM is 55,000 changes, a few dozen
      // moves. Summed per owner or account id first and named after: joining the person or
      // account to every change was half the time; rows that name the same group (accounts
      // of one segment) are added together below.
      let column =
        switch grouping {
        case .stage, .category: ""
        case .owner: ", owner_id"
        case .account, .segment, .territory: ", account_id"
        }
      let history = """
        SELECT d.from_stage AS from_stage, d.to_stage AS to_stage, d.amount AS amount,
          \(column.isEmpty ? "NULL" : key) AS key
        FROM (
          SELECT from_stage, to_stage\(column), coalesce(sum(amount), 0) AS amount FROM stage_change
          WHERE changed_date > ? GROUP BY from_stage, to_stage\(column)
        ) AS d \(joins)
        """
      try db.eachRow(history, [weekAgo.iso]) { row in
        let from: String? = try row["from_stage"]
        let to: String = try row["to_stage"]
        let amount: Int64 = try row["amount"]
        let fromOpen = from.map(open.contains) ?? false
        let toOpen = open.contains(to)
        switch grouping {
        case .stage, .category:
          let group = { (stage: String) in grouping == .stage ? stage : category[stage] ?? "" }
          if fromOpen, let from { change[group(from), default: 0] -= amount }
          if toOpen { change[group(to), default: 0] += amount }
        default:
          if fromOpen != toOpen { change[try row["key"] ?? "", default: 0] += toOpen ? amount : -amount }
        }
      }
      for index in groups.indices { groups[index].change = change[groups[index].key] ?? 0 }
      return groups
    }
  }

  /// The open stages in order, with what the summaries need of them.
  private static func openStages(_ db: Executor) throws -> [(
    id: String, name: String, category: String, probability: Int
  )] {
    try db.rows(
      """
      SELECT id, name, coalesce(forecast_category, '(none)') AS category, coalesce(probability, 0) AS probability
      FROM stage WHERE kind = ? ORDER BY position
      """, [StageKind.opportunity.rawValue]
    ) { (try $0["id"], try $0["name"], try $0["category"], try $0["probability"]) }
  }

  private static func grouping(_ grouping: PipelineGrouping) -> (key: String, name: String, joins: String) {
    switch grouping {
    case .stage: return ("d.stage_id", "d.stage_id", "")
    case .category: return ("d.stage_id", "d.stage_id", "")
    case .owner:
      return ("coalesce(p.handle, '')", "coalesce(p.name, '(no owner)')", "LEFT JOIN person p ON p.id = d.owner_id")
    case .account:
      return (
        "coalesce(CAST(d.account_id AS TEXT), '')", "coalesce(a.name, '(no account)')",
        "LEFT JOIN account a ON a.id = d.account_id"
      )
    case .segment:
      return (
        "coalesce(a.segment, '')", "coalesce(a.segment, '(no segment)')", "LEFT JOIN account a ON a.id = d.account_id"
      )
    case .territory:
      return (
        "coalesce(a.territory, '')", "coalesce(a.territory, '(no territory)')",
        "LEFT JOIN account a ON a.id = d.account_id"
      )
    }
  }

  /// A period's forecast: closed-won, commit, best case and pipeline closing in it, its
  /// target, and its five largest open deals.
  /// `topDeals: 0` skips reading them, for callers that need only the totals (coverage).
  public func forecast(_ period: Period, topDeals: Int = 5, owner: Int64? = nil) throws -> ForecastFigures {
    try read { db in
      var figures = ForecastFigures(
        closedWon: 0, closedWonCount: 0, commit: 0, commitCount: 0, bestCase: 0, bestCaseCount: 0, pipeline: 0,
        pipelineCount: 0, target: nil, topDeals: [])
      let bounds: SQLArguments = [
        period.start.iso, period.end.iso, StageKind.won.rawValue, StageKind.opportunity.rawValue, owner,
      ]
      var leading: [String] = []
      // Stage by stage over the (stage, close date, amount) index, each stage's kind and
      // category beside its figures: a list of stage ids in the query (`IN (…)`) makes SQLite
      // build it into a table first, which costs more than the join.
      try db.eachRow(
        """
        SELECT s.id, s.kind, s.forecast_category, count(*), coalesce(sum(d.amount), 0)
        FROM stage s JOIN deal d ON d.stage_id = s.id AND d.close_date BETWEEN ?1 AND ?2
          AND (CAST(?5 AS BIGINT) IS NULL OR d.owner_id = ?5)
        WHERE s.kind = ?3 OR s.kind = ?4 GROUP BY s.id
        """, bounds
      ) { row in
        let count: Int = try row[3]
        let amount: Int64 = try row[4]
        guard StageKind(rawValue: try row[1]) != .won else {
          figures.closedWon += amount
          figures.closedWonCount += count
          return
        }
        switch ForecastCategory.forOpenDeal(try row[2]) {
        case .commit:
          figures.commit += amount
          figures.commitCount += count
          leading.append(try row[0])
        case .bestCase:
          figures.bestCase += amount
          figures.bestCaseCount += count
          leading.append(try row[0])
        default:
          figures.pipeline += amount
          figures.pipelineCount += count
        }
      }
      // Targets are kept for the company per quarter: one owner's forecast has none.
      figures.target = try (owner == nil ? period.quarter : nil).flatMap { quarter in
        try db.firstRow("SELECT amount FROM target WHERE period = ?", [quarter.key]) { try $0[0] as Int64 }
      }
      guard topDeals > 0 else { return figures }
      // The largest commit and best-case deals: sorted by the server, or on SQLite kept here
      // from the index's (id, amount) pairs (`largest`).
      var top: [(id: Int64, amount: Int64)] = []
      if db.dialect == .sqlite {
        top = try Self.largest(db, of: leading, in: period, owner: owner, limit: topDeals)
      } else if !leading.isEmpty {
        let (sql, arguments) = ServerSummaries.largest(leading, in: period, owner: owner, limit: topDeals)
        top = try db.rows(sql, arguments) { (id: try $0[0] as Int64, amount: try $0[1] as Int64? ?? .min) }
      }
      let read = Dictionary(
        try deals(db, ids: top.map(\.id)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      figures.topDeals = top.compactMap { read[$0.id] }
      return figures
    }
  }

  /// The `limit` largest deals of `stages` closing in `period`, read from the index's
  /// (id, amount) pairs and kept here: SQLite's sorter for `ORDER BY amount DESC LIMIT 5`
  /// costs more than reading the pairs, which stay few even in a large quarter.
  private static func largest(
    _ db: Executor, of stages: [String], in period: Period, owner: Int64?, limit topDeals: Int
  ) throws -> [(id: Int64, amount: Int64)] {
    var top: [(id: Int64, amount: Int64)] = []
    for stage in stages {
      try db.eachRow(
        """
        SELECT id, amount FROM deal\(db.dialect.indexed(by: "deal_stage"))
        WHERE stage_id = ? AND close_date BETWEEN ? AND ? AND (CAST(?4 AS BIGINT) IS NULL OR owner_id = ?4)
        """,
        [stage, period.start.iso, period.end.iso, owner]
      ) { row in
        // A deal with no amount comes last, as SQL's descending order puts NULL.
        let deal = (id: try row[0] as Int64, amount: try row[1] as Int64? ?? .min)
        guard top.count < topDeals || Self.isLarger(deal, than: top[top.count - 1]) else { return }
        top.insert(deal, at: top.firstIndex { Self.isLarger(deal, than: $0) } ?? top.count)
        if top.count > topDeals { top.removeLast() }
      }
    }
    return top
  }

  /// Larger amount first, then the lower number: the order of the forecast's top deals.
  private static func isLarger(_ deal: (id: Int64, amount: Int64), than other: (id: Int64, amount: Int64)) -> Bool {
    deal.amount != other.amount ? deal.amount > other.amount : deal.id < other.id
  }

  /// Deals won and lost with a close date in the period, of `owner` (a person's id) or
  /// everyone's.
  public func closedDeals(in period: Period, owner: Int64? = nil) throws -> ClosedDeals {
    try read { db in
      var closed = ClosedDeals(won: 0, lost: 0, wonAmount: 0, averageCycleDays: nil)
      var cycleDays = 0.0
      // Stage by stage over the (stage, close date, amount, created date) index, the closed
      // stages read from `stage` in its own order: a filter per figure (`FILTER (WHERE
      // stage_id IN won)`) makes SQLite build a list for each.
      try db.eachRow(
        """
        SELECT s.kind = ?3, count(*), coalesce(sum(d.amount), 0),
          sum(CASE WHEN s.kind = ?3 THEN \(db.dialect.days(from: "d.created_date", to: "d.close_date")) END)
        FROM stage s JOIN deal d ON d.stage_id = s.id AND d.close_date BETWEEN ?1 AND ?2
          AND (CAST(?5 AS BIGINT) IS NULL OR d.owner_id = ?5)
        WHERE s.kind = ?3 OR s.kind = ?4 GROUP BY s.id
        """, [period.start.iso, period.end.iso, StageKind.won.rawValue, StageKind.lost.rawValue, owner]
      ) { row in
        if try row[0] as Bool {
          closed.won += try row[1] as Int
          closed.wonAmount += try row[2] as Int64
          cycleDays += try row[3] as Double? ?? 0
        } else {
          closed.lost += try row[1] as Int
        }
      }
      if closed.won > 0 { closed.averageCycleDays = cycleDays / Double(closed.won) }
      return closed
    }
  }

  /// Open deals whose stage has not changed for more than `days` (or, when nil, their
  /// stage's typical days), of `owner` (a person's id) or everyone's, oldest first; with how
  /// many there are and their amount.
  public func stuckDeals(olderThan days: Int?, today: Day, owner: Int64? = nil, limit: Int = 20) throws -> (
    deals: [StuckDeal], count: Int, amount: Int64
  ) {
    try read { db in
      var count = 0
      var amount: Int64 = 0
      var oldest: [(id: Int64, changed: String, threshold: Int)] = []
      // Stage by stage, so each reads its own slice of the (stage, stage-changed) index: one
      // statement joining stages to deals and grouping by stage takes dearer steps per deal.
      let stages: [(id: String, typicalDays: Int?)] = try db.rows(
        "SELECT id, typical_days FROM stage WHERE kind = ?", [StageKind.opportunity.rawValue]
      ) { (try $0[0], try $0[1]) }
      for stage in stages {
        let threshold = days ?? stage.typicalDays ?? StuckRule.defaultDays
        let cutoff = today.adding(days: -threshold)
        guard
          let totals = try db.firstRow(
            """
            SELECT count(*), coalesce(sum(amount), 0) FROM deal
            WHERE stage_id = ? AND stage_changed_date < ? AND (CAST(?3 AS BIGINT) IS NULL OR owner_id = ?3)
            """,
            [stage.id, cutoff.iso, owner], { (try $0[0] as Int, try $0[1] as Int64) }), totals.0 > 0
        else { continue }
        count += totals.0
        amount += totals.1
        // The stage's `limit` oldest, with every deal that ties the last of them on date, in
        // index order; sorted by (date, id) below. Asking SQLite for that order makes it sort
        // each stage's slice again in a temporary b-tree.
        try db.eachRow(
          """
          SELECT id, stage_changed_date FROM deal\(db.dialect.indexed(by: "deal_stage_age"))
          WHERE stage_id = ?1 AND (CAST(?5 AS BIGINT) IS NULL OR owner_id = ?5) AND stage_changed_date <= coalesce(
            (SELECT stage_changed_date FROM deal\(db.dialect.indexed(by: "deal_stage_age"))
             WHERE stage_id = ?1 AND (CAST(?5 AS BIGINT) IS NULL OR owner_id = ?5) AND stage_changed_date < ?2
             ORDER BY stage_changed_date LIMIT 1 OFFSET ?3 - 1),
            ?4)
          """, [stage.id, cutoff.iso, limit, cutoff.adding(days: -1).iso, owner]
        ) { oldest.append((try $0[0], try $0[1], threshold)) }
      }
      oldest.sort { ($0.changed, $0.id) < ($1.changed, $1.id) }
      oldest = Array(oldest.prefix(limit))
      let thresholds = Dictionary(oldest.map { ($0.id, $0.threshold) }, uniquingKeysWith: { first, _ in first })
      let stuck = try deals(db, ids: oldest.map(\.id)).map { deal in
        StuckDeal(deal: deal, days: deal.stageChangedDate.days(to: today), threshold: thresholds[deal.id] ?? 0)
      }.sorted { ($0.days, -$0.deal.id) > ($1.days, -$1.deal.id) }
      return (stuck, count, amount)
    }
  }

  /// Record numbers as one JSON array argument, for `json_each(?)`: one statement whatever
  /// the numbers. Numbers written into the SQL would make a new statement for every set,
  /// each compiled and kept in the connection's cache, so a long session's memory would grow.
  static func jsonList(_ ids: [Int64]) -> String {
    "[" + ids.map(String.init).joined(separator: ",") + "]"
  }
}
