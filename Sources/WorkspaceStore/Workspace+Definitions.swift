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

  /// A metric's definition, or nil.
  public func metric(id: String) throws -> MetricDefinition? {
    try read { db in
      try db.firstRow("SELECT * FROM metric WHERE id = ?", [id]) { row in
        MetricDefinition(
          id: try row["id"], name: try row["name"], fullName: try row["full_name"],
          ownerTeam: try row["owner_team"], definition: try row["definition"], formula: try row["formula"])
      }
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

  /// A workspace setting, such as `default_user` or `currency`.
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

  public func setting(_ key: String) throws -> String? {
    try read { db in
      try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?"), arguments: [key])
    }
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
           OR lower(substr(name, 1, instr(name || ' ', ' ') - 1)) = lower(?1)
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

  private func stages(_ db: Database, where id: String?) throws -> [Stage] {
    let arguments: StatementArguments = id.map { [$0] } ?? []
    var criteria: [String: [ExitCriterion]] = [:]
    try db.eachRow(
      """
      SELECT stage_id, wording, evidence_kind, evidence_key FROM exit_criterion
      \(id == nil ? "" : "WHERE stage_id = ?") ORDER BY position
      """, arguments
    ) { row in
      criteria[try row["stage_id"], default: []].append(
        ExitCriterion(
          wording: try row["wording"], evidenceKind: try row["evidence_kind"],
          evidenceKey: try row["evidence_key"]))
    }
    return try db.rows("SELECT * FROM stage \(id == nil ? "" : "WHERE id = ?") ORDER BY position", arguments) { row in
      let stageID: String = try row["id"]
      return Stage(
        id: stageID, name: try row["name"], position: try row["position"], kind: try row["kind"],
        definition: try row["definition"], forecastCategory: try row["forecast_category"],
        probability: try row["probability"], typicalDays: try row["typical_days"],
        exitCriteria: criteria[stageID] ?? [])
    }
  }
}
