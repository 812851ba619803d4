import BatonModel
import Foundation
internal import GRDB

/// Reads the operating model out of a workspace's tables.
enum ModelReader {
  static func read(_ db: Executor) throws -> OperatingModel {
    let settings: [String: String] = Dictionary(
      try db.rows("SELECT key, value FROM setting") { (try $0[0] as String, try $0[1] as String) },
      uniquingKeysWith: { first, _ in first })
    let decoder = JSONDecoder()
    let signals = settings["decision_signals"].flatMap {
      try? decoder.decode([String: [String]].self, from: Data($0.utf8))
    }
    let opsModels = settings["ops_models"].flatMap { try? decoder.decode([OpsModel].self, from: Data($0.utf8)) }
    let company = OperatingModel.Company(
      name: settings["company"] ?? "", currency: settings["currency"] ?? "USD",
      employees: settings["employees"].flatMap { Int($0) },
      defaultUser: settings["default_user"].flatMap { $0.isEmpty ? nil : $0 })
    return OperatingModel(
      company: company, decisionRule: settings["decision_rule"] ?? "", decisionSignals: signals ?? [:],
      opsModels: opsModels ?? [], teams: try teams(db), people: try people(db),
      responsibilities: try responsibilities(db), stages: try stages(db), handoffRules: try handoffRules(db),
      metrics: try metrics(db),
      targets: Dictionary(
        try db.rows("SELECT period, amount FROM target") { (try $0[0] as String, try $0[1] as Int64) },
        uniquingKeysWith: { first, _ in first }),
      routingRules: try db.rows(
        """
        SELECT territory, segment, handle, capacity FROM routing_rule JOIN person ON person.id = person_id
        ORDER BY routing_rule.id
        """
      ) {
        OperatingModel.RoutingRule(territory: try $0[0], segment: try $0[1], rep: try $0[2], capacity: try $0[3])
      },
      dealFields: try db.hasTable("deal_field")
        ? db.rows("SELECT key, name FROM deal_field ORDER BY rowid") {
          OperatingModel.DealField(key: try $0[0], name: try $0[1])
        } : [])
  }

  /// Aliases by owner, in the order they were written.
  private static func aliases(_ db: Executor, _ table: String, _ column: String) throws -> [String: [String]] {
    var result: [String: [String]] = [:]
    try db.eachRow("SELECT \(column), alias FROM \(table) ORDER BY rowid") { row in
      result[try row[0] as String, default: []].append(try row[1])
    }
    return result
  }

  private static func teams(_ db: Executor) throws -> [OperatingModel.Team] {
    let aliases = try aliases(db, "team_alias", "team_id")
    return try db.rows("SELECT * FROM team ORDER BY rowid") { row in
      let id: String = try row["id"]
      return OperatingModel.Team(
        id: id, name: try row["name"], lead: try row["lead_handle"], reportsTo: try row["reports_to"],
        serves: try row["serves"], focus: try row["focus"], scope: try row["scope"],
        governsCrossTeamRules: try row["governs_cross_team"], aliases: aliases[id] ?? [])
    }
  }

  private static func people(_ db: Executor) throws -> [OperatingModel.Person] {
    var aliases: [Int64: [String]] = [:]
    try db.eachRow("SELECT person_id, alias FROM person_alias ORDER BY rowid") { row in
      aliases[try row[0], default: []].append(try row[1])
    }
    var logins: [Int64: [String]] = [:]
    try db.eachRow("SELECT person_id, name FROM login ORDER BY name") { row in
      logins[try row[0], default: []].append(try row[1])
    }
    return try db.rows("SELECT * FROM person ORDER BY id") { row in
      let id: Int64 = try row["id"]
      return OperatingModel.Person(
        handle: try row["handle"], name: try row["name"], team: try row["team_id"], title: try row["title"],
        role: try row["role"], aliases: aliases[id] ?? [], logins: logins[id] ?? [])
    }
  }

  private static func responsibilities(_ db: Executor) throws -> [OperatingModel.Responsibility] {
    let aliases = try aliases(db, "responsibility_alias", "responsibility_id")
    var raci: [String: [String: [OperatingModel.Party]]] = [:]
    try db.eachRow("SELECT responsibility_id, letter, party_kind, party_id FROM raci ORDER BY position, rowid") { row in
      guard let kind = OperatingModel.Party.Kind(rawValue: try row[2]) else { return }
      raci[try row[0], default: [:]][try row[1], default: []].append(OperatingModel.Party(kind, try row[3]))
    }
    return try db.rows("SELECT * FROM responsibility ORDER BY rowid") { row in
      let id: String = try row["id"]
      return OperatingModel.Responsibility(
        id: id, name: try row["name"], area: try row["area"], salesOpsOwns: try row["sales_ops_owns"],
        revopsGoverns: try row["revops_governs"], aliases: aliases[id] ?? [], raci: raci[id] ?? [:])
    }
  }

  private static func stages(_ db: Executor) throws -> [OperatingModel.Stage] {
    let aliases = try aliases(db, "stage_alias", "stage_id")
    var criteria: [String: [OperatingModel.Criterion]] = [:]
    try db.eachRow("SELECT stage_id, wording, evidence_kind, evidence_key FROM exit_criterion ORDER BY position, id") {
      row in
      criteria[try row[0], default: []].append(
        OperatingModel.Criterion(
          wording: try row[1], evidence: OperatingModel.Evidence(kind: try row[2], key: try row[3])))
    }
    return try db.rows("SELECT * FROM stage ORDER BY position") { row in
      let id: String = try row["id"]
      return OperatingModel.Stage(
        id: id, name: try row["name"], kind: try row["kind"], probability: try row["probability"],
        forecastCategory: try row["forecast_category"], typicalDays: try row["typical_days"],
        definition: try row["definition"], aliases: aliases[id] ?? [], exitCriteria: criteria[id] ?? [])
    }
  }

  private static func handoffRules(_ db: Executor) throws -> [OperatingModel.HandoffRule] {
    let aliases = try aliases(db, "handoff_alias", "handoff_id")
    return try db.rows("SELECT * FROM handoff_rule ORDER BY rowid") { row in
      let id: String = try row["id"]
      let fields: String = try row["required_fields"]
      return OperatingModel.HandoffRule(
        id: id, name: try row["name"], fromTeam: try row["from_team"], toTeam: try row["to_team"],
        triggerStage: try row["trigger_stage"],
        requiredFields: (try? JSONDecoder().decode([String].self, from: Data(fields.utf8))) ?? [],
        slaHours: try row["sla_hours"], acceptanceRule: try row["acceptance_rule"], aliases: aliases[id] ?? [])
    }
  }

  private static func metrics(_ db: Executor) throws -> [OperatingModel.Metric] {
    let aliases = try aliases(db, "metric_alias", "metric_id")
    return try db.rows("SELECT * FROM metric ORDER BY rowid") { row in
      let id: String = try row["id"]
      return OperatingModel.Metric(
        id: id, name: try row["name"], fullName: try row["full_name"], owner: try row["owner_team"],
        definition: try row["definition"], formula: try row["formula"], aliases: aliases[id] ?? [])
    }
  }
}
