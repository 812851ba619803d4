import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// A change request by number.
  public func changeRequest(id: Int64) throws -> ChangeRequest? {
    try read { db in try Self.changeRequests(db, where: "c.id = ?", [id]).first }
  }

  /// Change requests with one of `statuses` (`open`, `approved`, `rejected`), or all when
  /// nil, newest first.
  public func changeRequests(statuses: [String]? = ["open"]) throws -> [ChangeRequest] {
    guard let statuses else { return try read { db in try Self.changeRequests(db, where: "TRUE", []) } }
    let marks = Array(repeating: "?", count: statuses.count).joined(separator: ", ")
    return try read { db in
      try Self.changeRequests(db, where: "c.status IN (\(marks))", SQLArguments(statuses))
    }
  }

  private static func changeRequests(
    _ db: Executor, where clause: String, _ arguments: SQLArguments
  ) throws -> [ChangeRequest] {
    try db.rows(
      """
      SELECT c.*, p.name AS proposer, d.name AS decider FROM change_request c
      LEFT JOIN person p ON p.id = c.proposed_by LEFT JOIN person d ON d.id = c.decided_by
      WHERE \(clause) ORDER BY c.id DESC LIMIT 100
      """, arguments
    ) { row in
      ChangeRequest(
        id: try row["id"], title: try row["title"], kind: try row["kind"], description: try row["description"],
        proposedBy: try row["proposer"], ownerTeam: try row["owner_team"], status: try row["status"],
        decidedBy: try row["decider"], decidedAt: try row["decided_at"], reason: try row["reason"],
        createdAt: try row["created_at"],
        effect: (try row["effect"] as String?).flatMap {
          try? JSONDecoder().decode(ChangeEffect.self, from: Data($0.utf8))
        })
    }
  }

  /// Opens a governed change request, owned by RevOps.
  public func proposeChange(
    title: String, kind: String, description: String, effect: ChangeEffect?, by proposer: Int64,
    _ context: AuditContext
  ) throws -> (changeID: Int64, auditID: Int64) {
    let effectText = try effect.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
    return try change(context) { recorder in
      try recorder.insert(
        "change_request",
        [
          "title": title, "kind": kind, "description": description, "proposed_by": proposer,
          "owner_team": "revops", "status": "open", "created_at": context.at, "effect": effectText,
        ])
    }
  }

  /// Approves or rejects an open change request; one decided meanwhile is a `ChangeConflict`.
  /// Approving a request that carries an effect applies it to the operating model in the
  /// same transaction; an effect the model no longer fits is a `ChangeConflict`.
  @discardableResult
  public func decideChange(
    id: Int64, approve: Bool, reason: String?, by decider: Int64, _ context: AuditContext
  ) throws -> Int64 {
    try change(context, note: reason) { recorder in
      guard
        try recorder.db.value("SELECT status FROM change_request WHERE id = ?", [id]) as String? == "open"
      else { throw ChangeConflict("change \(id) was decided by someone else just now") }
      try recorder.update(
        "change_request", id: id,
        [
          "status": approve ? "approved" : "rejected", "decided_by": decider, "decided_at": context.at,
          "reason": reason,
        ])
      let effect = try (recorder.db.value("SELECT effect FROM change_request WHERE id = ?", [id]) as String?)
        .flatMap { try? JSONDecoder().decode(ChangeEffect.self, from: Data($0.utf8)) }
      if approve, let effect {
        try recorder.replaceModel(with: try ModelReader.read(recorder.db).applying(effect).model)
      }
    }.auditID
  }
}
