import BatonModel
import WorkspaceStore

/// `session.whoami`: who is acting, with which role, and what that role may do.
enum WhoAmIAction {
  static let run: ActionHandler = { request, workspace in
    let actor = request.actor
    let person = try workspace.person(handle: actor.handle)
    let title = person.map { ", \($0.title)" } ?? ""
    let allowed = Role.allCases.filter { $0 <= actor.role }.flatMap { abilities[$0] ?? [] }
    let notAllowed = Role.allCases.filter { $0 > actor.role }.flatMap { abilities[$0] ?? [] }
    var lines = [
      "You are \(actor.name) (\(actor.handle)\(title)), with the \(actor.role.rawValue) role.",
      "You may:",
    ]
    lines += allowed.map { "  - \($0)" }
    if let next = notAllowed.first, let role = Role.allCases.first(where: { $0 > actor.role }) {
      lines.append("Not with this role: \(next), and more (the \(role.rawValue) role and above).")
    }
    return Reply(
      kind: .answer, text: lines.joined(separator: "\n"),
      data: [
        "handle": .string(actor.handle), "name": .string(actor.name), "role": .string(actor.role.rawValue),
        "may": .array(allowed.map(JSONValue.string)),
      ])
  }

  /// What each role adds to the one below it, as the workflows' permission checks enforce.
  static let abilities: [Role: [String]] = [
    .viewer: ["ask about ownership, definitions, deals, metrics, summaries and the log"],
    .rep: [
      "move, hand off and add tasks to your own deals", "complete your own tasks",
      "propose changes to the operating model",
    ],
    .ops: ["do the same on anyone's deals and tasks", "route leads", "reassign accounts and their open deals"],
    .revops: [
      "approve or reject change requests", "move a deal past unmet exit criteria with a reason",
      "reopen a closed deal",
    ],
    .admin: ["give people any role through a people import"],
  ]
}
