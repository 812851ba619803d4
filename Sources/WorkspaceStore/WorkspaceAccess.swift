import BatonModel

/// What the actions read from a workspace: definitions, records and summaries.
///
/// The actions depend on this protocol and `WorkspaceWriting`, never on `Workspace`, so
/// another store (a team's shared database) can stand behind them unchanged.
public protocol WorkspaceReading: AnyObject, Sendable {
  // MARK: - Definitions

  /// A workspace setting by key ("company.employees"), or nil.
  func setting(_ key: String) throws -> String?
  /// A lifecycle stage by id, with its exit criteria.
  func stage(id: String) throws -> Stage?
  /// Every lifecycle stage, in order.
  func stages() throws -> [Stage]
  /// How many lifecycle stages there are.
  func stageCount() throws -> Int
  /// A metric's definition by id.
  func metric(id: String) throws -> MetricDefinition?
  /// The handoff rules, or the one with `id`.
  func handoffRules(id: String?) throws -> [HandoffRule]
  /// The operating models the advice compares.
  func opsModels() throws -> [OpsModel]
  /// The decision rule's signal words, by team.
  func decisionSignals() throws -> [String: [String]]

  // MARK: - Ownership

  /// A team by id.
  func team(id: String) throws -> Team?
  /// Every team, in name order.
  func teams() throws -> [Team]
  /// Every person, in name order.
  func people() throws -> [Person]
  /// Every metric's definition, in name order.
  func metrics() throws -> [MetricDefinition]
  /// A responsibility by id, with its RACI.
  func responsibility(id: String) throws -> Responsibility?
  /// Every responsibility, with its RACI.
  func responsibilities() throws -> [Responsibility]
  /// What a team holds in the ownership matrix.
  func ownership(ofTeam id: String) throws -> [OwnershipEntry]
  /// What a person holds, directly or as a team's lead.
  func ownership(ofPerson handle: String) throws -> [OwnershipEntry]

  // MARK: - Records

  /// A person by handle.
  func person(handle: String) throws -> Person?
  /// An account by number.
  func account(id: Int64) throws -> Account?
  /// A deal by number.
  func deal(id: Int64) throws -> Deal?
  /// A deal by its CRM id.
  func deal(crmID: String) throws -> Deal?
  /// Deals in a stage, of an owner, of an account; open ones only unless `includeClosed`.
  func deals(stage: String?, ownerHandle: String?, accountID: Int64?, includeClosed: Bool, limit: Int) throws
    -> [Deal]
  /// The evidence recorded on a deal, as "kind:key".
  /// The deals `filter` picks.
  func deals(_ filter: DealFilter) throws -> [Deal]
  func evidence(forDeal id: Int64) throws -> Set<String>
  /// A deal's evidence and its own fields' values, in one read.
  func evidenceAndFields(forDeal id: Int64) throws -> (evidence: Set<String>, fields: [(name: String, value: String)])
  /// The numbers nearest to `id` of existing records of `kind`.
  func nearestIDs(of kind: EntityKind, to id: Int64, limit: Int) throws -> [Int64]
  /// The open deals of an account that someone other than `owner` owns.
  func openDealIDs(accountID: Int64, notOwnedBy owner: Int64) throws -> [Int64]
  /// The handoff already recorded for a deal.
  func handoffRun(dealID: Int64) throws -> WorkflowRun?
  /// Customer success managers, fewest accounts first.
  func csmsByLoad() throws -> [(person: Person, accounts: Int)]
  /// A lead by number.
  func lead(id: Int64) throws -> Lead?
  /// The reps whose routing rules cover a territory, segment rules first.
  func routingCandidates(territory: String, segment: String?) throws -> [RoutingCandidate]
  /// A task by number.
  func task(id: Int64) throws -> WorkTask?
  /// Tasks, of one owner or everyone's; open ones unless `includeDone`.
  func tasks(ownerHandle: String?, includeDone: Bool, limit: Int) throws -> [WorkTask]
  /// A change request by number.
  func changeRequest(id: Int64) throws -> ChangeRequest?
  /// Tasks, leads or change requests whose words hold every one of `words`.
  func records(_ kind: EntityKind, describedBy words: [String], limit: Int) throws -> [DescribedRecord]
  /// The open tasks' numbers and titles; nil when there are more than `limit`.
  func openTaskTitles(limit: Int) throws -> [(id: Int64, title: String)]?
  /// A token that changes whenever the names the matcher reads change (nil: too old a file).
  func namesToken() throws -> Int64?
  /// Whether another session announced a change to the names since last asked.
  func takeNamesNotice() -> Bool
  /// The names the matcher may recognize.
  func vocabulary(maxDealNames: Int) throws -> [NamedEntity]
  /// The team's own deal fields ("Competitor").
  func dealFields() throws -> [OperatingModel.DealField]
  /// The values of the team's own deal fields ("Competitor") recorded on a deal.
  func dealFieldValues(forDeal id: Int64) throws -> [(name: String, value: String)]
  /// The operating model: teams, people, RACI, stages, handoff rules, metrics, targets.
  func operatingModel() throws -> OperatingModel
  /// Change requests with one of `statuses` (`open`, `approved`, `rejected`), or all when nil.
  func changeRequests(statuses: [String]?) throws -> [ChangeRequest]

  // MARK: - Summaries

