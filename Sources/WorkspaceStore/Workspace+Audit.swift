import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// Makes one change: `body` writes through the recorder inside a single immediate
  /// transaction, and the audit row is written in the same transaction, so a change is never
  /// without its audit row nor half-done. Returns the body's result and the audit row's id.
  func change<T>(
    _ context: AuditContext, note: String? = nil, _ body: (ChangeRecorder) throws -> T
  ) throws -> (T, auditID: Int64) {
    try write { db in
      let recorder = ChangeRecorder(db)
      let value = try body(recorder)
      let id = try Self.writeAudit(db, context, outcome: "done", changes: recorder.changes, undoes: nil, note: note)
      return (value, id)
    }
  }

  /// Records a refused side effect, so refusals are audited too.
  public func recordRefusal(_ context: AuditContext, reason: String) throws {
    try write { db in
      _ = try Self.writeAudit(
        db, context, outcome: "refused", changes: [], undoes: nil, note: reason)
    }
  }

  static func writeAudit(
    _ db: Executor, _ context: AuditContext, outcome: String, changes: [ChangeRecorder.RecordChange],
    undoes: Int64?, note: String? = nil
  ) throws -> Int64 {
    let records = changes.map { ["table": JSONValue.string($0.table), "id": .int($0.id)] as JSONValue }
    let before = changes.map { $0.before.map(JSONValue.object) ?? .null }
    let after = changes.map { $0.after.map(JSONValue.object) ?? .null }
    return try db.insert(
      """
      INSERT INTO audit(at, actor, input, intent, action, outcome, records, before, after, undoes, note, channel, client)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        context.at, context.actor, context.input, context.intent, context.action, outcome,
        JSONValue.array(records).jsonText, JSONValue.array(before).jsonText, JSONValue.array(after).jsonText, undoes,
        note, context.channel.name, context.channel.client,
      ])
  }

  /// Reverses the change recorded in audit row `id`, itself as a new audited change.
  ///
  /// - Throws: `ChangeConflict` when the row was already undone, recorded no change, or a
  ///   later change touched the same records (naming who and what).
  @discardableResult
  public func undo(auditID id: Int64, _ context: AuditContext) throws -> (entry: AuditEntry, auditID: Int64) {
    let undone = try undo(auditIDs: [id], context)
    guard let first = undone.first else { throw ChangeConflict("there is no change \(id) in the audit log") }
    return first
  }

  /// Reverses the changes recorded in audit rows `ids` (one change made in steps: an
  /// account's reassignment, then its deals), latest first, in one transaction: all of them
  /// or, when one cannot be, none. Each is audited as its own undo.
  @discardableResult
  public func undo(auditIDs ids: [Int64], _ context: AuditContext) throws -> [(entry: AuditEntry, auditID: Int64)] {
    try write { db in try ids.sorted(by: >).map { try Self.undo(db, auditID: $0, context) } }
  }

  private static func undo(_ db: Executor, auditID id: Int64, _ context: AuditContext) throws -> (
    entry: AuditEntry, auditID: Int64
  ) {
    guard let row = try db.row("SELECT * FROM audit WHERE id = ?", [id]),
      let entry = try Self.entry(row)
    else { throw ChangeConflict("there is no change \(id) in the audit log") }
    if let undone = try db.row("SELECT actor, at FROM audit WHERE undoes = ?", [id]) {
      throw ChangeConflict(
        "that change was already undone by \(try undone["actor"] as String) at \(try undone["at"] as String)")
    }
    let changes = try Self.changes(row)
    guard entry.outcome == "done", !changes.isEmpty else {
      throw ChangeConflict("“\(entry.input)” changed nothing, so there is nothing to undo")
    }
    // A record that no longer looks as this change left it was changed later; undoing
    // would throw that later change away.
    for change in changes where try ChangeRecorder.image(db, change.table, change.id) != change.after {
      let later = try db.row(
        """
        SELECT actor, input FROM audit WHERE id > ? AND outcome = 'done'
        AND records LIKE ? ORDER BY id DESC LIMIT 1
        """, [id, "%{\"id\":\(change.id),\"table\":\"\(change.table)\"}%"])
      let who = try later.map { " by \(try $0["actor"] as String) (“\(try $0["input"] as String)”)" } ?? ""
      throw ChangeConflict(
        "\(change.label) was changed again later\(who); undo that first or change it by hand")
    }
    var inverse: [ChangeRecorder.RecordChange] = []
    for change in changes.reversed() {
      try ChangeRecorder.restore(db, change.table, change.id, to: change.before)
      inverse.append(.init(table: change.table, id: change.id, before: change.after, after: change.before))
    }
    let auditID = try Self.writeAudit(db, context, outcome: "done", changes: inverse, undoes: id)
    return (entry, auditID)
  }

  /// The audit log, newest first: since a moment, touching one record, or by one actor.
  public func activity(
    since: String? = nil, before: String? = nil, table: String? = nil, recordID: Int64? = nil, action: String? = nil,
    limit: Int = 20
  ) throws -> [AuditEntry] {
    var conditions = ["TRUE"]
    var arguments: [any SQLBindable] = []
    if let since {
      conditions.append("at >= ?")
      arguments.append(since)
    }
    if let before {
      conditions.append("at < ?")
      arguments.append(before)
    }
    if let table, let recordID {
      conditions.append("records LIKE ?")
      arguments.append("%{\"id\":\(recordID),\"table\":\"\(table)\"}%")
    }
    if let action {
      conditions.append("action = ?")
      arguments.append(action)
    }
    arguments.append(max(1, limit))
    return try read { db in
      try db.allRows(
        "SELECT * FROM audit WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?",
        SQLArguments(arguments)
      ).compactMap { try Self.entry($0) }
    }
  }

  /// One audit row by id, however old.
  public func auditEntry(id: Int64) throws -> AuditEntry? {
    try read { db in
      try db.row("SELECT * FROM audit WHERE id = ?", [id]).flatMap { try Self.entry($0) }
    }
  }

  /// The actor's latest change among `ids` that is not undone yet.
  public func latestUndoable(among ids: [Int64]) throws -> Int64? {
    guard !ids.isEmpty else { return nil }
    return try read { db in
      try db.value(
        """
        SELECT id FROM audit a WHERE id IN (\(db.dialect.integers(inJSON: "?")))
        AND outcome = 'done' AND records != '[]' AND undoes IS NULL
        AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id)
        ORDER BY id DESC LIMIT 1
        """, [Self.jsonList(ids)])
    }
  }

  private static func entry(_ row: ResultRow) throws -> AuditEntry? {
    let records = try changes(row).map(\.label)
    return AuditEntry(
      id: try row["id"], at: try row["at"], actor: try row["actor"], input: try row["input"],
      intent: try row["intent"], action: try row["action"], outcome: try row["outcome"], records: records,
      undoes: try row["undoes"], note: try row["note"],
      channel: AuditChannel(name: try row["channel"], client: try row["client"]))
  }

  private static func changes(_ row: ResultRow) throws -> [ChangeRecorder.RecordChange] {
    let decoder = JSONDecoder()
    func decode<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
      guard let text = try row[column] as String? else { return nil }
      return try? decoder.decode(T.self, from: Data(text.utf8))
    }
    struct Reference: Decodable {
      var table: String
      var id: Int64
    }
    let references = try decode("records", as: [Reference].self) ?? []
    let before = try decode("before", as: [[String: JSONValue]?].self) ?? []
    let after = try decode("after", as: [[String: JSONValue]?].self) ?? []
    return references.enumerated().map { index, reference in
      .init(
        table: reference.table, id: reference.id,
        before: index < before.count ? before[index] : nil, after: index < after.count ? after[index] : nil)
    }
  }
}
