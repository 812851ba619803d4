import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `deal.stuck`: open deals with no stage change for a number of days, oldest first.
@Suite(.tags(.fast)) struct DealStuckActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func aNegativeNumberOfDaysIsRefused() throws {
    let reply = try harness.ask("deal.stuck", ["days": Slot.number(-3)])
    #expect(reply.kind == .refused)
    #expect(reply.refusalReason == .invalidNumber)
    #expect(reply.paragraphs == ["A number of days cannot be negative."])
  }

  @Test func stuckDealsAreTheStoresOldestFirst() throws {
    let reply = try harness.ask("deal.stuck", ["days": Slot.number(60)])
    let stuck = try harness.workspace.stuckDeals(olderThan: 60, today: Fixtures.today, limit: 20)
    #expect(reply.object["count"] == .int(Int64(stuck.count)))
    #expect(reply.object["amount"] == .int(stuck.amount))
    #expect(reply.object["days"] == 60)
    guard case .array(let deals)? = reply.object["deals"] else {
      Issue.record("no deals in \(reply.data)")
      return
    }
    #expect(deals.map { $0.id } == stuck.deals.map { .int($0.deal.id) })
    let days = stuck.deals.map(\.days)
    #expect(days == days.sorted(by: >))
    #expect(
      reply.paragraphs == [
        "25 open deals stuck (no stage change in more than 60 days), worth $3,472,500; oldest first:",
        "Showing the 20 oldest.",
      ])
  }

  /// "which of riley's deals are stuck" is Riley's, never everyone's.
  @Test func aPersonsStuckDealsAreTheirsAlone() throws {
    let reply = try harness.ask("deal.stuck", ["person": Slot.person("riley", "Riley Chen")])
    let workspace = harness.workspace
    let typical = Dictionary(uniqueKeysWithValues: try workspace.stages().map { ($0.id, $0.typicalDays ?? 30) })
    let open = try workspace.deals(stage: nil, ownerHandle: "riley", accountID: nil, includeClosed: false, limit: 1_000)
    let expected = open.filter { $0.stageChangedDate.days(to: Fixtures.today) > (typical[$0.stage] ?? 30) }
    #expect(reply.object["count"] == .int(Int64(expected.count)))
    #expect(reply.paragraphs.first?.hasPrefix("\(expected.count) of Riley Chen's open deals stuck") == true)
    guard case .array(let deals)? = reply.object["deals"] else {
      Issue.record("no deals in \(reply.data)")
      return
    }
    #expect(Set(deals.map { $0.id }) == Set(expected.prefix(20).map { JSONValue.int($0.id) }) || expected.count > 20)
    #expect(!expected.isEmpty)
  }
}

extension JSONValue {
  /// The `id` member of an object.
  fileprivate var id: JSONValue? {
    if case .object(let object) = self { return object["id"] }
    return nil
  }
}