  /// The open pipeline by `grouping`, with each group's change since `weekAgo`.
  func pipeline(by grouping: PipelineGrouping, since weekAgo: Day) throws -> [PipelineGroup]
  /// A period's forecast, with its `topDeals` largest open deals; of one owner (a person's
  /// id, and then no target, since targets are the company's) or everyone's.
  func forecast(_ period: Period, topDeals: Int, owner: Int64?) throws -> ForecastFigures
  /// Deals won and lost with a close date in the period, of one owner (a person's id) or
  /// everyone's.
  func closedDeals(in period: Period, owner: Int64?) throws -> ClosedDeals
  /// Open deals longer than `days` in their stage (or their stage's typical days), of one
  /// owner (a person's id) or everyone's.
  func stuckDeals(olderThan days: Int?, today: Day, owner: Int64?, limit: Int) throws -> (
    deals: [StuckDeal], count: Int, amount: Int64
  )

  // MARK: - Audit

  /// The audit log, newest first: since a moment and before another, touching one record,
  /// or of one action.
  func activity(since: String?, before: String?, table: String?, recordID: Int64?, action: String?, limit: Int)
    throws -> [AuditEntry]
  /// One audit row by id.
  func auditEntry(id: Int64) throws -> AuditEntry?
  /// The latest change among `ids` that is not undone yet.
  func latestUndoable(among ids: [Int64]) throws -> Int64?
}

extension WorkspaceReading {
  /// The audit log, newest first, with no end.
  public func activity(since: String?, table: String?, recordID: Int64?, action: String?, limit: Int) throws
    -> [AuditEntry]
  {
    try activity(since: since, before: nil, table: table, recordID: recordID, action: action, limit: limit)
  }
}

/// What the actions change in a workspace. Each change is one transaction with its audit
/// row; a change another session made meanwhile is a `ChangeConflict`, with nothing written.
public protocol WorkspaceWriting: AnyObject, Sendable {
  /// Moves a deal checked in stage `expected` to `stage`.
  @discardableResult
  func moveDeal(
    id: Int64, from expected: String, to stage: String, on day: Day, closes: Bool, note: String?,
    _ context: AuditContext
  ) throws -> Int64
  /// Records one thing on a deal: evidence, its amount, close date, name or owner.
  @discardableResult
  func updateDeal(id: Int64, _ update: DealUpdate, _ context: AuditContext) throws -> Int64
  /// Changes an account's CSM, segment or territory.
  @discardableResult
  func updateAccount(id: Int64, _ update: AccountUpdate, _ context: AuditContext) throws -> Int64
  /// Changes a task's due date or assignee.
  @discardableResult
  func updateTask(id: Int64, _ update: TaskUpdate, _ context: AuditContext) throws -> Int64
  /// Hands a closed-won deal to customer success: CSM, onboarding task, workflow run.
  func recordHandoff(
    dealID: Int64, accountID: Int64?, csm: Person, assignCSM: Bool, taskTitle: String, due: Day,
    _ context: AuditContext
  ) throws -> (taskID: Int64, auditID: Int64)
  /// Gives an account a new owner.
  @discardableResult
  func reassignAccount(id: Int64, to owner: Person, _ context: AuditContext) throws -> Int64
  /// Moves the account's open deals that someone else owns to `owner`.
  func reassignOpenDeals(accountID: Int64, to owner: Person, _ context: AuditContext) throws -> (
    moved: [Int64], auditID: Int64
  )
  /// Gives a lead its rep and records the routing run.
  @discardableResult
  func routeLead(id: Int64, to rep: Person, replacing: Int64?, reason: String, _ context: AuditContext) throws -> Int64
  /// Creates a task.
  func createTask(title: String, dealID: Int64?, owner: Person, due: Day?, _ context: AuditContext) throws -> (
    taskID: Int64, auditID: Int64
  )
  /// Marks a task done.
  @discardableResult
  func completeTask(id: Int64, _ context: AuditContext) throws -> Int64
  /// Records a proposed change request.
  func proposeChange(
    title: String, kind: String, description: String, effect: ChangeEffect?, by proposer: Int64,
    _ context: AuditContext
  ) throws -> (changeID: Int64, auditID: Int64)
  /// Approves or rejects a change request.
  @discardableResult
  func decideChange(id: Int64, approve: Bool, reason: String?, by decider: Int64, _ context: AuditContext) throws
    -> Int64
  /// Reverses the change recorded in audit row `id`, as a new audited change.
  @discardableResult
  func undo(auditID id: Int64, _ context: AuditContext) throws -> (entry: AuditEntry, auditID: Int64)
  /// Reverses the changes of several audit rows, one change made in steps, all or none.
  func undo(auditIDs ids: [Int64], _ context: AuditContext) throws -> [(entry: AuditEntry, auditID: Int64)]
  /// Records a refused side effect: who tried what, and why it was refused.
  func recordRefusal(_ context: AuditContext, reason: String) throws
}

/// A workspace the actions can both read and change.
public typealias WorkspaceAccess = WorkspaceReading & WorkspaceWriting

extension Workspace: WorkspaceReading, WorkspaceWriting {}

/// A store that may hold a script's changes back and commit them in groups (see
/// `Workspace.open(groupsCommits:)`): each change stays all or nothing, and a group is saved
/// when its caller says so.
public protocol CommitGrouping: AnyObject {
  /// How many changes are made but not yet committed.
  var uncommittedChanges: Int { get }
  /// How long the oldest uncommitted change has waited, or nil when none waits.
  var uncommittedFor: Duration? { get }
  /// Commits the changes made so far; none of them is saved when it throws.
  func commitPending() throws
}

extension Workspace: CommitGrouping {}
