import BatonModel
import WorkspaceStore

/// `session.undo`: reverses the caller's latest change that is not undone yet, from the
/// audit log; refuses when a later change by anyone depends on it.
enum UndoAction {
  static let run: WorkflowHandler = { request, workspace in
    guard let id = try workspace.latestUndoable(among: request.ownChanges),
      let entry = try workspace.auditEntry(id: id)
    else {
      let text =
        request.ownChanges.isEmpty
        ? "Nothing to undo: you have made no change in this session."
        : "Nothing left to undo: the changes you made in this session are undone."
      return Replies.refused(text, reason: .nothingToUndo)
    }
    let data: [String: JSONValue] = ["undoes": .int(id), "input": .string(entry.input)]
    return .plan(
      Plan(summary: "Undo “\(entry.input)” (\(Replies.list(entry.records))).", data: .object(data)) {
        let (_, auditID) = try workspace.undo(auditID: id, request.audit)
        return Replies.done("Undone: “\(entry.input)”.", auditID: auditID, data)
      })
  }
}
