import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `deal.show`: one deal's stage, owner, amount, dates and exit criteria; or the nearest deals
/// when it does not exist.
@Suite(.tags(.fast)) struct DealShowActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func anExistingDealShowsItsStageAndMissingCriteria() throws {
    let reply = try harness.ask("deal.show", ["deal": Slot.deal(42)])
    #expect(reply.kind == .answer)
    #expect(
      reply.paragraphs == [
        """
        Deal 42: Nakatomi Expansion
          Account: Nakatomi   Owner: Sam Carter
          Stage: Proposal (best case, 50 %), since 2026-09-14 (70 days)
          Amount: $373,000   Close date: 2026-11-20   Created: 2025-11-09
          Exit criteria for Proposal: 2 of 3 met; missing: Budget confirmed by the economic buyer.
          To record it: “record budget confirmed on deal 42”.
        """
      ])
    let deal = try #require(try harness.workspace.deal(id: 42))
    #expect(reply.object["id"] == .int(deal.id))
    #expect(reply.object["stage"] == .string(deal.stage))
    #expect(reply.object["amount"] == deal.amount.map(JSONValue.int))
    #expect(reply.object["exit_criteria_met"] == 2)
    #expect(reply.object["exit_criteria_missing"] == ["Budget confirmed by the economic buyer"])
  }

  @Test func aMissingDealIsRefusedWithTheNearestNumbers() throws {
    let reply = try harness.ask("deal.show", ["deal": Slot.deal(4242)])
    #expect(reply.kind == .refused)
    #expect(reply.refusalReason == .notFound)
    #expect(reply.paragraphs == ["No deal 4242 in the workspace. Nearest: deal 220, deal 219, deal 218."])
    #expect(reply.object["missing"] == "deal 4242")
    #expect(reply.object["nearest"] == ["deal 220", "deal 219", "deal 218"])
  }
}
