/// The kinds of thing a line can name; intent slots are typed by these.
public enum EntityKind: String, CaseIterable, Codable, Hashable, Sendable {
  case responsibility, team, person, deal, account, lead, task, change, stage, metric, handoff
  /// An account's segment ("Enterprise") or territory ("West"): a filter, not a record.
  case segment, territory
  case raci, decision, group
  /// A list of the workspace's things: stages, teams, people, handoff rules, metrics.
  case catalog
  /// A task's state as a filter: overdue.
  case status
  /// Something recorded on a deal: its amount, close date or owner, or evidence an exit
  /// criterion or handoff rule checks ("budget confirmed", "close plan"), keyed
  /// `field:budget_confirmed`, `document:close_plan`, `amount`.
  case field
  case date, number, size, period
  /// A date the calendar does not have ("2026-02-30"): no slot takes it; the line is
  /// answered with what is wrong with it.
  case impossibleDate = "impossible_date"
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
