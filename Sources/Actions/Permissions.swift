import BatonModel

/// Who may do what. A refusal names the role needed and the actor's own.
enum Permissions {
  /// nil when the actor has `role`; otherwise the refusal. `what` is a gerund phrase:
  /// "moving deal 42".
  static func require(_ role: Role, to what: String, _ request: ActionRequest) -> Outcome? {
    guard request.actor.role < role else { return nil }
    return .reply(refusal(role, to: what, request))
  }

  /// A rep acts on what is theirs; ops and above on anything; a viewer on nothing.
  static func requireOwnOrOps(owner: String?, to what: String, _ request: ActionRequest) -> Outcome? {
    if request.actor.role >= .ops { return nil }
    if request.actor.role == .rep && owner == request.actor.handle { return nil }
    // A rep is refused another's record (ops needed); a viewer anything (ops, or rep on
    // their own records).
    return .reply(refusal(.ops, to: what, request, own: request.actor.role == .viewer))
  }

  static func refusal(_ role: Role, to what: String, _ request: ActionRequest, own: Bool = false) -> Reply {
    let scope = own ? " (or rep, on their own records)" : ""
    return Reply(
      kind: .refused,
      text:
        "\(what.prefix(1).uppercased() + what.dropFirst()) needs the \(role.rawValue) role\(scope); \(request.actor.name) is \(Replies.article(request.actor.role.rawValue)) \(request.actor.role.rawValue).",
      data: [
        "reason": .string(RefusalReason.permission.rawValue), "needed_role": .string(role.rawValue),
        "role": .string(request.actor.role.rawValue),
      ])
  }
}

extension Replies {
  /// A side effect the rules do not allow, with why.
  static func refused(_ text: String, reason: RefusalReason, _ data: [String: JSONValue] = [:]) -> Outcome {
    .reply(.refused(text, reason: reason, data))
  }

  /// A workflow's "done" reply, carrying the audit row that undo reads.
  static func done(_ text: String, auditID: Int64, _ data: [String: JSONValue] = [:]) -> Reply {
    var data = data
    data["audit_id"] = .int(auditID)
    return Reply(kind: .done, text: text, data: .object(data))
  }
}
