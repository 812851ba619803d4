/// The kinds of thing a line can name; intent slots are typed by these.
public enum EntityKind: String, CaseIterable, Codable, Hashable, Sendable {
  case responsibility, team, person, deal, account, lead, task, change, stage, metric, handoff
  case raci, decision, group
  case date, number, size, period
  /// Free text: whatever the line says in the slot's place.
  case text

  /// Kinds that name workspace records and so can be "in focus" in a conversation.
  public var isRecord: Bool {
    switch self {
    case .responsibility, .team, .person, .deal, .account, .lead, .task, .change, .stage, .metric,
      .handoff:
      return true
    default:
      return false
    }
  }
}
