import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `summary.pipeline` and `summary.forecast`: the figures in `data` are the store's own, and
/// the quarter's target is the demo's $2,600,000.
@Suite(.tags(.fast)) struct SummaryActionsTests {
  let harness: ActionHarness
  let quarter = Period(quarter: Fixtures.today.quarter)

  init() throws { harness = try ActionHarness() }

  @Test func pipelineTotalsAreTheSumOfTheStoresGroups() throws {
    let reply = try harness.ask("summary.pipeline")
    #expect(reply.kind == .table)
    let groups = try harness.workspace.pipeline(by: .stage, since: Fixtures.today.adding(days: -7))
    #expect(groups.map(\.key) == ["discovery", "proposal", "negotiation"])
    #expect(reply.object["group_by"] == "stage")
    #expect(
      reply.object["total"]
        == [
          "count": .int(Int64(groups.reduce(0) { $0 + $1.count })),
          "amount": .int(groups.reduce(0) { $0 + $1.amount }),
          "weighted": .int(groups.reduce(0) { $0 + $1.weighted }),
          "change_7d": .int(groups.reduce(0) { $0 + $1.change }),
        ])
    #expect(
      reply.object["groups"]
        == .array(
          groups.map {
            [
              "key": .string($0.key), "name": .string($0.name), "count": .int(Int64($0.count)),
              "amount": .int($0.amount), "weighted": .int($0.weighted), "change_7d": .int($0.change),
            ]
          }))
  }

  @Test func pipelineCoverageIsTheQuartersOpenAmountOverItsTarget() throws {
    let reply = try harness.ask("summary.pipeline")
    let figures = try harness.workspace.forecast(quarter, topDeals: 0)
    let open = figures.commit + figures.bestCase + figures.pipeline
    #expect(figures.target == 2_600_000)
    let coverage = try #require(reply.object["coverage"])
    #expect(
      coverage == [
        "period": "2026-Q4", "open_in_period": .int(open), "target": 2_600_000,
        "ratio": .double((Double(open) / 2_600_000 * 100).rounded() / 100),
      ])
    #expect(
      reply.paragraphs == [
        "Open pipeline by stage:",
        "Coverage for Q4 2026: $5,169,000 open and closing in the quarter over a $2,600,000 target = 2.0x "
          + "(healthy is 3x to 4x).",
      ])
  }

  @Test func pipelineShowsATableWithATotalRowAndAChart() throws {
    let reply = try harness.ask("summary.pipeline")
    let tables = reply.blocks.compactMap { block -> Table? in
      if case .table(let table) = block { return table }
      return nil
    }
    let table = try #require(tables.first)
    #expect(table.header == ["Stage", "Deals", "Amount", "Weighted", "Change 7d"])
    #expect(table.rows.map { $0.first } == ["Discovery", "Proposal", "Negotiation", "Total"])
    #expect(table.rows.last == ["Total", "108", "$13,008,000", "$5,590,050", "-$370,500"])
    let charts = reply.blocks.compactMap { block -> BarChart? in
      if case .chart(let chart) = block { return chart }
      return nil
    }
    #expect(charts.first?.bars.map(\.label) == ["Discovery", "Proposal", "Negotiation"])
  }

  @Test func forecastFiguresAreTheStoresForTheQuarter() throws {
    let reply = try harness.ask("summary.forecast")
    #expect(reply.kind == .table)
    let figures = try harness.workspace.forecast(quarter, topDeals: 5)
    let target = try #require(figures.target)
    #expect(target == 2_600_000)
    let data = reply.object
    #expect(data["period"] == "Q4 2026")
    #expect(data["closed_won"] == .int(figures.closedWon))
    #expect(data["commit"] == .int(figures.commit))
    #expect(data["best_case"] == .int(figures.bestCase))
    #expect(data["pipeline"] == .int(figures.pipeline))
    #expect(data["target"] == .int(target))
    #expect(data["gap"] == .int(target - figures.closedWon - figures.commit))
    #expect(
      data["counts"]
        == [
          "closed_won": .int(Int64(figures.closedWonCount)), "commit": .int(Int64(figures.commitCount)),
          "best_case": .int(Int64(figures.bestCaseCount)), "pipeline": .int(Int64(figures.pipelineCount)),
        ])
    #expect(data["top_deals"] == .array(figures.topDeals.map { .int($0.id) }))
  }

  @Test func forecastSaysHowItStandsAgainstTheTarget() throws {
    let reply = try harness.ask("summary.forecast")
    #expect(
      reply.paragraphs == [
        "Forecast for Q4 2026 (2026-10-01 to 2026-12-31):",
        "Target $2,600,000; closed-won plus commit $3,510,000: over the target by $910,000. Coverage of the "
          + "remaining $174,500: 29.6x.",
        "The deals that move the number most:",
      ])
    #expect(reply.object["gap"] == -910_000)
    #expect(reply.object["coverage"] == .double(29.62))
  }

  @Test func aPeriodWithoutATargetSaysSo() throws {
    let reply = try harness.ask("summary.forecast", ["period": Slot.period("2025")])
    #expect(reply.object["target"] == .null)
    #expect(reply.paragraphs.contains("No target is set for 2025, so there is no gap or coverage to show."))
  }

  /// "forecast for avery" is Avery's deals alone, and says there is no per-person target.
  @Test func aPersonsForecastIsTheirsAlone() throws {
    let reply = try harness.ask("summary.forecast", ["person": Slot.person("avery", "Avery Patel")])
    let avery = try #require(try harness.workspace.person(handle: "avery"))
    let quarter = Period(quarter: Fixtures.today.quarter)
    let theirs = try harness.workspace.forecast(quarter, topDeals: 0, owner: avery.id)
    let everyone = try harness.workspace.forecast(quarter, topDeals: 0, owner: nil)
    #expect(theirs.closedWon < everyone.closedWon && theirs.target == nil && everyone.target != nil)
    #expect(reply.object["closed_won"] == .int(theirs.closedWon))
    #expect(reply.object["commit"] == .int(theirs.commit))
    #expect(reply.paragraphs.first == "Forecast for Avery Patel, Q4 2026 (2026-10-01 to 2026-12-31):")
    #expect(
      reply.paragraphs.contains(
        "Targets are the company's, not Avery Patel's, so there is no gap or coverage to show for one person."))
  }

  /// A forecast looks ahead: "forecast for Q1" in December is next year's Q1; "Q1 2026" is
  /// the one named.
  @Test func aBareQuarterThatHasEndedIsNextYearsForAForecast() throws {
    let bare = try harness.ask(
      "summary.forecast", ["period": EntityValue(kind: .period, key: "2026-Q1", display: "Q1")])
    #expect(bare.paragraphs.first == "Forecast for Q1 2027 (2027-01-01 to 2027-03-31):")
    let named = try harness.ask(
      "summary.forecast", ["period": EntityValue(kind: .period, key: "2026-Q1", display: "Q1 2026")])
    #expect(named.paragraphs.first == "Forecast for Q1 2026 (2026-01-01 to 2026-03-31):")
  }
}
