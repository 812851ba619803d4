import Assistant
import BatonModel
import BatonTestSupport
import Testing

/// A period pointed at ("that quarter") is the one the conversation last used, or asked for.
@Suite(.tags(.fast)) struct PointedPeriodTests {
  @Test func thatQuarterIsThePeriodTheConversationLastUsed() throws {
    let session = try Fixtures.session(actor: "jordan")
    _ = session.handle("win rate in Q2 2026")
    let turn = session.handle("how many deals were won in that quarter")
    #expect(turn.slots["period"]?.value.key == "2026-Q2", "\(turn.reply.firstLine)")
    #expect(turn.slots["period"]?.source == .context)
    let notes = turn.reply.blocks.compactMap { block -> String? in
      guard case .text(let text) = block else { return nil }
      return text
    }
    #expect(!notes.contains { $0.hasPrefix("Not used") }, "\(notes)")
  }

  /// "that month" after a quarter is no quarter: baton asks which month.
  @Test func aPeriodOfAnotherUnitIsNotTakenForIt() throws {
    let session = try Fixtures.session(actor: "jordan")
    _ = session.handle("win rate in Q2 2026")
    let asked = session.handle("and the win rate for that month")
    #expect(asked.reply.kind == .question, "\(asked.reply.firstLine)")
  }

  @Test func withNoPeriodSaidBeforeBatonAsksWhich() throws {
    let session = try Fixtures.session(actor: "jordan")
    let asked = session.handle("what was the win rate for the same quarter")
    #expect(asked.reply.kind == .question, "\(asked.reply.firstLine)")
    let answered = session.handle("Q3 2026")
    #expect(answered.slots["period"]?.value.key == "2026-Q3", "\(answered.reply.firstLine)")
  }
}
