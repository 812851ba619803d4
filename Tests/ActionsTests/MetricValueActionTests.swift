import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `metric.value`: a metric computed from the quarter's closed deals, with the figure in
/// `data`; a metric the workspace lacks the data for gives no number.
@Suite(.tags(.fast)) struct MetricValueActionTests {
  let harness: ActionHarness
  let closed: ClosedDeals

  init() throws {
    harness = try ActionHarness()
    closed = try harness.workspace.closedDeals(in: Period(quarter: Fixtures.today.quarter))
  }

  @Test func winRateIsWonOverClosedInTheQuarter() throws {
    let reply = try harness.ask("metric.value", ["metric": Slot.metric("win-rate", "Win rate")])
    let total = closed.won + closed.lost
    #expect(closed.won == 19)
    #expect(total == 34)
    #expect(reply.paragraphs == ["Win rate for Q4 2026: 55.9 % (19 won of 34 closed)."])
    #expect(reply.object["value"] == .double((Double(closed.won) / Double(total) * 100 * 100).rounded() / 100))
    #expect(reply.object["deals"] == .int(Int64(total)))
    #expect(reply.object["period"] == "Q4 2026")
  }

  @Test func averageDealSizeIsWonAmountOverWonDeals() throws {
    let reply = try harness.ask("metric.value", ["metric": Slot.metric("average-deal-size", "Average deal size")])
    #expect(reply.object["value"] == .int(closed.wonAmount / Int64(closed.won)))
    #expect(reply.paragraphs == ["Average deal size for Q4 2026: $127,657 ($2,425,500 over 19 won deals)."])
  }

  @Test func pipelineCoverageAgreesWithTheForecast() throws {
    let reply = try harness.ask("metric.value", ["metric": Slot.metric("pipeline-coverage", "Pipeline coverage")])
    #expect(
      reply.paragraphs == [
        "Pipeline coverage for Q4 2026: 2.0x ($5,169,000 open in 45 deals over a $2,600,000 target; healthy is 3x "
          + "to 4x)."
      ])
    #expect(reply.object["value"] == .double(1.99))
  }

  @Test func aPersonsWinRateIsTheirsAlone() throws {
    let reply = try harness.ask(
      "metric.value", ["metric": Slot.metric("win-rate", "Win rate"), "person": Slot.person("sam", "Sam Carter")])
    let sam = try #require(try harness.workspace.person(handle: "sam"))
    let closed = try harness.workspace.closedDeals(in: Period(quarter: Fixtures.today.quarter), owner: sam.id)
    let everyone = try harness.workspace.closedDeals(in: Period(quarter: Fixtures.today.quarter), owner: nil)
    #expect(closed.won + closed.lost < everyone.won + everyone.lost)
    #expect(reply.object["deals"] == .int(Int64(closed.won + closed.lost)))
    #expect(reply.object["person"] == "sam")
    #expect(reply.paragraphs.first?.hasPrefix("Win rate for Sam Carter, Q4 2026: ") == true)
  }

  @Test func aMetricNotNarrowedByPersonSaysItIsTheCompanys() throws {
    let reply = try harness.ask(
      "metric.value",
      ["metric": Slot.metric("pipeline-coverage", "Pipeline coverage"), "person": Slot.person("avery", "Avery Patel")])
    #expect(
      reply.paragraphs.last
        == "This is the company's figure: pipeline coverage is not narrowed by person (Avery Patel) yet.")
    #expect(reply.object["not_narrowed_by"] == "avery")
  }

  @Test func aMetricWithoutItsDataGivesNoNumber() throws {
    let reply = try harness.ask("metric.value", ["metric": Slot.metric("arr", "ARR")])
    #expect(reply.kind == .answer)
    #expect(reply.object["value"] == .null)
    #expect(
      reply.paragraphs == [
        "ARR cannot be computed from this workspace: it needs subscription records (recurring revenue per "
          + "customer), which the workspace does not hold. Its formula: sum of annualized recurring contract value "
          + "of active customers."
      ])
  }

  @Test func anUnknownMetricIsNotFound() throws {
    let reply = try harness.ask("metric.value", ["metric": Slot.metric("churn-velocity", "Churn velocity")])
    #expect(reply.refusalReason == .notFound)
    #expect(reply.paragraphs == ["No metric churn-velocity in the workspace."])
  }
}
