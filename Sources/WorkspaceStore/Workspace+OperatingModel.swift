import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// The workspace's operating model, as `baton model export` writes it.
  public func operatingModel() throws -> OperatingModel {
    try read { db in try ModelReader.read(db) }
  }

  /// Applies `model` over the workspace's operating model in one audited transaction, and
  /// returns what it changes (nothing is written when nothing differs). With `dryRun`, the
  /// change is made and rolled back, so every refusal it would meet is met and nothing stays.
  ///
  /// - Throws: `ChangeConflict` when the model has problems or would leave records without
  ///   their stage or owner; nothing is written.
  public func applyModel(_ model: OperatingModel, _ context: AuditContext, dryRun: Bool = false) throws -> (
    diff: ModelDiff, auditID: Int64?
  ) {
    let model = model.normalized()
    let problems = model.problems()
    guard problems.isEmpty else { throw ChangeConflict(problems.map(\.description).joined(separator: "; ")) }
    return try write(keep: !dryRun) { db in
      let current = try ModelReader.read(db)
      let model = model.namesLogins ? model : model.keepingLogins(of: current)
      let diff = ModelDiff(from: current, to: model)
      guard !diff.isEmpty else { return (diff, nil) }
      let recorder = ChangeRecorder(db)
      try recorder.replaceModel(with: model)
      let auditID = try Self.writeAudit(
        db, context, outcome: "done", changes: recorder.changes, undoes: nil,
        note: "\(diff.entries.count) change\(diff.entries.count == 1 ? "" : "s") to the operating model")
      return (diff, dryRun ? nil : auditID)
    }
  }

  /// The operating model as it was before the change in audit row `id`, when that change
  /// was to the model.
  public func modelBefore(auditID id: Int64) throws -> OperatingModel? {
    let text = try read { db in
      try db.value("SELECT before FROM audit WHERE id = ? AND records LIKE ?", [id, "%operating_model%"]) as String?
    }
    guard let text, let images = try? JSONDecoder().decode([[String: JSONValue]?].self, from: Data(text.utf8)),
      let image = images.first ?? nil
    else { return nil }
    return try? ChangeRecorder.model(from: image)
  }

  /// The latest application of a model file that is not undone yet, for `baton model undo`.
  public func latestModelApply() throws -> AuditEntry? {
    let id = try read { db in
      try db.value(
        """
        SELECT id FROM audit a WHERE action = 'model.apply' AND outcome = 'done' AND undoes IS NULL
        AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id) ORDER BY id DESC LIMIT 1
        """) as Int64?
    }
    return try id.flatMap { try auditEntry(id: $0) }
  }
}
