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
      try db.eachRow("SELECT person_id, alias FROM person_alias") { row in
        aliases[row[0], default: []].append(row[1])
      }
      try db.eachRow("SELECT id, handle, name FROM person") { row in
        let name: String = row["name"]
        let first = name.split(separator: " ").first.map(String.init) ?? name
        names.append(
          NamedEntity(
            kind: .person, key: row["handle"], display: name,
            phrases: [name, first, row["handle"]] + (aliases[row["id"]] ?? [])))
      }
      try db.eachRow("SELECT id, name FROM account") { row in
        let id: Int64 = row["id"]
        names.append(
          NamedEntity(kind: .account, key: String(id), display: row["name"], phrases: [row["name"]]))
      }
      let dealCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM deal")) ?? 0
      if dealCount <= maxDealNames {
        try db.eachRow("SELECT id, name, crm_id FROM deal") { row in
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
    try db.eachRow("SELECT \(column), alias FROM \(aliasTable)") { row in
      aliases[row[0], default: []].append(row[1])
    }
    return try db.rows("SELECT id, name FROM \(table)") { row in
      let id: String = row["id"]
      let name: String = row["name"]
      return NamedEntity(kind: kind, key: id, display: name, phrases: [name] + (aliases[id] ?? []))
    }
  }

  /// Runs a read in one deferred transaction (one consistent snapshot) and maps SQLite's
  /// errors to `WorkspaceError`.
  ///
  /// Not `DatabaseQueue.read`: that brackets every read with `PRAGMA query_only = 1` and `= 0`,
  /// and SQLite expires every prepared statement whenever a flag pragma changes, so each turn
  /// compiled all of its cached statements again (about half the time of a question). The
  /// change counter keeps the guarantee that a read writes nothing: a read that changed a row
  /// is rolled back and fails.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    try Self.mapErrors(path: path) {
      try queue.unsafeRead { db in
        if db.isInsideTransaction { return try body(db) }
        try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
        let changes = db.totalChangesCount
        do {
          let result = try body(db)
          guard db.totalChangesCount == changes else {
            throw DatabaseError(resultCode: .SQLITE_READONLY, message: "a read changed the workspace")
          }
          try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
          return result
        } catch {
          try? db.rollback()
          throw error
        }
      }
    }
  }

  /// Runs one write transaction and maps SQLite's errors to `WorkspaceError`.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    try Self.mapErrors(path: path) { try queue.write(body) }
  }
}
