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

  public init(
    action: String, slots: [String: SlotValue], actor: Actor, input: String, today: Day
  ) {
    self.action = action
    self.slots = slots
    self.actor = actor
    self.input = input
    self.today = today
  }

  /// The key of slot `name`, if filled.
  public func key(_ name: String) -> String? { slots[name]?.value.key }
}

/// Runs one action against the workspace and returns a reply. Never prints.
public typealias ActionHandler = @Sendable (ActionRequest, Workspace) throws -> Reply

/// The handlers, by action name: the names the intent files' `action:` keys refer to.
public struct ActionRegistry: Sendable {
  public private(set) var handlers: [String: ActionHandler]

  public init(handlers: [String: ActionHandler] = [:]) { self.handlers = handlers }

  /// Every workspace action baton ships.
  public static let standard = ActionRegistry(handlers: [
    "ownership.who": OwnershipActions.who,
    "ownership.of": OwnershipActions.of,
    "ownership.matrix": OwnershipActions.matrix,
    "compare.functions": CompareFunctions.run,
    "stage.define": StageActions.define,
    "stage.exit_criteria": StageActions.exitCriteria,
    "handoff.rule": HandoffRuleAction.run,
    "metric.define": MetricActions.define,
    "deal.show": DealActions.show,
    "deal.list": DealActions.list,
  ])

  public func handler(for action: String) -> ActionHandler? { handlers[action] }

  /// Adds or replaces handlers (the assistant adds the session's own).
  public mutating func register(_ action: String, _ handler: @escaping ActionHandler) {
    handlers[action] = handler
  }
}
