import Actions
import BatonModel
import Conversation
import WorkspaceStore

/// Runs side effects. A workflow's handler checks the rules and the actor's role and
/// proposes a plan; the plan runs at once when confirmed (or under `--yes`), waits for "yes"
/// at a terminal, or is refused in a script. Every refusal is audited.
///
/// A class: the session holds one for the conversation and reaches it on every workflow.
final class WorkflowRunner {
  let registry: ActionRegistry
  let workspace: any WorkspaceAccess
  var confirmations: ConfirmationPolicy
  /// The audit rows of the changes made through this runner, oldest first: what `undo`
  /// reverses. Kept apart from the conversation, so `start over` does not forget them.
  private(set) var changes: [Int64] = []
  /// Each change that was a further step of the one before it, with that one's audit row.
  private(set) var followUps: [Int64: Int64] = [:]

  init(registry: ActionRegistry, workspace: any WorkspaceAccess, confirmations: ConfirmationPolicy) {
    self.registry = registry
    self.workspace = workspace
    self.confirmations = confirmations
  }

  /// What running a workflow came to: the reply, and the side effect now waiting for "yes"
  /// or "no", if any.
  struct Result {
    var reply: Reply
    var awaiting: PendingConfirmation?
  }

  /// Whether `action` is a workflow this runner runs.
  func runs(_ action: String) -> Bool { registry.workflow(for: action) != nil }

  /// Checks the workflow of `request`, then carries it out, asks, or refuses, by the policy;
  /// `confirmed` when the user has said yes to it already; `continuing`, the audit row of the
  /// change it is a further step of (undone with it); `shown`, the plan the confirmation
  /// was given for, which the plan made now must still be.
  func run(_ request: ActionRequest, confirmed: Bool, continuing: Int64? = nil, shown: ShownPlan? = nil) -> Result {
    guard let workflow = registry.workflow(for: request.action) else {
      return Result(reply: Self.noHandler(request.action))
    }
    var request = request
    request.ownChanges = changes
    request.followUps = followUps
    var planned: Plan?
    let checked = Self.guarded {
      switch try workflow(request, workspace) {
      case .reply(let reply): return reply
      case .plan(let plan):
        planned = plan
        return Reply(kind: .question, text: plan.summary, data: plan.data)
      }
    }
    guard let plan = planned else {
      return Result(reply: checked.kind == .refused ? audited(checked, of: request) : checked)
    }
    if let shown, shown != ShownPlan(summary: plan.summary, data: plan.data) {
      let refusal = Reply.refused(
        blocks: [
          .text("Not done: the plan changed since it was confirmed (a record changed meanwhile). It is now:"),
          .text(plan.summary),
        ],
        reason: .planChanged, plan.data.object)
      return Result(reply: audited(refusal, of: request, note: "the plan changed since it was confirmed"))
    }
    var waiting = PendingConfirmation(
      action: request.action, intent: request.intent ?? request.action, slots: request.slots, input: request.input)
    waiting.shownPlan = ShownPlan(summary: plan.summary, data: plan.data)
    switch (confirmed, confirmations) {
    case (false, .ask):
      return Result(
        reply: Reply(
          kind: .question, blocks: [.text(plan.summary), .text("Proceed? [y/N]")],
          data: plan.data.merging(["confirm": true])),
        awaiting: waiting)
    case (false, .refuse):
      let refusal = Reply.refused(
        blocks: [.text(plan.summary), .text("Not done: a script confirms side effects with --yes.")],
        reason: .confirmationRequired, plan.data.object)
      return Result(reply: audited(refusal, of: request, note: "a script confirms side effects with --yes"))
    default:
      break
    }
    var reply = Self.guarded { try plan.perform() }
    // Refused as it was made (another session changed the record first): audited like any
    // refusal, once the change's own transaction has rolled back.
    if reply.kind == .refused { reply = audited(reply, of: request) }
    var made: Int64?
    if case .object(let data) = reply.data, case .int(let auditID)? = data["audit_id"] {
      if let earlier = continuing { followUps[auditID] = followUps[earlier] ?? earlier }
      changes.append(auditID)
      made = auditID
    }
    guard reply.ok, let followUp = plan.followUp else { return Result(reply: reply) }
    var next = request
    next.action = followUp.action
    if confirmations == .assumeYes {
      let done = run(next, confirmed: true, continuing: made)
      reply.blocks += done.reply.blocks
      reply.data = reply.data.merging(["follow_up": done.reply.data])
      return Result(reply: reply, awaiting: done.awaiting)
    }
    reply.blocks.append(.text(followUp.question + " [y/N]"))
    reply.data = reply.data.merging(["follow_up": .string(followUp.question)])
    var further = PendingConfirmation(
      action: followUp.action, intent: waiting.intent, slots: request.slots, input: request.input, isFollowUp: true)
    further.follows = made
    further.shownPlan = shownPlan(of: next)
    return Result(reply: reply, awaiting: further)
  }

  /// The plan `request` would make now, unperformed: what a further change offered after
  /// one is confirmed against.
  private func shownPlan(of request: ActionRequest) -> ShownPlan? {
    var request = request
    request.ownChanges = changes
    request.followUps = followUps
    guard let workflow = registry.workflow(for: request.action),
      case .plan(let plan)? = try? workflow(request, workspace)
    else { return nil }
    return ShownPlan(summary: plan.summary, data: plan.data)
  }

  /// `refusal`, once recorded in the audit log: who tried what, and why it was refused (the
  /// reply's first line unless `note` says it). A refusal the log cannot take is an error,
  /// saying so, never a silent gap in the log.
  func audited(_ refusal: Reply, of request: ActionRequest, note: String? = nil) -> Reply {
    do {
      try workspace.recordRefusal(request.audit, reason: note ?? refusal.firstLine)
      return refusal
    } catch {
      var reply = refusal
      reply.kind = .error
      reply.blocks.append(.text("The refusal could not be recorded in the audit log: \(error)"))
      reply.data = reply.data.merging(["error": "workspace"])
      return reply
    }
  }

  /// Runs an action body, turning what it throws into the reply a user can act on.
  static func guarded(_ body: () throws -> Reply) -> Reply {
    do {
      return try body()
    } catch let conflict as ChangeConflict {
      return .refused("Not done: \(conflict).", reason: .conflict)
    } catch let error as WorkspaceError {
      return Reply(kind: .error, text: "\(error)", data: ["error": .string("workspace")])
    } catch {
      return Reply(
        kind: .error, text: "Internal error: \(error). Please file a bug.", data: ["error": .string("internal")])
    }
  }

  /// An intent names an action no handler has: a bug, since the catalogue is checked at load.
  static func noHandler(_ action: String) -> Reply {
    Reply(kind: .error, text: "No handler for the action '\(action)'. Please file a bug.")
  }
}
