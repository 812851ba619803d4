import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `activity.recent`: the audit log, and a list that is cut says so.
@Suite(.tags(.fast)) struct ActivityActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func aListOfMoreThanTwentyChangesSaysItIsCut() throws {
    for index in 0..<21 {
      _ = try harness.perform(
        "deal.move", input: "move deal 5 (\(index))",
        ["deal": Slot.deal(5), "stage": Slot.stage(index % 2 == 0 ? "discovery" : "proposal", "a stage")])
    }
    let reply = try harness.ask("activity.recent")
    #expect(
      reply.paragraphs.last
        == "Showing the latest 20; there are more. Name a deal (“who changed deal 42”) or a day to narrow it.")
    #expect(reply.object["more"] == true)
  }

  @Test func aWholeListSaysNothingMore() throws {
    _ = try harness.perform(
      "deal.move", input: "move deal 42 to discovery",
      ["deal": Slot.deal(42), "stage": Slot.stage("discovery", "Discovery")])
    let reply = try harness.ask("activity.recent")
    #expect(reply.paragraphs == ["Recent changes:"])
    #expect(reply.object["more"] == false)
  }
}
