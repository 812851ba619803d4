import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// How people put a request: framing read as framing, a record named with its kind's noun,
/// a CRM id, a date the calendar lacks.
@Suite(.tags(.fast)) struct PhrasingTests {
  /// Framing around a request reads as the request alone: the same intent, the same slots.
  @Test(arguments: [
    ("hey, could you tell me who signs off on forecast categories", "who signs off on forecast categories"),
    ("pls show deal 8", "show deal 8"),
    ("I need to know how NRR is defined, thanks", "how is NRR defined"),
    ("quick question: what are Discovery's exit criteria right now", "what are Discovery's exit criteria"),
    ("remind me who is accountable for lead routing", "who is accountable for lead routing"),
    ("can you please list my tasks", "my tasks"),
    ("gimme the exit criteria for Proposal", "give me the exit criteria for Proposal"),
    ("lemme see deal 8", "let me see deal 8"),
  ])
  func framingReadsAsTheRequestAlone(_ framed: String, _ plain: String) throws {
    let session = try Fixtures.session(actor: "jordan")
    let reading = session.handle(framed)
    let expected = try Fixtures.session(actor: "jordan").handle(plain)
    #expect(reading.reply.ok, "\(framed): \(reading.reply.firstLine)")
    #expect(reading.intent == expected.intent, "\(framed)")
    #expect(reading.slots.mapValues(\.value.key) == expected.slots.mapValues(\.value.key), "\(framed)")
  }

  /// "remind me to …" is a task, not framing, and it is mine: a person named in it is who
  /// the task is about ("call Dana"), not whom it is for.
  @Test func remindMeToIsATask() throws {
    let turn = try Fixtures.session(actor: "jordan").handle("remind me to call Dana about deal 8 by Friday")
    #expect(turn.intent == "task.assign")
    #expect(turn.slots["person"]?.value.key == "@me")
    #expect(turn.slots["task"]?.value.key == "call Dana")
    #expect(turn.slots["deal"]?.value.key == "8")
  }

  /// A record's name followed by its kind's noun names the record.
  @Test func aNameWithItsKindsNounNamesTheRecord() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let session = try Fixtures.session(on: workspace, actor: "jordan")
    let deal = session.handle("tell me about the Hooli Renewal opportunity")
    #expect(deal.intent == "deal.show")
    let hooliRenewal = try #require(
      try workspace.deals(stage: nil, ownerHandle: nil, accountID: nil, includeClosed: true, limit: 500)
        .first { $0.name == "Hooli Renewal" })
    #expect(deal.slots["deal"]?.value.key == String(hooliRenewal.id))
    let account = session.handle("who is the csm on the Globex account")
    #expect(account.intent == "account.show" && account.reply.ok, "\(account.reply.firstLine)")
  }

  /// A CRM id after "opp" or "opportunity" is the deal the workspace knows by it.
  @Test func aLabelledCRMIdIsTheDealsNumber() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let crm = try #require(try workspace.deal(id: 8)?.crmID)
    let turn = try Fixtures.session(on: workspace, actor: "jordan").handle("pull up opp \(crm)")
    #expect(turn.intent == "deal.show" && turn.slots["deal"]?.value.key == "8")
  }

  /// A date the calendar lacks is refused by name, audited when the line asked for a change,
  /// and nothing is made.
  @Test func anImpossibleDateIsRefusedByName() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let session = try Fixtures.session(on: workspace, actor: "jordan")
    session.confirmations = .assumeYes
    let tasks = try workspace.tasks(ownerHandle: nil, includeDone: true, limit: 500).count
    let turn = session.handle("assign a follow-up on deal 42 to Priya by 2026-02-30")
    #expect(turn.reply.refusalReason == .impossibleDate)
    #expect(turn.reply.firstLine == "There is no 2026-02-30 on the calendar; nothing was done. Say the date again.")
    #expect(try workspace.tasks(ownerHandle: nil, includeDone: true, limit: 500).count == tasks)
    let audit = try workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 1)
    #expect(audit.first?.input == "assign a follow-up on deal 42 to Priya by 2026-02-30")
  }

  /// A task's title leaves out what other slots took at its edges.
  @Test func aTaskTitleLeavesOutItsDealDateAndPerson() throws {
    let session = try Fixtures.session(actor: "jordan")
    let turn = session.handle("give Sam a task to send the pricing sheet on deal 42 by 12/15")
    #expect(turn.slots["task"]?.value.key == "send the pricing sheet")
    #expect(turn.slots["date"]?.value.key == "2026-12-15" && turn.slots["deal"]?.value.key == "42")
  }

  /// A task's due date said without "by" ("tomorrow", "in 4 days", "next week") or not at
  /// all is still a task: its text is placed alike by several examples, and one whose words
  /// the line keeps ("tell {person} to {task} by {date}") reads it.
  @Test(arguments: [
    ("tell Lee to chase the signed order form tomorrow", Fixtures.today.adding(days: 1).iso),
    ("tell Lee to chase the signed order form in 4 days", Fixtures.today.adding(days: 4).iso),
    ("tell Lee to chase the signed order form", nil),
  ])
  func aTasksDueDateNeedsNoBy(_ line: String, _ due: String?) throws {
    let turn = try Fixtures.session(actor: "jordan").handle(line)
    #expect(turn.intent == "task.assign", "\(line): \(turn.reply.firstLine)")
    #expect(turn.slots["person"]?.value.key == "lee")
    #expect(turn.slots["task"]?.value.key == "chase the signed order form")
    #expect(turn.slots["date"]?.value.key == due)
  }

  /// Words inside free text are what a change is about, never a reason to refuse it.
  @Test func wordsInFreeTextDoNotSpeakAgainstTheRequest() throws {
    let turn = try Fixtures.session(actor: "jordan").handle(
      "propose a rule that reps get a reminder when a deal has no next step")
    #expect(turn.intent == "change.propose", "\(turn.reply.firstLine)")
  }

  /// A proposal of nothing in how revenue is run is no change request: the turn reads no
  /// intent, nothing is opened, and the refusal is audited.
  @Test func aProposalOfNothingInTheOperatingModelIsNotUnderstoodAsOne() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try workspace.changeRequests(statuses: nil).count
    let turn = session.handle("propose a pizza lunch for the office on friday")
    #expect(turn.intent == nil && turn.reply.refusalReason == .notAChange, "\(turn.reply.firstLine)")
    #expect(try workspace.changeRequests(statuses: nil).count == before)
    let row = try #require(try workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 1).first)
    #expect(row.outcome == "refused" && row.actor == "jordan")
  }
}

