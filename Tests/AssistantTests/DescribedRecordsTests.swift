import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// Tasks, leads and change requests named by what they hold rather than by number: the one
/// record whose words hold the description, or a refusal naming none or listing several.
@Suite(.tags(.fast)) struct DescribedRecordsTests {
  @Test func aTaskByItsTitle() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("mark the kickoff deck task done")
    #expect(turn.intent == "task.complete" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["task"]?.value.key == "4")
    #expect(try workspace.task(id: 4)?.status == "done")
  }

  @Test func aLeadByItsPersonAndAChangeByItsTitle() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let lead = session.handle("status of Pia Umbrella's lead")
    #expect(lead.intent == "lead.show" && lead.reply.ok, "\(lead.reply.firstLine)")
    #expect(lead.slots["lead"]?.value.key == "2")
    let change = session.handle("approve the Competitor field change because notes hold it")
    #expect(change.intent == "change.decide" && change.reply.ok, "\(change.reply.firstLine)")
    #expect(try workspace.changeRequest(id: 1)?.status == "approved")
  }

  /// "one" stands for whichever kind of record the request takes.
  @Test func theOneDescribedIsOfTheKindTheRequestTakes() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let task = session.handle("close out the kickoff deck one")
    #expect(task.intent == "task.complete" && task.reply.ok, "\(task.reply.firstLine)")
    #expect(try workspace.task(id: 4)?.status == "done")
    let change = session.handle("reject the competitor field one because we track it in notes")
    #expect(change.intent == "change.decide" && change.slots["change"]?.value.key == "1", "\(change.reply.firstLine)")
  }

  @Test func aDescriptionAnswersWhichRecord() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    #expect(session.handle("route the lead").reply.kind == .question)
    let turn = session.handle("Pia Umbrella's lead")
    #expect(turn.intent == "lead.route" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["lead"]?.value.key == "2")
    #expect(turn.reply.firstLine.hasPrefix("Routed lead 2 to "))
    #expect(try workspace.lead(id: 2)?.owner?.handle == "avery")
  }

  @Test func aCommandOfItsOwnIsNoAnswer() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    #expect(session.handle("mark it done").reply.kind == .question)
    let turn = session.handle("delete the kickoff deck task")
    #expect(!turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(try workspace.task(id: 4)?.status == "open")
  }

  @Test func severalMatchesAreListedAndNothingIsDone() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try workspace.lead(id: 2)
    let turn = session.handle("route the Umbrella lead")
    #expect(turn.reply.refusalReason == .ambiguous, "\(turn.reply.firstLine)")
    #expect(turn.reply.firstLine.hasPrefix("Several leads are about “umbrella”: lead 2 “Pia Umbrella (Umbrella)”"))
    #expect(try workspace.lead(id: 2) == before)
    let audit = try workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 1)
    #expect(audit.first?.outcome == "refused" && audit.first?.input == "route the Umbrella lead")
  }

  @Test func noMatchIsSaid() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle("mark the Zork task done")
    #expect(turn.reply.refusalReason == .notFound)
    #expect(turn.reply.firstLine == "No task about “zork” in the workspace.")
  }

  @Test(arguments: ["approve the pending change", "route the lead", "move the Hooli proposal to Negotiation"])
  func wordsBatonKnowsDescribeNothing(_ line: String) throws {
    let (_, session) = try Fixtures.confirmingSession()
    #expect(session.handle(line).reply.kind == .question, "\(line)")
  }
}

/// A task is also named as a follow-up or a to-do ("the kickoff deck follow-up").
@Suite(.tags(.fast)) struct FollowUpNounTests {
  @Test func aFollowUpByItsWordsIsTheTask() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("hand the kickoff deck follow-up to Lee")
    #expect(turn.intent == "task.update" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(try workspace.task(id: 4)?.owner.handle == "lee")
  }

  @Test func aToDoByItsWordsIsTheTask() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle("the security questionnaire to-do goes to Avery")
    #expect(turn.intent == "task.update" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(try workspace.task(id: 1)?.owner.handle == "avery")
  }

  @Test func aFollowUpToMakeIsNoneThatExists() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle("remind Sam to follow up with Globex tomorrow")
    #expect(turn.intent == "task.assign" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["task"]?.value.key.lowercased() == "follow up with globex")
  }
}

/// A deal named by its account ("the Globex deal", "the Acme Corp opportunity"): the
/// account's one open deal, or the account's open deals listed and nothing done.
@Suite(.tags(.fast)) struct AccountDealTests {
  @Test func anAccountsOneOpenDealIsTheDeal() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let open = try workspace.deals(stage: nil, ownerHandle: nil, accountID: nil, includeClosed: false, limit: 10_000)
    let globex = open.filter { $0.account == "Globex" }
    try #require(globex.count == 1, "the demo has one open Globex deal: \(globex.map(\.id))")
    let turn = session.handle("what's the Globex deal worth")
    #expect(turn.intent == "deal.show" && turn.reply.ok, "\(turn.reply.firstLine)")
    #expect(turn.slots["deal"]?.value.key == String(globex[0].id))
  }

  @Test func severalOpenDealsAreListedAndNothingMoves() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let open = try workspace.deals(stage: nil, ownerHandle: nil, accountID: nil, includeClosed: false, limit: 10_000)
    let hooli = open.filter { $0.account == "Hooli" }
    try #require(hooli.count > 1, "the demo has several open Hooli deals")
    let turn = session.handle("move the Hooli opportunity to Negotiation")
    #expect(turn.intent == "deal.move" && turn.reply.refusalReason == .ambiguous, "\(turn.reply.firstLine)")
    #expect(try hooli.allSatisfy { try workspace.deal(id: $0.id)?.stage == $0.stage })
  }

  @Test func wordsWithoutAnAccountDescribeNoDeal() throws {
    let (_, session) = try Fixtures.confirmingSession()
    let turn = session.handle("show the big deal")
    #expect(turn.slots["deal"] == nil, "\(turn.slots)")
  }
}
