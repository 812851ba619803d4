import BatonModel
import Foundation
internal import GRDB

/// Writes an operating model over the one a workspace holds, touching only what differs, in
/// the caller's transaction. Refuses, before writing anything, a model that would leave
/// records without their stage or owner.
enum ModelWriter {
  static func write(_ db: Database, from old: OperatingModel, to new: OperatingModel) throws {
    try checkRemovals(db, from: old, to: new)
    try writeSettings(db, to: new)
    let oldTeams = Dictionary(old.teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for team in new.teams where oldTeams[team.id] != team {
      try db.execute(
        sql: """
          INSERT INTO team(id, name, lead_handle, reports_to, serves, focus, scope, governs_cross_team)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,
          lead_handle = excluded.lead_handle, reports_to = excluded.reports_to, serves = excluded.serves,
          focus = excluded.focus, scope = excluded.scope, governs_cross_team = excluded.governs_cross_team
          """,
        arguments: [
          team.id, team.name, team.lead, team.reportsTo, team.serves, team.focus, team.scope,
          team.governsCrossTeamRules,
        ])
      if oldTeams[team.id]?.aliases != team.aliases {
        try replaceAliases(db, "team_alias", "team_id", team.id, team.aliases)
      }
    }
    let oldPeople = Dictionary(old.people.map { ($0.handle, $0) }, uniquingKeysWith: { first, _ in first })
    for person in new.people where oldPeople[person.handle] != person {
      try db.execute(
        sql: """
          INSERT INTO person(handle, name, team_id, title, role) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(handle) DO UPDATE SET name = excluded.name, team_id = excluded.team_id,
          title = excluded.title, role = excluded.role
          """, arguments: [person.handle, person.name, person.team, person.title, person.role])
      if oldPeople[person.handle]?.aliases != person.aliases {
        let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE handle = ?", arguments: [person.handle])
        try replaceAliases(db, "person_alias", "person_id", id, person.aliases)
      }
    }
    try writeStages(db, from: old, to: new)
    let oldResponsibilities = Dictionary(
      old.responsibilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for item in new.responsibilities where oldResponsibilities[item.id] != item {
      try db.execute(
        sql: """
          INSERT INTO responsibility(id, name, area, sales_ops_owns, revops_governs) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET name = excluded.name, area = excluded.area,
          sales_ops_owns = excluded.sales_ops_owns, revops_governs = excluded.revops_governs
          """, arguments: [item.id, item.name, item.area, item.salesOpsOwns, item.revopsGoverns])
      if oldResponsibilities[item.id]?.aliases != item.aliases {
        try replaceAliases(db, "responsibility_alias", "responsibility_id", item.id, item.aliases)
      }
      if oldResponsibilities[item.id]?.raci != item.raci {
        try db.execute(sql: "DELETE FROM raci WHERE responsibility_id = ?", arguments: [item.id])
        for (letter, _) in OperatingModel.raciKeys {
          for (position, party) in (item.raci[letter] ?? []).enumerated() {
            try db.execute(
              sql: """
                INSERT OR IGNORE INTO raci(responsibility_id, letter, party_kind, party_id, position)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [item.id, letter, party.kind.rawValue, party.id, position])
          }
        }
      }
    }
    let oldRules = Dictionary(old.handoffRules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for rule in new.handoffRules where oldRules[rule.id] != rule {
      try db.execute(
        sql: """
          INSERT INTO handoff_rule(id, name, from_team, to_team, trigger_stage, required_fields, sla_hours, acceptance_rule)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,
          from_team = excluded.from_team, to_team = excluded.to_team, trigger_stage = excluded.trigger_stage,
          required_fields = excluded.required_fields, sla_hours = excluded.sla_hours,
          acceptance_rule = excluded.acceptance_rule
          """,
        arguments: [
          rule.id, rule.name, rule.fromTeam, rule.toTeam, rule.triggerStage, try json(rule.requiredFields),
          rule.slaHours, rule.acceptanceRule,
        ])
      if oldRules[rule.id]?.aliases != rule.aliases {
        try replaceAliases(db, "handoff_alias", "handoff_id", rule.id, rule.aliases)
      }
    }
    let oldMetrics = Dictionary(old.metrics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for metric in new.metrics where oldMetrics[metric.id] != metric {
      try db.execute(
        sql: """
          INSERT INTO metric(id, name, full_name, owner_team, definition, formula) VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET name = excluded.name, full_name = excluded.full_name,
          owner_team = excluded.owner_team, definition = excluded.definition, formula = excluded.formula
          """, arguments: [metric.id, metric.name, metric.fullName, metric.owner, metric.definition, metric.formula])
      if oldMetrics[metric.id]?.aliases != metric.aliases {
        try replaceAliases(db, "metric_alias", "metric_id", metric.id, metric.aliases)
      }
    }
    if old.routingRules != new.routingRules {
      try db.execute(sql: "DELETE FROM routing_rule")
      for rule in new.routingRules {
        try db.execute(
          sql: """
            INSERT INTO routing_rule(territory, segment, person_id, capacity)
            SELECT ?, ?, id, ? FROM person WHERE handle = ?
            """, arguments: [rule.territory, rule.segment, rule.capacity, rule.rep])
      }
    }
    if old.targets != new.targets {
      try db.execute(sql: "DELETE FROM target")
      for (period, amount) in new.targets.sorted(by: { $0.key < $1.key }) {
        try db.execute(sql: "INSERT INTO target(period, amount) VALUES (?, ?)", arguments: [period, amount])
      }
    }
    if old.dealFields != new.dealFields {
      let kept = Set(new.dealFields.map(\.key))
      for field in old.dealFields where !kept.contains(field.key) {
        try db.execute(sql: "DELETE FROM deal_field WHERE key = ?", arguments: [field.key])
      }
      for field in new.dealFields {
        try db.execute(
          sql: "INSERT INTO deal_field(key, name) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET name = excluded.name",
          arguments: [field.key, field.name])
      }
    }
    try deleteRemoved(db, from: old, to: new)
  }

  /// The settings the model holds, each written when the file's value differs (a new
  /// workspace has none yet).
  private static func writeSettings(_ db: Database, to new: OperatingModel) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    func text(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    let settings: [(String, String)] = [
      ("company", new.company.name), ("currency", new.company.currency),
      ("employees", new.company.employees.map(String.init) ?? ""), ("default_user", new.company.defaultUser ?? ""),
      ("decision_rule", new.decisionRule), ("decision_signals", try text(new.decisionSignals)),
      ("ops_models", try text(new.opsModels)),
    ]
    let current: [String: String] = Dictionary(
      try db.rows("SELECT key, value FROM setting") { (try $0[0] as String, try $0[1] as String) },
      uniquingKeysWith: { first, _ in first })
    for (key, value) in settings where current[key] != value {
      try db.execute(
        sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        arguments: [key, value])
    }
  }

  private static func writeStages(_ db: Database, from old: OperatingModel, to new: OperatingModel) throws {
    let oldStages = Dictionary(old.stages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let reordered = old.stages.map(\.id) != new.stages.map(\.id)
    // Positions are unique: move every stage out of the way before laying them anew.
    if reordered { try db.execute(sql: "UPDATE stage SET position = -position - 1000") }
    for (index, stage) in new.stages.enumerated() where reordered || oldStages[stage.id] != stage {
      try db.execute(
        sql: """
          INSERT INTO stage(id, name, position, kind, definition, forecast_category, probability, typical_days)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,
          position = excluded.position, kind = excluded.kind, definition = excluded.definition,
          forecast_category = excluded.forecast_category, probability = excluded.probability,
          typical_days = excluded.typical_days
          """,
        arguments: [
          stage.id, stage.name, index + 1, stage.kind, stage.definition, stage.forecastCategory, stage.probability,
          stage.typicalDays,
        ])
      if oldStages[stage.id]?.aliases != stage.aliases {
        try replaceAliases(db, "stage_alias", "stage_id", stage.id, stage.aliases)
      }
      if oldStages[stage.id]?.exitCriteria != stage.exitCriteria {
        try db.execute(sql: "DELETE FROM exit_criterion WHERE stage_id = ?", arguments: [stage.id])
        for (position, criterion) in stage.exitCriteria.enumerated() {
          try db.execute(
            sql: """
              INSERT INTO exit_criterion(stage_id, position, wording, evidence_kind, evidence_key)
              VALUES (?, ?, ?, ?, ?)
              """,
            arguments: [stage.id, position + 1, criterion.wording, criterion.evidence.kind, criterion.evidence.key])
        }
      }
    }
  }

  /// Deletes what the new model no longer has, those that others refer to last.
  private static func deleteRemoved(_ db: Database, from old: OperatingModel, to new: OperatingModel) throws {
    func removed<T>(_ old: [T], _ new: [T], _ id: (T) -> String) -> [String] {
      let kept = Set(new.map(id))
      return old.map(id).filter { !kept.contains($0) }
    }
    let deletions: [(table: String, column: String, ids: [String])] = [
      ("responsibility", "id", removed(old.responsibilities, new.responsibilities, \.id)),
      ("handoff_rule", "id", removed(old.handoffRules, new.handoffRules, \.id)),
      ("metric", "id", removed(old.metrics, new.metrics, \.id)),
      ("stage", "id", removed(old.stages, new.stages, \.id)),
      ("person", "handle", removed(old.people, new.people, \.handle)),
      ("team", "id", removed(old.teams, new.teams, \.id)),
    ]
    for (table, column, ids) in deletions {
      for id in ids { try db.execute(sql: "DELETE FROM \(table) WHERE \(column) = ?", arguments: [id]) }
    }
  }

  /// Refuses a model that would leave deals without a stage, or records without an owner,
  /// naming each and the way out.
  private static func checkRemovals(_ db: Database, from old: OperatingModel, to new: OperatingModel) throws {
    var problems: [String] = []
    let keptStages = Set(new.stages.map(\.id))
    for stage in old.stages where !keptStages.contains(stage.id) {
      let deals = try count(db, "SELECT count(*) FROM deal WHERE stage_id = ?", stage.id)
      let history = try count(
        db, "SELECT count(DISTINCT deal_id) FROM stage_change WHERE from_stage = ?1 OR to_stage = ?1", stage.id)
      if deals > 0 {
        problems.append(
          "removing stage \(stage.name) leaves \(Counted(deals, "deal")) without a stage: move them to another stage first, or keep the stage"
        )
      } else if history > 0 {
        problems.append(
          "stage \(stage.name) is in the stage history of \(Counted(history, "deal")): keep it (a new name with the same id renames it)"
        )
      }
    }
    let keptPeople = Set(new.people.map(\.handle))
    for person in old.people where !keptPeople.contains(person.handle) {
      let holdings: [(String, String)] = [
        ("deal", "SELECT count(*) FROM deal WHERE owner_id = (SELECT id FROM person WHERE handle = ?)"),
        (
          "account",
          "SELECT count(*) FROM account WHERE (SELECT id FROM person WHERE handle = ?1) IN (owner_id, csm_id)"
        ),
        ("lead", "SELECT count(*) FROM lead WHERE owner_id = (SELECT id FROM person WHERE handle = ?)"),
        ("task", "SELECT count(*) FROM task WHERE owner_id = (SELECT id FROM person WHERE handle = ?)"),
        (
          "stage change in the history",
          "SELECT count(*) FROM stage_change WHERE owner_id = (SELECT id FROM person WHERE handle = ?)"
        ),
        (
          "change request",
          "SELECT count(*) FROM change_request WHERE (SELECT id FROM person WHERE handle = ?1) IN (proposed_by, decided_by)"
        ),
      ]
      let held = try holdings.compactMap { noun, sql -> String? in
        let number = try count(db, sql, person.handle)
        return number > 0 ? Counted(number, noun).description : nil
      }
      if !held.isEmpty {
        problems.append(
          "removing \(person.name) (\(person.handle)) leaves \(held.joined(separator: ", ")) without them: reassign those first, or keep the person"
        )
      }
    }
    let keptTeams = Set(new.teams.map(\.id))
    for team in old.teams where !keptTeams.contains(team.id) {
      let changes = try count(db, "SELECT count(*) FROM change_request WHERE owner_team = ?", team.id)
      if changes > 0 {
        problems.append(
          "removing team \(team.name) leaves \(Counted(changes, "change request")) without an owner: keep the team")
      }
    }
    if !problems.isEmpty {
      throw ChangeConflict("it would leave records behind:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
    }
  }

  private static func count(_ db: Database, _ sql: String, _ argument: String) throws -> Int {
    try Int.fetchOne(db, sql: sql, arguments: [argument]) ?? 0
  }

  private static func replaceAliases(
    _ db: Database, _ table: String, _ column: String, _ id: (any DatabaseValueConvertible)?, _ aliases: [String]
  ) throws {
    try db.execute(sql: "DELETE FROM \(table) WHERE \(column) = ?", arguments: [id])
    for alias in aliases {
      try db.execute(sql: "INSERT OR IGNORE INTO \(table)(\(column), alias) VALUES (?, ?)", arguments: [id, alias])
    }
  }

  private static func json(_ value: [String]) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
  }
}

/// "1 deal", "12 deals".
struct Counted: CustomStringConvertible {
  var number: Int
  var noun: String
  init(_ number: Int, _ noun: String) {
    self.number = number
    self.noun = noun
  }
  var description: String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