/// Filters a line names are used, never dropped for a default.
@Suite(.tags(.fast)) struct FilterReadingTests {
  @Test func overdueTasksAreTheOnesPastTheirDueDate() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let later = Fixtures.today.adding(days: 6)
    let session = try Fixtures.session(on: workspace, actor: "jordan", today: later)
    let turn = session.handle("which tasks are overdue")
    #expect(turn.slots["status"]?.value.key == "overdue")
    let open = try workspace.tasks(ownerHandle: nil, includeDone: false, limit: 500)
    let overdue = open.filter { ($0.dueDate.map { $0 < later }) ?? false }.map(\.id)
    #expect(!overdue.isEmpty && overdue.count < open.count)
    guard case .object(let data) = turn.reply.data, case .array(let tasks)? = data["tasks"] else {
      Issue.record("no tasks listed: \(turn.reply.firstLine)")
      return
    }
    let listed = tasks.compactMap { task -> Int64? in
      guard case .object(let object) = task, case .int(let id)? = object["id"] else { return nil }
      return id
    }
    #expect(Set(listed) == Set(overdue))
  }

  /// "in N days" is a span where the intent counts days, and a day ahead where it takes a date.
  @Test func inSomeDaysIsASpanOrADayAsTheIntentNeeds() throws {
    let session = try Fixtures.session(actor: "jordan")
    let stuck = session.handle("deals with no stage change in 40 days")
    #expect(stuck.intent == "deal.stuck" && stuck.slots["days"]?.value.key == "40")
    let task = session.handle("give Sam a task to call the buyer in 3 days")
    #expect(task.slots["date"]?.value.key == Fixtures.today.adding(days: 3).iso)
  }

  /// A word that refused lines lean on does not veto a reading that names the record it
  /// needs and clears its bar, when requests baton answers use the word too; a word only
  /// refused lines say still does.
  @Test func aDecisiveReadingIsNotVetoedByACommonWord() throws {
    let session = try Fixtures.session(actor: "jordan")
    #expect(session.handle("route lead 9 to the rep who covers that territory").intent == "lead.route")
    #expect(session.handle("delete deal 42").intent == nil)
    #expect(session.handle("destroy lead 17").intent == nil)
    // The conversation's own words ("cancel", "drop") are no sign of a request about a record:
    // "drop deal 42" is not read as any change to it ("drop deal 42 to Discovery" names the
    // stage it moves to, and is a move, asked before it is made).
    #expect(session.handle("cancel task 3").intent != "task.complete")
    #expect(session.handle("drop deal 42").intent == nil)
  }

  /// A span is never a record's number: "within a week" names no deal 7.
  @Test func aSpanIsNeverARecordNumber() throws {
    let turn = try Fixtures.session(actor: "jordan").handle("ask Priya to send the revised quote within a week")
    #expect(turn.slots["deal"] == nil, "\(turn.slots)")
  }

  /// "have someone …" is a request, not a question.
  @Test func haveSomeoneIsARequest() throws {
    let turn = try Fixtures.session(actor: "jordan").handle("have someone follow up on deal 42 by Friday")
    #expect(!turn.reply.firstLine.hasPrefix("Nothing changed:"), "\(turn.reply.firstLine)")
  }

  /// How names are said beyond their spellings: a handoff rule with the word "handoff", a
  /// stage in the plural, a record's number as the word "one" after its label.
  @Test func namesAsPeopleSayThem() throws {
    let session = try Fixtures.session(actor: "jordan")
    let rule = session.handle("what is the SLA on the sales to cs handoff")
    #expect(rule.intent == "handoff.rule" && rule.slots["handoff"]?.value.key == "sales-to-cs")
    let plural = session.handle("list avery's SQLs")
    #expect(plural.slots["stage"]?.value.key == "sql", "\(plural.reply.firstLine)")
    let one = session.handle("reject change request one because it is a duplicate")
    #expect(one.slots["change"]?.value.key == "1", "\(one.reply.firstLine)")
  }

  /// A company's size as a bare number where a size is asked for is its headcount.
  @Test func aBareNumberIsASizeWhereASizeIsAsked() throws {
    let turn = try Fixtures.session(actor: "jordan").handle("best ops model for a firm of 80")
    #expect(turn.intent == "advice.model" && turn.slots["size"]?.value.key == "employees:80", "\(turn.reply.firstLine)")
  }

  /// A bare number reads as the record or the size a leading candidate takes, even where no
  /// example says a number there; a headcount so read is not reported unused.
  @Test func aBareNumberReadsAsTheRecordOrSizeTheIntentTakes() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let size = session.handle("suppose headcount reaches 450, which ops model then")
    #expect(
      size.intent == "advice.model" && size.slots["size"]?.value.key == "employees:450", "\(size.reply.firstLine)")
    guard case .object(let data) = size.reply.data else { return }
    #expect(data["unused"] == nil, "\(String(describing: data["unused"]))")
    let handoff = session.handle("kick off the CS handoff for #8")
    #expect(handoff.intent == "handoff.trigger" && handoff.reply.ok, "\(handoff.reply.firstLine)")
    #expect(try workspace.handoffRun(dealID: 8) != nil)
  }

  /// The teams a handoff question names choose the rule: the one between two, or the ones to
  /// one; a question naming none lists them all.
  @Test func teamsChooseTheHandoffRule() throws {
    let session = try Fixtures.session(actor: "jordan")
    let between = session.handle("what does customer success need from sales")
    #expect(between.intent == "handoff.rule")
    #expect(
      between.reply.data["rules"]?.arrayCount == 1 && between.reply.firstLine.hasPrefix("Sales to customer success"))
    let toSales = session.handle("what does sales need at handoff")
    #expect(toSales.reply.firstLine.hasPrefix("Marketing to sales"), "\(toSales.reply.firstLine)")
    let elsewhere = session.handle("what does customer success need from sales at MQL")
    #expect(
      elsewhere.reply.firstLine
        == "No handoff between Customer Success and Sales is triggered at MQL; theirs is at Closed-Won.",
      "\(elsewhere.reply.firstLine)")
    let none = session.handle("what does finance need from sales at handoff")
    #expect(none.reply.firstLine == "No handoff goes between Finance and Sales.", "\(none.reply.firstLine)")
  }
}

extension JSONValue {
  fileprivate var arrayCount: Int? {
    if case .array(let items) = self { return items.count }
    return nil
  }
}
