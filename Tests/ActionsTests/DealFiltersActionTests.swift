import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// Lists and the pipeline narrowed by what a line names: the largest few, a segment, a
/// territory, a close period, an owner.
@Suite(.tags(.fast)) struct DealFiltersActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  private func ids(_ reply: Reply) -> [Int64] {
    reply.object["deals"]?.array?.compactMap { $0.object?["id"] }.compactMap {
      if case .int(let id) = $0 { return id }
      return nil
    } ?? []
  }

  @Test func aTopListIsTheLargestOpenDealsLargestFirst() throws {
    let reply = try harness.ask("deal.list", ["top": Slot.number(5)])
    #expect(reply.paragraphs.first == "The 5 largest open deals:")
    let open = try harness.workspace.deals(DealFilter(limit: 10_000))
    let expected = open.sorted { ($0.amount ?? 0, -$0.id) > ($1.amount ?? 0, -$1.id) }.prefix(5).map(\.id)
    #expect(ids(reply) == Array(expected))
  }

  @Test func aSegmentAndAClosePeriodNarrowTheList() throws {
    let quarterKey = Fixtures.today.quarter.key
    let quarter = Period(quarter: Fixtures.today.quarter)
    let reply = try harness.ask(
      "deal.list",
      [
        "segment": EntityValue(kind: .segment, key: "Enterprise", display: "Enterprise"),
        "period": Slot.period(quarterKey),
      ])
    let listed = ids(reply)
    #expect(!listed.isEmpty)
    for id in listed {
      let deal = try #require(try harness.workspace.deal(id: id))
      let accountID = try #require(deal.accountID)
      let account = try #require(try harness.workspace.account(id: accountID))
      #expect(account.segment == "Enterprise")
      let close = try #require(deal.closeDate)
      #expect(close >= quarter.start && close <= quarter.end)
    }
    #expect(reply.paragraphs.first == "Open deals in Enterprise, closing in \(quarter.name):")
  }

  /// A person's pipeline is theirs alone: its total is the sum of their open deals, and it
  /// says the week's change and coverage are the whole pipeline's.
  @Test func aPersonsPipelineSumsTheirOpenDeals() throws {
    let reply = try harness.ask("summary.pipeline", ["person": Slot.person("riley", "Riley Chen")])
    let deals = try harness.workspace.deals(DealFilter(ownerHandle: "riley", limit: 10_000))
    let total = reply.object["total"]?.object
    #expect(total?["count"] == .int(Int64(deals.count)))
    #expect(total?["amount"] == .int(deals.compactMap(\.amount).reduce(0, +)))
    #expect(reply.paragraphs.first == "Open pipeline owned by Riley Chen, by stage:")
    #expect(reply.paragraphs.last?.hasPrefix("The week's change and the coverage are the whole pipeline's") == true)
  }

  @Test func aTerritorysPipelineGroupsByOwner() throws {
    let reply = try harness.ask(
      "summary.pipeline",
      ["territory": EntityValue(kind: .territory, key: "EMEA", display: "EMEA"), "group": Slot.group("owner")])
    let deals = try harness.workspace.deals(DealFilter(territory: "EMEA", limit: 10_000))
    let owners = Set(deals.compactMap(\.ownerHandle))
    let keys = reply.object["groups"]?.array?.compactMap { $0.object?["key"]?.string } ?? []
    #expect(Set(keys) == owners)
  }
}
