import BatonModel
internal import GRDB

extension Workspace {
  /// The names the matcher may recognize, with their aliases.
  ///
  /// Deal names are included only up to `maxDealNames`: a CRM-sized workspace is found by
  /// number or CRM id instead, so start-up does not read a million names.
  public func vocabulary(maxDealNames: Int = 10_000) throws -> [NamedEntity] {
    try read { db in
      var names: [NamedEntity] = []
      names += try aliased(
        db, kind: .team, table: "team", aliasTable: "team_alias", column: "team_id")
      names += try aliased(
        db, kind: .responsibility, table: "responsibility", aliasTable: "responsibility_alias",
        column: "responsibility_id")
      names += try aliased(
        db, kind: .stage, table: "stage", aliasTable: "stage_alias", column: "stage_id")
      names += try aliased(
        db, kind: .metric, table: "metric", aliasTable: "metric_alias", column: "metric_id")
      names += try aliased(
        db, kind: .handoff, table: "handoff_rule", aliasTable: "handoff_alias", column: "handoff_id")
      var aliases: [Int64: [String]] = [:]
      for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT person_id, alias FROM person_alias")) {
        aliases[row[0], default: []].append(row[1])
      }
      for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, handle, name FROM person")) {
        let name: String = row["name"]
        let first = name.split(separator: " ").first.map(String.init) ?? name
        names.append(
          NamedEntity(
            kind: .person, key: row["handle"], display: name,
            phrases: [name, first, row["handle"]] + (aliases[row["id"]] ?? [])))
      }
      for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM account")) {
        let id: Int64 = row["id"]
        names.append(
          NamedEntity(kind: .account, key: String(id), display: row["name"], phrases: [row["name"]]))
      }
      let dealCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM deal")) ?? 0
      if dealCount <= maxDealNames {
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name, crm_id FROM deal")) {
          let id: Int64 = row["id"]
          var phrases: [String] = [row["name"]]
          if let crm: String = row["crm_id"] { phrases.append(crm) }
          names.append(
            NamedEntity(kind: .deal, key: String(id), display: "deal \(id)", phrases: phrases))
        }
      }
      return names
    }
  }

  private func aliased(
    _ db: Database, kind: EntityKind, table: String, aliasTable: String, column: String
  ) throws -> [NamedEntity] {
    var aliases: [String: [String]] = [:]
    for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT \(column), alias FROM \(aliasTable)")) {
      aliases[row[0], default: []].append(row[1])
    }
    return try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM \(table)")).map { row in
      let id: String = row["id"]
      let name: String = row["name"]
      return NamedEntity(kind: kind, key: id, display: name, phrases: [name] + (aliases[id] ?? []))
    }
  }

  /// Runs a read and maps SQLite's errors to `WorkspaceError`.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    try Self.mapErrors(path: path) { try queue.read(body) }
  }

  /// Runs one write transaction and maps SQLite's errors to `WorkspaceError`.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    try Self.mapErrors(path: path) { try queue.write(body) }
  }
}
