import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// A lifecycle stage with its exit criteria, or nil.
  public func stage(id: String) throws -> Stage? {
    try read { db in try stages(db, where: id).first }
  }

  /// Every lifecycle stage, in order.
  public func stages() throws -> [Stage] {
    try read { db in try stages(db, where: nil) }
  }

  /// How many stages the lifecycle has, without reading them and their exit criteria.
  public func stageCount() throws -> Int {
    try read { db in try db.firstRow("SELECT count(*) FROM stage") { try $0[0] as Int } ?? 0 }
  }

  /// A metric's definition, or nil.
  public func metric(id: String) throws -> MetricDefinition? {
    try read { db in
      try db.firstRow("SELECT * FROM metric WHERE id = ?", [id], Self.metric)
    }
  }

  /// Every handoff rule, or the one with `id`.
  public func handoffRules(id: String? = nil) throws -> [HandoffRule] {
    try read { db in
      try db.rows(
        "SELECT * FROM handoff_rule \(id == nil ? "" : "WHERE id = ?") ORDER BY id", id.map { [$0] } ?? []
      ) { row in
        let fields: String = try row["required_fields"]
        return HandoffRule(
          id: try row["id"], name: try row["name"], fromTeam: try row["from_team"], toTeam: try row["to_team"],
          triggerStage: try row["trigger_stage"],
          requiredFields: (try? JSONDecoder().decode([String].self, from: Data(fields.utf8))) ?? [],
          slaHours: try row["sla_hours"], acceptanceRule: try row["acceptance_rule"])
      }
    }
  }

  /// The words that place a problem in each function ("marketing": campaign, MQL…), for the
  /// decision rule; empty when the workspace has none.
  public func decisionSignals() throws -> [String: [String]] {
    guard let text = try setting("decision_signals") else { return [:] }
    return (try? JSONDecoder().decode([String: [String]].self, from: Data(text.utf8))) ?? [:]
  }

  /// The operations models by company size, smallest first.
  public func opsModels() throws -> [OpsModel] {
    guard let text = try setting("ops_models") else { return [] }
    return (try? JSONDecoder().decode([OpsModel].self, from: Data(text.utf8))) ?? []
  }

  /// A workspace setting, such as `default_user` or `currency`; nil when unset or empty (a
  /// model file without a default user stores it empty).
  public func setting(_ key: String) throws -> String? {
    let value = try read { db in
      try db.firstRow("SELECT value FROM setting WHERE key = ?", [key]) { try $0[0] as String? } ?? nil
    }
    return value?.isEmpty == true ? nil : value
  }

  /// The person with this handle, else this full name, else the only one with this first
  /// name, as an actor. A handle always wins, so a new "Priya Shah" does not make the
  /// handle `priya` ambiguous.
  public func actor(named handleOrFirstName: String) throws -> Actor? {
    try read { db in
      // Read by position into plain values: every start runs this.
      let people: [(id: Int64, handle: String, name: String, role: String)] = try db.rows(
        """
        SELECT id, handle, name, role FROM person
        WHERE lower(handle) = lower(?1) OR lower(name) = lower(?1)
           OR lower(name) LIKE lower(?1) || ' %'
        """, [handleOrFirstName]
      ) { (try $0[0], try $0[1], try $0[2], try $0[3]) }
      let wanted = handleOrFirstName.lowercased()
      let exact =
        people.first { $0.handle.lowercased() == wanted } ?? people.first { $0.name.lowercased() == wanted }
      guard let person = exact ?? (people.count == 1 ? people.first : nil), let role = Role(rawValue: person.role)
      else { return nil }
      return Actor(personID: person.id, handle: person.handle, name: person.name, role: role)
    }
  }

  private func stages(_ db: Executor, where id: String?) throws -> [Stage] {
    let arguments: SQLArguments = id.map { [$0] } ?? []
    var criteria: [String: [(position: Int, criterion: ExitCriterion)]] = [:]
    // Columns by position, and the criteria put in order here (`inPositionOrder`).
    try db.eachRow(id == nil ? Self.allCriteria : Self.stageCriteria, arguments) { row in
      criteria[try row[0], default: []].append(
        (try row[1], ExitCriterion(wording: try row[2], evidenceKind: try row[3], evidenceKey: try row[4])))
    }
    return try db.rows(id == nil ? Self.allStages : Self.oneStage, arguments) { row in
      let stageID: String = try row[0]
      return Stage(
        id: stageID, name: try row[1], position: try row[2], kind: try row[3], definition: try row[4],
        forecastCategory: try row[5], probability: try row[6], typicalDays: try row[7],
        exitCriteria: (criteria[stageID] ?? []).inPositionOrder(\.position).map(\.criterion))
    }
  }

  private static let criterionColumns =
    "SELECT stage_id, position, wording, evidence_kind, evidence_key FROM exit_criterion"
  private static let allCriteria = criterionColumns
  private static let stageCriteria = criterionColumns + " WHERE stage_id = ?"
  private static let stageColumns =
    "SELECT id, name, position, kind, definition, forecast_category, probability, typical_days FROM stage"
  private static let allStages = stageColumns + " ORDER BY position"
  private static let oneStage = stageColumns + " WHERE id = ?"
}
