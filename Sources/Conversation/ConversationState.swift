import BatonModel
import IntentMatching

/// What the conversation remembers between turns. Kept per session, never in the workspace.
public struct ConversationState: Sendable {
  /// The thing last in focus, per kind.
  public internal(set) var focus: [EntityKind: EntityValue] = [:]
  /// The last intent run, and its slots, for follow-ups.
  public internal(set) var lastIntent: IntentDefinition?
  public internal(set) var lastSlots: [String: SlotValue] = [:]
  /// How the last line was read, for `--explain`.
  public internal(set) var lastMatch: Match?
  /// How the line before `why` was read: what `why` explains.
  public internal(set) var explainable: Match?
  /// A question waiting for its answer.
  public internal(set) var pending: PendingQuestion?
  /// A side effect waiting for "yes" or "no".
  public internal(set) var confirmation: PendingConfirmation?

  public init() {}

  /// Record kinds, most recently useful first, for the prompt and `context`.
  public static let displayOrder: [EntityKind] = [
    .deal, .account, .person, .team, .stage, .responsibility, .metric, .handoff, .task, .change,
    .lead,
  ]

  /// The period the last answered line used: what "that quarter" points at.
  public internal(set) var period: EntityValue?

  /// Keeps the period among an answered line's `slots` (the first by slot name, should there
  /// be two), for "that quarter" to point at.
  mutating func rememberPeriod(_ slots: [String: SlotValue]) {
    let periods = slots.filter { $0.value.value.kind == .period && $0.value.value.pointedUnit == nil }
    if let first = periods.keys.min(), let value = periods[first] { period = value.value }
  }

  /// Puts the records among `slots` in focus, each replacing the last of its kind.
  mutating func remember(_ slots: [String: SlotValue]) {
    recent = []
    for slot in slots.values where slot.value.kind.isRecord && slot.value.key != "@me" {
      focus[slot.value.kind] = slot.value
      recent.append(slot.value)
    }
  }

  /// The records the last line answered or refused about: what the prompt shows first.
  public internal(set) var recent: [EntityValue] = []

  /// "deal 42" for the prompt: what the next follow-up is about. The last line's own records
  /// first (after "what is an SQL", SQL, though a deal was shown before), then the most
  /// specific thing in focus.
  public var promptFocus: String? {
    for kind in Self.displayOrder {
      if let value = recent.first(where: { $0.kind == kind }) { return value.display }
    }
    for kind in Self.displayOrder {
      if let value = focus[kind] { return value.display }
    }
    return nil
  }

  /// The things in focus, in display order.
  public var focusInOrder: [(kind: EntityKind, value: EntityValue)] {
    Self.displayOrder.compactMap { kind in focus[kind].map { (kind, $0) } }
  }
}
