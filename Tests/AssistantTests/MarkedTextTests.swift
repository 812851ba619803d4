import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// Words a line sets apart as text (after a colon or a dash, in quotes) are the text, with
/// whatever names they hold; text that only points ("who should take that on?") is what the
/// line said before; a change with words baton does not know is not carried out.
@Suite(.tags(.fast)) struct MarkedTextTests {
  @Test func aTaskTitleAfterAColonKeepsTheNamesItHolds() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    // "close plan" is a piece of evidence baton knows; here it is part of the title.
    let turn = session.handle("task for Priya: chase the close plan on deal 42 by Friday")
    #expect(turn.intent == "task.assign" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["task"]?.value.display == "chase the close plan")
    #expect(turn.slots["person"]?.value.key == "priya")
    #expect(turn.slots["deal"]?.value.key == "42")
    #expect(turn.slots["date"] != nil)
    #expect(
      try workspace.tasks(ownerHandle: "priya", includeDone: false, limit: 50).contains {
        $0.title == "Chase the close plan"
      })
  }

  /// A name never runs past the colon into the title: "1-1" there was taken for part of a
  /// person's name ("No person called Priya review agenda 2-3").
  @Test func aNameEndsWhereTheTitleIsSetApart() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle("task for Lee: review agenda 2-3 on deal 42 by Friday")
    #expect(turn.intent == "task.assign" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["person"]?.value.key == "lee")
    #expect(turn.slots["task"]?.value.display == "review agenda 2-3")
    // An unknown name before the colon is still named, alone.
    let unknown = session.handle("task for Lee Smithers: review agenda 2-3 by Friday")
    #expect(unknown.reply.firstLine.contains("“Lee Smithers”"), "\(unknown.reply.firstLine)")
  }

  @Test func aQuotedTitleIsTheTask() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle(#"give Lee a task "prep the QBR deck" due Friday"#)
    #expect(turn.intent == "task.assign" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["task"]?.value.display == "prep the QBR deck")
  }

  @Test func aReasonAfterAColonIsTheReasonAndItsPointerIsNotTheFocus() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    // A deal in focus: "it" in the reason must not be read as that deal.
    #expect(session.handle("show deal 42").reply.ok)
    let turn = session.handle("change 1: reject, it overlaps what we track in notes")
    #expect(turn.intent == "change.decide" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["decision"]?.value.key == "reject")
    #expect(turn.slots["reason"]?.value.display == "it overlaps what we track in notes")
    #expect(try workspace.changeRequest(id: 1)?.status == "rejected")
  }

  @Test func aClockTimeIsNoMark() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle("assign a follow-up on deal 42 to Priya by Friday at 10:30")
    #expect(turn.intent == "task.assign", "\(turn.reply.firstLine)")
    #expect(turn.slots["task"]?.value.display.contains("10:30") != true)
  }

  @Test func textThatOnlyPointsIsTheSentenceBefore() throws {
    let session = try Fixtures.session(actor: "jordan")
    let turn = session.handle("Finance and CS both want the renewal forecast. Who should take that on?")
    #expect(turn.intent == "ownership.decide" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["problem"]?.value.display.contains("renewal forecast") == true)
  }

  @Test func decidedChangesAreListedByDecisionAndNeverDecided() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let none = session.handle("display the approved change requests")
    #expect(none.intent == "change.list" && none.reply.firstLine == "No approved change requests.")
    #expect(try workspace.changeRequest(id: 1)?.status == "open")
    #expect(session.handle("reject change 1 because notes already hold it").reply.ok)
    let rejected = session.handle("which changes were rejected")
    #expect(rejected.intent == "change.list" && rejected.reply.firstLine == "Rejected change requests:")
    guard case .object(let data) = rejected.reply.data, case .array(let changes)? = data["changes"] else {
      Issue.record("no changes in the data")
      return
    }
    #expect(changes.count == 1 && changes.first?["status"] == "rejected")
    let open = session.handle("open change requests")
    #expect(open.reply.firstLine == "No open change requests.")
  }

  @Test func aWordOfEnglishOneLetterFromAKnownOneIsReadAsItWhenNothingElseIs() throws {
    let session = try Fixtures.session(actor: "jordan")
    #expect(session.handle("shoe me the stages").intent == "catalog.list")
    // A line understood as typed keeps its words: "life" is not "like".
    #expect(session.handle("what is the meaning of life").intent == nil)
  }

  @Test func aChangeWithWordsBatonDoesNotKnowIsNotCarriedOut() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try workspace.lead(id: 17)
    let turn = session.handle("route lead 17 by carrier pigeon")
    #expect(turn.intent == nil && turn.reply.kind == .notUnderstood)
    #expect(turn.reply.firstLine.contains("baton does not know “carrier”, “pigeon”"), "\(turn.reply.firstLine)")
    #expect(try workspace.lead(id: 17) == before)
    // Framing is no unknown word.
    #expect(session.handle("route lead 17 asap").intent == "lead.route")
  }

  @Test func theHandoffTheTeamsPickOutIsTheTurnsHandoff() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle("what does CS need from sales")
    #expect(turn.intent == "handoff.rule", "\(turn.reply.firstLine)")
    #expect(
      turn.slots["handoff"]
        == SlotValue(
          EntityValue(kind: .handoff, key: "sales-to-cs", display: "Sales to customer success"), source: .found))
  }

  @Test func aMovesReasonIsNeverTakenFromMarkedWords() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try workspace.deal(id: 42)
    // The marked words are the command itself: no override of the exit criteria.
    let turn = session.handle("Deal 42: advance to Closed Won")
    #expect(turn.reply.refusalReason == .exitCriteria, "\(turn.reply.firstLine)")
    #expect(try workspace.deal(id: 42) == before)
  }

  @Test(arguments: ["approve change 1 - and reject change 2", "approve change 1 - and close deal 42"])
  func aSecondRequestInMarkedWordsIsNoReason(_ line: String) throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle(line)
    #expect(turn.reply.refusalReason == .unusedWords, "\(line): \(turn.reply.firstLine)")
    #expect(try workspace.changeRequest(id: 1)?.status == "open")
  }

  @Test func aPointerInMarkedWordsPointsAtNothing() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    _ = session.handle("reject change 1 because we are not ready")
    _ = session.handle("undo")
    // Change 1 is in focus; "this" in the marked words is not it.
    let turn = session.handle("Reject: this overlaps a field we track")
    #expect(!turn.reply.ok || turn.reply.kind == .question, "\(turn.reply.firstLine)")
    #expect(try workspace.changeRequest(id: 1)?.status == "open")
  }

  @Test(arguments: [
    "any change requests waiting for me to sign off on", "which change requests have not been approved yet",
    "which change requests havent been approved",
  ])
  func aDecisionWordThatDoesNotNameAStatusListsTheOpenOnes(_ line: String) throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle(line)
    #expect(turn.intent == "change.list", "\(line): \(turn.reply.firstLine)")
    #expect(turn.reply.firstLine == "Open change requests (RevOps decides):", "\(line)")
  }

  @Test func aChangeWithWordsBatonDoesNotKnowBesideANameItDoesNotTakeIsRefused() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("route lead 17 to the West unless legal objects")
    #expect(!turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(try workspace.lead(id: 17)?.owner == Workspace.inMemory(.demo(today: Fixtures.today)).lead(id: 17)?.owner)
  }
}
