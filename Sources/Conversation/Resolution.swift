import BatonModel
import IntentMatching

/// What the conversation makes of one line.
public enum Resolution: Sendable {
  /// Run `intent`: every required slot is filled, from the line or the conversation.
  case run(IntentDefinition, slots: [String: SlotValue])
  /// The line answers the side effect that waited for "yes" or "no".
  case confirmation(PendingConfirmation, yes: Bool)
  /// Answer with `reply` and run nothing: a question for a missing slot, a line not
  /// understood, a name the workspace lacks. `intent` is the one the line was read as, if any.
  case reply(Reply, intent: IntentDefinition?, slots: [String: SlotValue])
}
