import BatonModel
import IntentMatching

/// Typical values of each slot type, to show a user what to say: in `help`, in "Did you
/// mean" suggestions, and in the example a question for a missing slot gives.
public enum SampleValues {
  /// The first slot of a type in an example.
  static let first: [EntityKind: String] = [
    .responsibility: "stage exit criteria", .deal: "deal 42", .stage: "SQL", .team: "Sales Ops", .person: "Priya",
    .metric: "NRR", .account: "Globex", .handoff: "sales to CS", .raci: "consulted", .change: "change 1",
    .lead: "lead 17", .task: "task 3", .decision: "approve", .date: "Friday", .period: "this quarter",
    .size: "120 people", .group: "by owner", .number: "30", .catalog: "stages",
    .segment: "Enterprise", .territory: "West", .status: "overdue", .field: "budget confirmed",
  ]

  /// A second slot of the same type ("the difference between {team} and {other}").
  static let second: [EntityKind: String] = [
    .team: "RevOps", .stage: "Negotiation", .person: "Jordan", .deal: "deal 8",
  ]

  /// Free-text slots, by slot name.
  static let text: [String: String] = [
    "change": "a new stage Verbal Commit", "task": "send the contract", "reason": "the buyer confirmed by email",
    "topic": "workflows", "problem": "a territory dispute between two AEs", "name": "Globex Renewal 2027",
  ]

  /// What a question for a missing slot of each type offers as its example.
  static let answer: [EntityKind: String] = [
    .deal: "deal 42", .stage: "Negotiation", .responsibility: "stage exit criteria", .team: "Sales Ops",
    .person: "Priya", .metric: "NRR", .account: "Globex",
  ]

  /// An example with its markers filled by typical values of their slots' types.
  public static func readable(_ example: String, intent: IntentDefinition) -> String {
    var filled: [String: String] = [:]
    var used = Set<EntityKind>()
    // A deal is in an opportunity stage, not a lifecycle one ("move deal 42 to Negotiation"),
    // and a handoff happens at a closing stage ("what does CS need at Closed-Won").
    let stage =
      intent.slots.contains { $0.type == .deal }
      ? "Negotiation"
      : intent.slots.contains { $0.type == .handoff } ? "Closed-Won" : nil
    for slot in intent.slots {
      let sample =
        slot.type == .text
        ? text[slot.name]
        : slot.type == .stage && stage != nil
          ? (used.insert(slot.type).inserted ? stage : "Proposal")
          : used.insert(slot.type).inserted ? first[slot.type] : second[slot.type]
      filled[slot.name] = sample ?? slot.name
    }
    // A marker no slot declares stays as written.
    return SlotTemplate(example).filled { filled[$0] }
  }

  /// "Which stage? For example: Negotiation".
  static func question(for slot: SlotDefinition) -> String {
    let name = slot.name == slot.type.rawValue ? slot.type.rawValue : slot.name
    return "Which \(name)?" + (answer[slot.type].map { " For example: \($0)" } ?? "")
  }
}
