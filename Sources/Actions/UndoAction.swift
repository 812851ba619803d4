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
    // A change made in steps (an account, then its deals) is undone whole.
    let first = request.followUps[id] ?? id
    var steps = [first] + request.followUps.filter { $0.value == first }.map(\.key).sorted()
    steps = try steps.filter { try workspace.latestUndoable(among: [$0]) != nil }
    let records = try steps.compactMap { try workspace.auditEntry(id: $0) }.flatMap(\.records)
    let data: [String: JSONValue] = [
      "undoes": .int(id), "input": .string(entry.input), "steps": .array(steps.map(JSONValue.int)),
    ]
    return .plan(
      Plan(summary: "Undo “\(entry.input)” (\(Replies.list(records))).", data: .object(data)) {
        let undone = try workspace.undo(auditIDs: steps, request.audit)
        guard let last = undone.last else { return Replies.done("Undone: “\(entry.input)”.", auditID: id, data) }
        return Replies.done("Undone: “\(entry.input)”.", auditID: last.auditID, data)
      })
  }
}
