import BatonModel
import Foundation
internal import GRDB

/// Writes an operating model over the one a workspace holds, touching only what differs, in
/// the caller's transaction. Refuses, before writing anything, a model that would leave
/// records without their stage or owner.
enum ModelWriter {
  static func write(_ db: Executor, from old: OperatingModel, to new: OperatingModel) throws {
    try checkRemovals(db, from: old, to: new)
    try writeSettings(db, to: new)
    try changed(old.teams, new.teams, id: \.id) { team, was in
      try upsert(
        db, "team", key: "id",
        [
          ("id", team.id), ("name", team.name), ("lead_handle", team.lead), ("reports_to", team.reportsTo),
          ("serves", team.serves), ("focus", team.focus), ("scope", team.scope),
          ("governs_cross_team", team.governsCrossTeamRules),
        ])
      if was?.aliases != team.aliases { try replaceAliases(db, "team_alias", "team_id", team.id, team.aliases) }
    }
    try changed(old.people, new.people, id: \.handle) { person, was in
      try upsert(
        db, "person", key: "handle",
        [
          ("handle", person.handle), ("name", person.name), ("team_id", person.team), ("title", person.title),
          ("role", person.role),
        ])
      if was?.aliases != person.aliases {
        let id = try db.value("SELECT id FROM person WHERE handle = ?", [person.handle]) as Int64?
        try replaceAliases(db, "person_alias", "person_id", id, person.aliases)
      }
    }
    try writeStages(db, from: old, to: new)
    try changed(old.responsibilities, new.responsibilities, id: \.id) { item, was in
      try upsert(
        db, "responsibility", key: "id",
        [
          ("id", item.id), ("name", item.name), ("area", item.area), ("sales_ops_owns", item.salesOpsOwns),
          ("revops_governs", item.revopsGoverns),
        ])
      if was?.aliases != item.aliases {
        try replaceAliases(db, "responsibility_alias", "responsibility_id", item.id, item.aliases)
      }
      if was?.raci != item.raci {
        try db.execute("DELETE FROM raci WHERE responsibility_id = ?", [item.id])
        for (letter, _) in OperatingModel.raciKeys {
          for (position, party) in (item.raci[letter] ?? []).enumerated() {
            try db.execute(
              """
              INSERT INTO raci(responsibility_id, letter, party_kind, party_id, position)
              VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
              """, [item.id, letter, party.kind.rawValue, party.id, position])
          }
        }
      }
    }
    try changed(old.handoffRules, new.handoffRules, id: \.id) { rule, was in
      try upsert(
        db, "handoff_rule", key: "id",
        [
          ("id", rule.id), ("name", rule.name), ("from_team", rule.fromTeam), ("to_team", rule.toTeam),
          ("trigger_stage", rule.triggerStage), ("required_fields", try json(rule.requiredFields)),
          ("sla_hours", rule.slaHours), ("acceptance_rule", rule.acceptanceRule),
        ])
      if was?.aliases != rule.aliases { try replaceAliases(db, "handoff_alias", "handoff_id", rule.id, rule.aliases) }
    }
    try changed(old.metrics, new.metrics, id: \.id) { metric, was in
      try upsert(
        db, "metric", key: "id",
        [
          ("id", metric.id), ("name", metric.name), ("full_name", metric.fullName), ("owner_team", metric.owner),
          ("definition", metric.definition), ("formula", metric.formula),
        ])
      if was?.aliases != metric.aliases {
        try replaceAliases(db, "metric_alias", "metric_id", metric.id, metric.aliases)
      }
    }
    if old.routingRules != new.routingRules {
      try db.execute("DELETE FROM routing_rule")
      for rule in new.routingRules {
        try db.execute(
          """
          INSERT INTO routing_rule(territory, segment, person_id, capacity)
          SELECT ?, ?, id, ? FROM person WHERE handle = ?
          """, [rule.territory, rule.segment, rule.capacity, rule.rep])
      }
    }
    if old.targets != new.targets {
      try db.execute("DELETE FROM target")
      for (period, amount) in new.targets.sorted(by: { $0.key < $1.key }) {
        try db.execute("INSERT INTO target(period, amount) VALUES (?, ?)", [period, amount])
      }
    }
    if old.dealFields != new.dealFields {
      let kept = Set(new.dealFields.map(\.key))
      for field in old.dealFields where !kept.contains(field.key) {
        try db.execute("DELETE FROM deal_field WHERE key = ?", [field.key])
      }
      for field in new.dealFields {
        try upsert(db, "deal_field", key: "key", [("key", field.key), ("name", field.name)])
      }
    }
    try deleteRemoved(db, from: old, to: new)
    try Logins.write(db, from: old, to: new)
  }

