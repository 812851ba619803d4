import BatonModel
import WorkspaceStore

/// What an action is asked to do: its slots, resolved, and who asks.
///
/// A plain value, reachable without the REPL, so a tool caller (an AI assistant over the
/// Model Context Protocol) can run actions with the same checks as a person at the prompt.
public struct ActionRequest: Sendable {
  public var action: String
  public var slots: [String: SlotValue]
  public var actor: Actor
  /// The words typed, for the audit log.
  public var input: String
  public var today: Day
  /// The intent the line was read as, for the audit log.
  public var intent: String?
  /// This moment as ISO 8601, for the audit log and new records.
  public var now: String
  /// The audit rows of the changes this caller made, oldest first: what `undo` may reverse.
  public var ownChanges: [Int64]
  /// Among `ownChanges`, each that carried out a further step of an earlier one (an
  /// account's deals moved after the account), with the audit row of that earlier one:
  /// `undo` reverses the steps together.
  public var followUps: [Int64: Int64] = [:]
  /// Whether answers carry their `data` (what `--json` prints). Off, a question's answer
  /// skips building it, a noticeable share of a question's work in a script whose output is
  /// text. Workflows always carry theirs (the session reads `audit_id`).
  public var includesData = true
  /// How the words reached baton, for the audit log.
  public var channel: AuditChannel = .commandLine

  public init(
    action: String, slots: [String: SlotValue], actor: Actor, input: String, today: Day,
    intent: String? = nil, now: String? = nil, ownChanges: [Int64] = []
  ) {
    self.action = action
    self.slots = slots
    self.actor = actor
    self.input = input
    self.today = today
    self.intent = intent
    self.now = now ?? "\(today.iso)T09:00:00Z"
    self.ownChanges = ownChanges
  }

  /// `build()` when answers carry their data, else null.
  public func data(_ build: () -> JSONValue) -> JSONValue { includesData ? build() : .null }

  /// The key of slot `name`, if filled.
  public func key(_ name: String) -> String? { slots[name]?.value.key }

  /// The number in slot `name` ("42" for deal 42), if filled with one.
  public func number(_ name: String) -> Int64? { key(name).flatMap { Int64($0) } }

  /// What the audit log records of this request.
  public var audit: AuditContext {
    AuditContext(actor: actor.handle, input: input, intent: intent, action: action, at: now, channel: channel)
  }
}

/// Runs one action against the workspace and returns a reply. Never prints.
public typealias ActionHandler = @Sendable (ActionRequest, any WorkspaceAccess) throws -> Reply

/// Checks a side effect's rules and permissions and says what it would do, without doing it.
public typealias WorkflowHandler = @Sendable (ActionRequest, any WorkspaceAccess) throws -> Outcome

/// The handlers, by action name: the names the intent files' `action:` keys refer to.
public struct ActionRegistry: Sendable {
  public private(set) var handlers: [String: ActionHandler]
  /// Side effects: each proposes a plan that runs only once confirmed.
  public private(set) var workflows: [String: WorkflowHandler]

  public init(handlers: [String: ActionHandler] = [:], workflows: [String: WorkflowHandler] = [:]) {
    self.handlers = handlers
    self.workflows = workflows
  }

  /// Every action name with a handler of either kind.
  public var names: Set<String> { Set(handlers.keys).union(workflows.keys) }

  /// Every workspace action baton ships.
  public static let standard = ActionRegistry(
    handlers: [
      "ownership.who": OwnershipActions.who,
      "ownership.of": OwnershipActions.of,
      "ownership.matrix": OwnershipActions.matrix,
      "compare.functions": CompareFunctions.run,
      "stage.define": StageActions.define,
      "stage.exit_criteria": StageActions.exitCriteria,
      "handoff.rule": HandoffRuleAction.run,
      "metric.define": MetricActions.define,
      "metric.value": MetricValueAction.run,
      "ownership.decide": DecideOwnerAction.run,
      "advice.model": AdviceModelAction.run,
      "summary.pipeline": SummaryActions.pipeline,
      "summary.forecast": SummaryActions.forecast,
      "deal.stuck": SummaryActions.stuck,
      "deal.show": DealActions.show,
      "deal.list": DealActions.list,
      "task.list": TaskActions.list,
      "change.list": ChangeActions.list,
      "activity.recent": ActivityAction.run,
      "account.show": AccountShowAction.run,
      "lead.show": LeadShowAction.run,
      "catalog.list": CatalogActions.list,
      "session.whoami": WhoAmIAction.run,
    ],
    workflows: [
      "deal.move": DealMoveAction.run,
      "deal.update": DealUpdateAction.run,
      "account.update": RecordUpdateActions.account,
      "task.update": RecordUpdateActions.task,
      "ownership.change": OwnershipChangeAction.run,
      "handoff.trigger": HandoffTriggerAction.run,
      "task.assign": TaskActions.assign,
      "task.complete": TaskActions.complete,
      "lead.route": LeadRouteAction.run,
      "account.reassign": AccountReassignAction.run,
      "account.move_deals": AccountReassignAction.moveDeals,
      "change.propose": ChangeActions.propose,
      "change.decide": ChangeActions.decide,
      "session.undo": UndoAction.run,
    ])

  public func handler(for action: String) -> ActionHandler? { handlers[action] }

  public func workflow(for action: String) -> WorkflowHandler? { workflows[action] }
}
