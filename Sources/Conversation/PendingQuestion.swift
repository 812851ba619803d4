import BatonModel
import IntentMatching

/// A required slot baton asked for; the next line may answer it.
public struct PendingQuestion: Sendable {
  public var intent: IntentDefinition
  public var slots: [String: SlotValue]
  public var missing: SlotDefinition
  /// The line that asked.
  public var input: String
}

/// A side effect waiting for "yes" or "no".
public struct PendingConfirmation: Sendable, Equatable {
  /// The workflow action to run when confirmed.
  public var action: String
  public var intent: String
  public var slots: [String: SlotValue]
  /// The line that asked for it: the words the audit log records.
  public var input: String
  /// Whether it is a further change offered after one already made ("move its open deals
  /// too?"): declining it leaves that first change in place.
  public var isFollowUp: Bool
  /// For a further change, the audit row of the change it is a further step of: `undo`
  /// reverses the two together.
  public var follows: Int64?
  /// The plan shown for it, its summary and data: a confirmation given apart from the
  /// conversation (an MCP token) carries it out only while the plan is still this one.
  public var shownPlan: ShownPlan?

  public init(action: String, intent: String, slots: [String: SlotValue], input: String, isFollowUp: Bool = false) {
    self.action = action
    self.intent = intent
    self.slots = slots
    self.input = input
    self.isFollowUp = isFollowUp
  }
}

/// What the conversation waits for, if anything: what Tab offers and the next line answers.
public enum Awaiting: Sendable, Equatable {
  /// "yes" or "no" to a side effect.
  case confirmation
  /// A name of this kind, for a question about a missing slot.
  case value(EntityKind)
}

/// A side effect's plan as shown: what a later confirmation is checked against.
public struct ShownPlan: Sendable, Equatable {
  public var summary: String
  public var data: JSONValue

  public init(summary: String, data: JSONValue) {
    self.summary = summary
    self.data = data
  }
}
