import BatonModel
import WorkspaceStore

/// The dashboards: open pipeline, the forecast roll-up, stuck deals. Figures come from SQL
/// aggregates; replies carry the numbers in `data` and draw tables and bars for people.
enum SummaryActions {
  /// `summary.pipeline`: open pipeline by stage (or owner, account, segment, category).
  static let pipeline: ActionHandler = { request, workspace in
    let grouping = request.key("group").flatMap(PipelineGrouping.init(rawValue:)) ?? .stage
    let reading: DealFilters.Reading
    switch try DealFilters.read(request, workspace) {
    case .found(let found): reading = found
    case .refused(let reply): return reply
    }
    if reading.filter.narrowsBeyondStage || reading.filter.stage != nil {
      return try FilteredPipeline.reply(reading, grouping: grouping, request, workspace)
    }
    let groups = try workspace.pipeline(by: grouping, since: request.today.adding(days: -7))
    let money = try Formatter(workspace)
    guard !groups.isEmpty else {
      return Reply(kind: .answer, text: "The open pipeline is empty: no deals in an open stage.", data: ["groups": []])
    }
    let count = groups.reduce(0) { $0 + $1.count }
    let amount = groups.reduce(Int64(0)) { $0 + $1.amount }
    let weighted = groups.reduce(Int64(0)) { $0 + $1.weighted }
    let change = groups.reduce(Int64(0)) { $0 + $1.change }
    let table = Table(
      header: [
        grouping.rawValue.prefix(1).uppercased() + grouping.rawValue.dropFirst(), "Deals", "Amount", "Weighted",
        "Change 7d",
      ],
      rows: groups.map { [$0.name, String($0.count), money($0.amount), money($0.weighted), money.signed($0.change)] }
        + [["Total", String(count), money(amount), money(weighted), money.signed(change)]],
      alignments: [.left, .right, .right, .right, .right])
    let quarter = request.today.quarter
    let figures = try workspace.forecast(Period(quarter: quarter), topDeals: 0, owner: nil)
    var blocks: [Block] = [
      .text("Open pipeline by \(grouping.rawValue):"), .table(table),
      .chart(BarChart(bars: groups.map { .init(label: $0.name, value: Double($0.amount), display: money($0.amount)) })),
    ]
    var coverage: (inPeriod: Int64, target: Int64, ratio: Double)?
    if let target = figures.target, target > 0 {
      let inPeriod = figures.commit + figures.bestCase + figures.pipeline
      let ratio = Double(inPeriod) / Double(target)
      coverage = (inPeriod, target, ratio)
      blocks.append(
        .text(
          "Coverage for \(quarter): \(money(inPeriod)) open and closing in the quarter over a \(money(target)) target = \(Formatter.ratio(ratio)) (healthy is 3x to 4x)."
        ))
    }
    let data = request.data {
      var data: [String: JSONValue] = [
        "group_by": .string(grouping.rawValue),
        "groups": .array(
          groups.map {
            [
              "key": .string($0.key), "name": .string($0.name), "count": .int(Int64($0.count)),
              "amount": .int($0.amount), "weighted": .int($0.weighted), "change_7d": .int($0.change),
            ]
          }),
        "total": [
          "count": .int(Int64(count)), "amount": .int(amount), "weighted": .int(weighted), "change_7d": .int(change),
        ],
      ]
      if let coverage {
        data["coverage"] = [
          "period": .string(quarter.key), "open_in_period": .int(coverage.inPeriod), "target": .int(coverage.target),
          "ratio": .double(Formatter.rounded(coverage.ratio)),
        ]
      }
      return .object(data)
    }
    return Reply(kind: .table, blocks: blocks, data: data)
  }

  /// `summary.forecast`: closed-won, commit, best case and pipeline against the target.
  static let forecast: ActionHandler = { request, workspace in
    // A forecast looks ahead: "forecast for Q1" in December is next year's.
    let period =
      PeriodAhead.period(request.slots["period"]?.value, today: request.today) ?? Period(quarter: request.today.quarter)
    let owner: Person?
    switch try Lookup.optionalPerson("person", request, workspace) {
    case .found(let found): owner = found
    case .refused(let reply): return reply
    }
    let figures = try workspace.forecast(period, topDeals: 5, owner: owner?.id)
    let money = try Formatter(workspace)
    let rows: [(String, Int, Int64)] = [
      ("Closed-won", figures.closedWonCount, figures.closedWon), ("Commit", figures.commitCount, figures.commit),
      ("Best case", figures.bestCaseCount, figures.bestCase), ("Pipeline", figures.pipelineCount, figures.pipeline),
    ]
    var blocks: [Block] = [
      .text(
        "Forecast for \(owner.map { "\($0.name), " } ?? "")\(period.name) (\(period.start.iso) to \(period.end.iso)):"),
      .table(
        Table(
          header: ["Category", "Deals", "Amount"], rows: rows.map { [$0.0, String($0.1), money($0.2)] },
          alignments: [.left, .right, .right])),
      .chart(BarChart(bars: rows.map { .init(label: $0.0, value: Double($0.2), display: money($0.2)) })),
    ]
    if let against = AgainstTarget(figures) {
      var line = "Target \(money(against.target)); closed-won plus commit \(money(against.called)): "
      line += against.gap > 0 ? "a gap of \(money(against.gap))." : "over the target by \(money(-against.gap))."
      if let coverage = against.coverage {
        line += " Coverage of the remaining \(money(against.remaining)): \(Formatter.ratio(coverage))."
      }
      blocks.append(.text(line))
    } else if let owner {
      blocks.append(
        .text("Targets are the company's, not \(owner.name)'s, so there is no gap or coverage to show for one person."))
    } else {
      blocks.append(.text("No target is set for \(period.name), so there is no gap or coverage to show."))
    }
    if !figures.topDeals.isEmpty {
      blocks.append(.text("The deals that move the number most:"))
      blocks.append(.table(DealTables.table(figures.topDeals, money: money)))
    }
    return Reply(kind: .table, blocks: blocks, data: request.data { forecastData(figures, period: period) })
  }