  /// The settings the model holds, each written when the file's value differs (a new
  /// workspace has none yet).
  private static func writeSettings(_ db: Executor, to new: OperatingModel) throws {
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
        "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value])
    }
  }

  private static func writeStages(_ db: Executor, from old: OperatingModel, to new: OperatingModel) throws {
    let oldStages = Dictionary(old.stages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let reordered = old.stages.map(\.id) != new.stages.map(\.id)
    // Positions are unique: move every stage out of the way before laying them anew.
    if reordered { try db.execute("UPDATE stage SET position = -position - 1000") }
    for (index, stage) in new.stages.enumerated() where reordered || oldStages[stage.id] != stage {
      try upsert(
        db, "stage", key: "id",
        [
          ("id", stage.id), ("name", stage.name), ("position", index + 1), ("kind", stage.kind),
          ("definition", stage.definition), ("forecast_category", stage.forecastCategory),
          ("probability", stage.probability), ("typical_days", stage.typicalDays),
        ])
      if oldStages[stage.id]?.aliases != stage.aliases {
        try replaceAliases(db, "stage_alias", "stage_id", stage.id, stage.aliases)
      }
      if oldStages[stage.id]?.exitCriteria != stage.exitCriteria {
        try db.execute("DELETE FROM exit_criterion WHERE stage_id = ?", [stage.id])
        for (position, criterion) in stage.exitCriteria.enumerated() {
          try db.execute(
            """
            INSERT INTO exit_criterion(stage_id, position, wording, evidence_kind, evidence_key)
            VALUES (?, ?, ?, ?, ?)
            """,
            [stage.id, position + 1, criterion.wording, criterion.evidence.kind, criterion.evidence.key])
        }
      }
    }
  }

  /// Deletes what the new model no longer has, those that others refer to last.
  private static func deleteRemoved(_ db: Executor, from old: OperatingModel, to new: OperatingModel) throws {
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
      for id in ids { try db.execute("DELETE FROM \(table) WHERE \(column) = ?", [id]) }
    }
  }

  /// Refuses a model that would leave deals without a stage, or records without an owner,
  /// naming each and the way out.
  private static func checkRemovals(_ db: Executor, from old: OperatingModel, to new: OperatingModel) throws {
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

  private static func count(_ db: Executor, _ sql: String, _ argument: String) throws -> Int {
    try db.value(sql, [argument]) ?? 0
  }

  /// Calls `write` for each item of `new` that differs from the item of `old` with its id,
  /// with that item (nil for one the old model lacks).
  private static func changed<T: Equatable>(
    _ old: [T], _ new: [T], id: (T) -> String, _ write: (T, T?) throws -> Void
  ) throws {
    let before = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
    for item in new where before[id(item)] != item { try write(item, before[id(item)]) }
  }

  /// Inserts a row, or updates every given column of the row with the same `key`.
  private static func upsert(
    _ db: Executor, _ table: String, key: String, _ values: [(String, (any SQLBindable)?)]
  ) throws {
    let columns = values.map(\.0)
    let updates = columns.filter { $0 != key }.map { "\($0) = excluded.\($0)" }
    try db.execute(
      """
      INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
      ON CONFLICT(\(key)) DO UPDATE SET \(updates.joined(separator: ", "))
      """, SQLArguments(values.map(\.1)))
  }

  private static func replaceAliases(
    _ db: Executor, _ table: String, _ column: String, _ id: (any SQLBindable)?, _ aliases: [String]
  ) throws {
    try db.execute("DELETE FROM \(table) WHERE \(column) = ?", [id])
    for alias in aliases {
      try db.execute("INSERT INTO \(table)(\(column), alias) VALUES (?, ?) ON CONFLICT DO NOTHING", [id, alias])
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
