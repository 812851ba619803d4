import BatonModel
import Conversation
import IntentMatching

/// A session driven by a program rather than typed lines (an AI agent over MCP): an intent
/// run with its slots given as values, and a side effect confirmed apart from the
/// conversation, against the plan that was shown.
extension Session {
  /// Runs `intent` with `slots` as given, not read from words: the same checks, plans,
  /// confirmations and audit as a typed line. `input` is what the audit log records.
  public func run(_ intent: IntentDefinition, slots: [String: SlotValue], input: String) -> Turn {
    let turn = run(intent, slots: slots, input: input, today: day)
    if turn.reply.kind == .done { refreshNames() }
    return turn
  }

  /// The side effect waiting for "yes", taken out of the conversation, so the next line is
  /// read as a line of its own; nil when none waits. Its holder carries it out with
  /// `carryOut(_:)`.
  public func takeConfirmation() -> PendingConfirmation? {
    resolver.cancelConfirmation()
  }

  /// Carries out a side effect taken with `takeConfirmation()`: refused, and audited, when
  /// its plan is no longer the one shown (a record changed meanwhile) or none was shown.
  public func carryOut(_ pending: PendingConfirmation) -> Turn {
    let request = request(
      pending.action, intent: pending.intent, slots: pending.slots, input: pending.input, today: day)
    guard let shown = pending.shownPlan else {
      let refusal = runner.audited(
        .refused("Not done: no plan was shown for it to confirm.", reason: .planChanged), of: request)
      return Turn(input: pending.input, intent: pending.intent, slots: pending.slots, reply: refusal)
    }
    let result = runner.run(request, confirmed: true, continuing: pending.follows, shown: shown)
    if let waiting = result.awaiting { resolver.awaitConfirmation(waiting) }
    if result.reply.kind == .done { refreshNames() }
    return Turn(input: pending.input, intent: pending.intent, slots: pending.slots, reply: result.reply)
  }

  /// Reads the workspace's names again when they changed since this session read them (a
  /// stage approved in another session): a check of the names token, cheap when nothing
  /// changed.
  public func noticeNameChanges() { refreshNames() }

  /// Whether `action` changes the workspace (a workflow) rather than answers.
  public func changesWorkspace(_ action: String) -> Bool { runner.runs(action) }

  /// `refusal`, recorded in the audit log as the session's own refusals are (who, the words,
  /// why): for a change refused before it reached a workflow, such as a tool call whose
  /// arguments cannot be used.
  public func audited(_ refusal: Reply, action: String, intent: String?, input: String) -> Reply {
    runner.audited(refusal, of: request(action, intent: intent ?? action, slots: [:], input: input, today: day))
  }
}
