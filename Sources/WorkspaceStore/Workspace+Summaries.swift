import BatonModel
internal import GRDB

extension Workspace {
  /// The open pipeline by `grouping`, with each group's change since `weekAgo`. Aggregated
  /// in SQL; the change reads only the last week of stage history.
  public func pipeline(by grouping: PipelineGrouping, since weekAgo: Day) throws -> [PipelineGroup] {
    let (key, name, joins, order) = Self.grouping(grouping)
    return try read { db in
      var groups = try Row.fetchAll(
        db,
        sql: """
          SELECT \(key) AS key, \(name) AS name, count(*) AS n, coalesce(sum(d.amount), 0) AS amount,
            coalesce(sum(d.amount * coalesce(s.probability, 0)), 0) / 100 AS weighted
          FROM deal d JOIN stage s ON s.id = d.stage_id \(joins)
          WHERE s.kind = 'opportunity' GROUP BY 1 ORDER BY \(order)
          """
      ).map { row in
        PipelineGroup(
          key: row["key"], name: row["name"], count: row["n"], amount: row["amount"], weighted: row["weighted"],
          change: 0)
      }
      let open = Set(try String.fetchAll(db, sql: "SELECT id FROM stage WHERE kind = 'opportunity'"))
      var change: [String: Int64] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT sc.from_stage, sc.to_stage, coalesce(d.amount, 0) AS amount, \(key) AS key
          FROM stage_change sc JOIN deal d ON d.id = sc.deal_id JOIN stage s ON s.id = d.stage_id \(joins)
          WHERE sc.changed_date > ?
          """, arguments: [weekAgo.iso])
      {
        let from: String? = row["from_stage"]
        let to: String = row["to_stage"]
        let amount: Int64 = row["amount"]
        let fromOpen = from.map(open.contains) ?? false
        let toOpen = open.contains(to)
        if grouping == .stage {
          if fromOpen, let from { change[from, default: 0] -= amount }
          if toOpen { change[to, default: 0] += amount }
        } else if fromOpen != toOpen {
          change[row["key"] ?? "", default: 0] += toOpen ? amount : -amount
        }
      }
      for index in groups.indices { groups[index].change = change[groups[index].key] ?? 0 }
      return groups
    }
  }

  private static func grouping(_ grouping: PipelineGrouping) -> (
    key: String, name: String, joins: String, order: String
  ) {
    switch grouping {
    case .stage: return ("d.stage_id", "s.name", "", "min(s.position)")
    case .owner:
      return (
        "coalesce(p.handle, '')", "coalesce(p.name, '(no owner)')", "LEFT JOIN person p ON p.id = d.owner_id",
        "amount DESC"
      )
    case .account:
      return (
        "coalesce(CAST(d.account_id AS TEXT), '')", "coalesce(a.name, '(no account)')",
        "LEFT JOIN account a ON a.id = d.account_id",
        "amount DESC"
      )
    case .segment:
      return (
        "coalesce(a.segment, '')", "coalesce(a.segment, '(no segment)')",
        "LEFT JOIN account a ON a.id = d.account_id", "amount DESC"
      )
    case .category:
      return ("coalesce(s.forecast_category, '')", "coalesce(s.forecast_category, '(none)')", "", "min(s.position)")
    }
  }

  /// A period's forecast: closed-won, commit, best case and pipeline closing in it, its
  /// target, and its five largest open deals.
  public func forecast(_ period: Period) throws -> ForecastFigures {
    try read { db in
      var figures = ForecastFigures(
        closedWon: 0, closedWonCount: 0, commit: 0, commitCount: 0, bestCase: 0, bestCaseCount: 0, pipeline: 0,
        pipelineCount: 0, target: nil, topDeals: [])
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT s.kind, s.forecast_category AS category, count(*) AS n, coalesce(sum(d.amount), 0) AS amount
          FROM deal d JOIN stage s ON s.id = d.stage_id
          WHERE d.close_date BETWEEN ? AND ? GROUP BY 1, 2
          """, arguments: [period.start.iso, period.end.iso])
      {
        let kind: String = row["kind"]
        let count: Int = row["n"]
        let amount: Int64 = row["amount"]
        switch (kind, row["category"] as String?) {
        case ("won", _): (figures.closedWon, figures.closedWonCount) = (amount, count)
        case ("opportunity", "commit"): (figures.commit, figures.commitCount) = (amount, count)
        case ("opportunity", "best case"): (figures.bestCase, figures.bestCaseCount) = (amount, count)
        case ("opportunity", _):
          figures.pipeline += amount
          figures.pipelineCount += count
        default: break
        }
      }
      figures.target = try period.quarter.flatMap {
        try Int64.fetchOne(db, sql: "SELECT amount FROM target WHERE period = ?", arguments: [$0.key])
      }
      figures.topDeals = try deals(
        db,
        where: """
          d.close_date BETWEEN ? AND ? AND s.kind = 'opportunity' AND s.forecast_category IN ('commit', 'best case')
          """, [period.start.iso, period.end.iso], limit: 5, order: "d.amount DESC, d.id")
      return figures
    }
  }

  /// Deals won and lost with a close date in the period.
  public func closedDeals(in period: Period) throws -> ClosedDeals {
    try read { db in
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT count(*) FILTER (WHERE s.kind = 'won') AS won, count(*) FILTER (WHERE s.kind = 'lost') AS lost,
            coalesce(sum(d.amount) FILTER (WHERE s.kind = 'won'), 0) AS won_amount,
            avg(julianday(d.close_date) - julianday(d.created_date)) FILTER (WHERE s.kind = 'won') AS cycle
          FROM deal d JOIN stage s ON s.id = d.stage_id
          WHERE d.close_date BETWEEN ? AND ? AND s.kind IN ('won', 'lost')
          """, arguments: [period.start.iso, period.end.iso])
      return ClosedDeals(
        won: row?["won"] ?? 0, lost: row?["lost"] ?? 0, wonAmount: row?["won_amount"] ?? 0,
        averageCycleDays: row?["cycle"])
    }
  }

  /// Open deals whose stage has not changed for more than `days` (or, when nil, their
  /// stage's typical days), oldest first; with how many there are and their amount.
  public func stuckDeals(olderThan days: Int?, today: Day, limit: Int = 20) throws -> (
    deals: [StuckDeal], count: Int, amount: Int64
  ) {
    try read { db in
      var oldest: [(id: Int64, changed: String, threshold: Int)] = []
      var count = 0
      var amount: Int64 = 0
      // Stage by stage, so each reads its own slice of the (stage, stage-changed) index.
      for stage in try Row.fetchAll(
        db, sql: "SELECT id, typical_days FROM stage WHERE kind = 'opportunity' ORDER BY position")
      {
        let threshold = days ?? (stage["typical_days"] as Int?) ?? 30
        let cutoff = today.adding(days: -threshold).iso
        let stageID: String = stage["id"]
        if let totals = try Row.fetchOne(
          db,
          sql: "SELECT count(*), coalesce(sum(amount), 0) FROM deal WHERE stage_id = ? AND stage_changed_date < ?",
          arguments: [stageID, cutoff])
        {
          count += totals[0] as Int
          amount += totals[1] as Int64
        }
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT id, stage_changed_date FROM deal WHERE stage_id = ? AND stage_changed_date < ?
            ORDER BY stage_changed_date, id LIMIT ?
            """, arguments: [stageID, cutoff, limit])
        {
          oldest.append((row["id"], row["stage_changed_date"], threshold))
        }
      }
      oldest.sort { ($0.changed, $0.id) < ($1.changed, $1.id) }
      oldest = Array(oldest.prefix(limit))
      let thresholds = Dictionary(oldest.map { ($0.id, $0.threshold) }, uniquingKeysWith: { first, _ in first })
      let ids = oldest.map { String($0.id) }.joined(separator: ",")
      let deals = ids.isEmpty ? [] : try deals(db, where: "d.id IN (\(ids))", [], limit: limit)
      let stuck = deals.map { deal in
        StuckDeal(deal: deal, days: deal.stageChangedDate.days(to: today), threshold: thresholds[deal.id] ?? 0)
      }.sorted { ($0.days, -$0.deal.id) > ($1.days, -$1.deal.id) }
      return (stuck, count, amount)
    }
  }
}
