import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `session.undo`: reverses the caller's latest change, however far back in the audit log
/// it is; with no change of the caller's, there is nothing to undo.
@Suite(.tags(.fast)) struct UndoActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func withNoOwnChangesThereIsNothingToUndo() throws {
    let reply = try harness.answer("session.undo")
    #expect(reply.refusalReason == .nothingToUndo)
    #expect(reply.paragraphs == ["Nothing to undo: you have made no change in this session."])
  }

  @Test func aChangeAlreadyUndoneIsNotUndoneAgain() throws {
    let move = try harness.perform(
      "deal.move", input: "move deal 42 to discovery",
      ["deal": Slot.deal(42), "stage": Slot.stage("discovery", "Discovery")])
    _ = try harness.plan("session.undo", ownChanges: [move]).perform()
    let reply = try harness.answer("session.undo", ownChanges: [move])
    #expect(reply.refusalReason == .nothingToUndo)
    // Not "you have made no change": the change was made, and undone.
    #expect(reply.paragraphs == ["Nothing left to undo: the changes you made in this session are undone."])
  }

  /// Guards a fixed bug: undo looked only at the latest 200 audit rows, so a change older
  /// than that could no longer be undone.
  @Test func undoFindsAChangeOlderThanTwoHundredOtherAuditRows() throws {
    let first = try harness.perform(
      "deal.move", input: "move deal 42 to discovery",
      ["deal": Slot.deal(42), "stage": Slot.stage("discovery", "Discovery")])
    // 250 later changes, all on deal 5, so none depends on the first.
    for _ in 0..<125 {
      try harness.perform(
        "deal.move", input: "move deal 5 to negotiation",
        ["deal": Slot.deal(5), "stage": Slot.stage("negotiation", "Negotiation")])
      try harness.perform(
        "deal.move", input: "move deal 5 to proposal",
        ["deal": Slot.deal(5), "stage": Slot.stage("proposal", "Proposal")])
    }
    let later = try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 1_000)
    #expect(later.filter { $0.id > first }.count == 250)

    // The move wrote the deal and a row of its stage history.
    let records = try #require(try harness.workspace.auditEntry(id: first)?.records)
    #expect(records.count == 2)
    #expect(records.first == "deal 42")
    let history = try #require(records.last)
    #expect(history.hasPrefix("stage change "))

    let plan = try harness.plan("session.undo", ownChanges: [first])
    #expect(plan.summary == "Undo “move deal 42 to discovery” (deal 42 and \(history)).")
    #expect(plan.data == ["undoes": .int(first), "input": "move deal 42 to discovery", "steps": [.int(first)]])
    #expect(try harness.workspace.deal(id: 42)?.stage == "discovery")

    let done = try plan.perform()
    #expect(done.paragraphs == ["Undone: “move deal 42 to discovery”."])
    #expect(try harness.workspace.deal(id: 42)?.stage == "proposal")
    #expect(try harness.workspace.deal(id: 5)?.stage == "proposal")
    let undoID = try #require(done.auditID)
    let undo = try #require(try harness.workspace.auditEntry(id: undoID))
    #expect(undo.undoes == first)
  }

  @Test func theLatestOwnChangeIsUndoneFirst() throws {
    let older = try harness.perform(
      "deal.move", input: "move deal 42 to discovery",
      ["deal": Slot.deal(42), "stage": Slot.stage("discovery", "Discovery")])
    let newer = try harness.perform(
      "deal.move", input: "move deal 5 to negotiation",
      ["deal": Slot.deal(5), "stage": Slot.stage("negotiation", "Negotiation")])
    let plan = try harness.plan("session.undo", ownChanges: [older, newer])
    #expect(plan.summary.hasPrefix("Undo “move deal 5 to negotiation” (deal 5 and stage change "))
    #expect(plan.data == ["undoes": .int(newer), "input": "move deal 5 to negotiation", "steps": [.int(newer)]])
  }
}