  /// The forecast against its target, worked out once for the text and the data alike.
  private struct AgainstTarget {
    let target: Int64
    /// Closed-won plus commit.
    let called: Int64
    /// What the called figure falls short of the target by (negative when over it).
    let gap: Int64
    /// The target less what is already won.
    let remaining: Int64
    /// Open pipeline (commit, best case, pipeline) over `remaining`; nil when nothing remains.
    let coverage: Double?

    init?(_ figures: ForecastFigures) {
      guard let target = figures.target else { return nil }
      self.target = target
      called = figures.closedWon + figures.commit
      gap = target - called
      remaining = target - figures.closedWon
      let open = figures.commit + figures.bestCase + figures.pipeline
      coverage = remaining > 0 ? Double(open) / Double(remaining) : nil
    }
  }

  /// The forecast's figures for programs.
  private static func forecastData(_ figures: ForecastFigures, period: Period) -> JSONValue {
    var data: [String: JSONValue] = [
      "period": .string(period.name), "closed_won": .int(figures.closedWon), "commit": .int(figures.commit),
      "best_case": .int(figures.bestCase), "pipeline": .int(figures.pipeline),
      "counts": [
        "closed_won": .int(Int64(figures.closedWonCount)), "commit": .int(Int64(figures.commitCount)),
        "best_case": .int(Int64(figures.bestCaseCount)), "pipeline": .int(Int64(figures.pipelineCount)),
      ],
    ]
    if let against = AgainstTarget(figures) {
      data["target"] = .int(against.target)
      data["gap"] = .int(against.gap)
      data["coverage"] = against.coverage.map { .double(Formatter.rounded($0)) } ?? .null
    } else {
      data["target"] = .null
    }
    if !figures.topDeals.isEmpty { data["top_deals"] = .array(figures.topDeals.map { .int($0.id) }) }
    return .object(data)
  }

  /// `deal.stuck`: open deals with no stage change for N days, or longer than their stage's
  /// typical time; oldest first.
  static let stuck: ActionHandler = { request, workspace in
    let days = request.number("days").map { Int(clamping: $0) }
    if let days, days < 0 { return .refused("A number of days cannot be negative.", reason: .invalidNumber) }
    let owner: Person?
    switch try Lookup.optionalPerson("person", request, workspace) {
    case .found(let found): owner = found
    case .refused(let reply): return reply
    }
    let (deals, count, amount) = try workspace.stuckDeals(
      olderThan: days, today: request.today, owner: owner?.id, limit: 20)
    let money = try Formatter(workspace)
    let rule = days.map { "no stage change in more than \($0) days" } ?? "longer in their stage than its typical time"
    let whose = owner.map { " of \($0.name)'s" } ?? ""
    guard !deals.isEmpty else {
      return Reply(
        kind: .answer, text: "No open deals\(whose.isEmpty ? "" : " of \(owner?.name ?? "")") are stuck (\(rule)).",
        data: ["count": 0, "deals": []])
    }
    let table = Table(
      header: ["#", "Deal", "Owner", "Stage", "Days", "Limit", "Amount"],
      rows: deals.map {
        [
          String($0.deal.id), $0.deal.name, $0.deal.owner ?? "-", $0.deal.stageName, String($0.days),
          String($0.threshold), $0.deal.amount.map(money.callAsFunction) ?? "-",
        ]
      }, alignments: [.right, .left, .left, .left, .right, .right, .right])
    var blocks: [Block] = [
      .text("\(count)\(whose) open deals stuck (\(rule)), worth \(money(amount)); oldest first:"), .table(table),
    ]
    if count > deals.count { blocks.append(.text("Showing the \(deals.count) oldest.")) }
    return Reply(
      kind: .table, blocks: blocks,
      data: request.data {
        [
          "count": .int(Int64(count)), "amount": .int(amount), "days": days.map { .int(Int64($0)) } ?? .null,
          "deals": .array(
            deals.map {
              [
                "id": .int($0.deal.id), "days": .int(Int64($0.days)), "threshold": .int(Int64($0.threshold)),
                "stage": .string($0.deal.stage), "amount": $0.deal.amount.map(JSONValue.int) ?? .null,
              ]
            }),
        ]
      })
  }
}
