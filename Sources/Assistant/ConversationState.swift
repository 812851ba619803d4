import BatonModel
import IntentMatching

/// What the conversation remembers between turns. Kept per session, never in the workspace.
struct ConversationState {
  /// The thing last in focus, per kind.
  var focus: [EntityKind: EntityValue] = [:]
  /// The last intent run, and its slots, for follow-ups.
  var lastIntent: IntentDefinition?
  var lastSlots: [String: SlotValue] = [:]
  /// How the last line was read, for `--explain`.
  var lastMatch: Match?
  /// How the line before `why` was read: what `why` explains.
  var explainable: Match?
  var lastExplanation: String?
  /// A question waiting for its answer.
  var pending: PendingQuestion?
  /// A side effect waiting for "yes" or "no".
  var confirmation: PendingConfirmation?

  /// Record kinds, most recently useful first, for the prompt and `context`.
  static let displayOrder: [EntityKind] = [
    .deal, .account, .person, .team, .stage, .responsibility, .metric, .handoff, .task, .change,
    .lead,
  ]

  mutating func remember(_ slots: [String: SlotValue]) {
    for slot in slots.values where slot.value.kind.isRecord && slot.value.key != "@me" {
      focus[slot.value.kind] = slot.value
    }
  }

  /// "deal 42" for the prompt: the most specific thing in focus.
  var promptFocus: String? {
    for kind in Self.displayOrder {
      if let value = focus[kind] { return value.display }
    }
    return nil
  }
}

/// A required slot baton asked for; the next line may answer it.
struct PendingQuestion {
  var intent: IntentDefinition
  var slots: [String: SlotValue]
  var missing: SlotDefinition
  var input: String
}
