import BatonModel
import Foundation
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
      // Columns read by position and aliases keyed by text: this runs at a start whenever the
      // names token changed, where finding a column by name and a first dictionary of a new
      // key type (the runtime scans every conformance the binary has to make one) were most
      // of its cost.
      var aliases: [String: [String]] = [:]
      try db.eachRow(
        "SELECT p.handle, a.alias FROM person_alias a JOIN person p ON p.id = a.person_id ORDER BY a.rowid"
      ) { row in
        aliases[try row[0], default: []].append(try row[1])
      }
      try db.eachRow("SELECT handle, name FROM person") { row in
        let handle: String = try row[0]
        let name: String = try row[1]
        let first = name.split(separator: " ").first.map(String.init) ?? name
        names.append(
          NamedEntity(
            kind: .person, key: handle, display: name, phrases: [name, first, handle] + (aliases[handle] ?? [])))
      }
      try db.eachRow("SELECT id, name FROM account") { row in
        let id: Int64 = try row[0]
        let name: String = try row[1]
        names.append(NamedEntity(kind: .account, key: String(id), display: name, phrases: [name]))
      }
      // Segments and territories, as the accounts spell them: filters ("Enterprise deals").
      for (kind, column) in [(EntityKind.segment, "segment"), (.territory, "territory")] {
        try db.eachRow("SELECT DISTINCT \(column) FROM account WHERE \(column) IS NOT NULL ORDER BY 1") { row in
          let value: String = try row[0]
          names.append(NamedEntity(kind: kind, key: value, display: value, phrases: [value]))
        }
      }
      // The evidence deals carry, as exit criteria and handoff rules name it.
      var evidence: [(kind: String, key: String)] = []
      try db.eachRow("SELECT DISTINCT evidence_kind, evidence_key FROM exit_criterion ORDER BY 1, 2") { row in
        evidence.append((try row[0], try row[1]))
      }
      try db.eachRow(
        "SELECT DISTINCT value FROM handoff_rule, \(db.dialect.elements(ofJSON: "required_fields", as: "j")) ORDER BY 1"
      ) { row in
        let key: String = try row[0]
        if !evidence.contains(where: { $0.kind == "field" && $0.key == key }) { evidence.append(("field", key)) }
      }
      // The team's own deal fields ("Competitor"), under their names too.
      var dealFields: [String: String] = [:]
      if try db.hasTable("deal_field") {
        try db.eachRow("SELECT key, name FROM deal_field") { row in dealFields[try row[0]] = try row[1] }
      }
      for key in dealFields.keys.sorted() where !evidence.contains(where: { $0.kind == "field" && $0.key == key }) {
        evidence.append(("field", key))
      }
      for (kind, key) in evidence {
        let name = kind == "field" ? dealFields[key] : nil
        names.append(
          NamedEntity(
            kind: .field, key: "\(kind):\(key)", display: name ?? key.replacingOccurrences(of: "_", with: " "),
            phrases: EvidencePhrases.phrases(kind: kind, key: key) + (name.map { [$0] } ?? [])))
      }
      let dealCount: Int = try db.value("SELECT count(*) FROM deal") ?? 0
      if dealCount <= maxDealNames {
        try db.eachRow("SELECT id, name, crm_id FROM deal") { row in
          let id: Int64 = try row[0]
          let key = String(id)
          var phrases: [String] = [try row[1]]
          if let crm: String = try row[2] { phrases.append(crm) }
          names.append(NamedEntity(kind: .deal, key: key, display: "deal " + key, phrases: phrases))
        }
      }
      return names
    }
  }

  /// A token that changes whenever `vocabulary()` would read something else (a name, an
  /// alias, a deal added or removed), whoever wrote the change; nil for a workspace too old
  /// to keep one. Equal tokens mean equal names, so names saved beside a token can stand in
  /// for reading them again.
  public func namesToken() throws -> Int64? {
    try read { db in
      guard try db.hasTable("names_token") else { return nil }
      return try db.firstRow("SELECT token FROM names_token WHERE id = 1") { try $0[0] as Int64 }
    }
  }

  /// Runs a bulk write (an import, a new workspace's filling) with the names token's
  /// triggers set aside and draws one new token at the end, instead of one per row: per row
  /// they were a third of an import's time. Only inside a transaction, which holds the write
  /// lock (no other writer can slip a change past the missing triggers) and puts them back
  /// if the write fails.
  static func withNamesTokenOnce<T>(_ db: Database, _ body: () throws -> T) throws -> T {
    guard db.isInsideTransaction else { return try body() }
    try db.execute(sql: Migrations.nameTriggers.map { "DROP TRIGGER \($0.name);" }.joined(separator: "\n"))
    let result = try body()
    try db.execute(
      sql: "UPDATE names_token SET token = random();\n" + Migrations.nameTriggers.map(\.sql).joined(separator: "\n"))
    return result
  }

  private func aliased(
    _ db: Executor, kind: EntityKind, table: String, aliasTable: String, column: String
  ) throws -> [NamedEntity] {
    var aliases: [String: [String]] = [:]
    try db.eachRow("SELECT \(column), alias FROM \(aliasTable)") { row in
      aliases[try row[0], default: []].append(try row[1])
    }
    return try db.rows("SELECT id, name FROM \(table)") { row in
      let id: String = try row[0]
      let name: String = try row[1]
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
  func read<T>(_ body: (Executor) throws -> T) throws -> T {
    let queue: DatabaseQueue
    switch store {
    case .file(let file): queue = file
    case .server(let session):
      // One snapshot, as a file's read sees, and a read that tries to write fails.
      return try session.read { try body(Executor(session)) }
    }
    return try Self.mapErrors(path: path) {
      try queue.unsafeRead { db in
        if let group { return try groupedRead(group, db) { try Self.writingNothing(db, body) } }
        try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
        do {
          let result = try Self.writingNothing(db, body)
          try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
          return result
        } catch {
          try? db.rollback()
          throw error
        }
      }
    }
  }

  /// `body`'s result, or an error when it changed a row (the caller rolls that back).
  private static func writingNothing<T>(_ db: Database, _ body: (Executor) throws -> T) throws -> T {
    let changes = db.totalChangesCount
    let result = try body(Executor(db))
    guard db.totalChangesCount == changes else {
      throw DatabaseError(resultCode: .SQLITE_READONLY, message: "a read changed the workspace")
    }
    return result
  }

  /// Runs one change (all or nothing, see `changing`) and maps SQLite's errors to
  /// `WorkspaceError`.
  func write<T>(_ body: (Executor) throws -> T) throws -> T {
    try write(keep: true, body)
  }

  /// Runs one change, kept or, with `keep` false (a dry run), rolled back at its end.
  func write<T>(keep: Bool, _ body: (Executor) throws -> T) throws -> T {
    switch store {
    case .file(let queue):
      return try Self.mapErrors(path: path) {
        try queue.writeWithoutTransaction { db in
          guard keep else {
            var result: T?
            try db.inTransaction(.immediate) {
              result = try body(Executor(db))
              return .rollback
            }
            guard let result else { throw ChangeConflict("the change was rolled back") }
            return result
          }
          return try changing(db) { try body(Executor(db)) }
        }
      }
    case .server(let session):
      return try serverChange(session, keep: keep, body)
    }
  }
}
