import BatonModel
import WorkspaceStore

/// `account.update` and `task.update`: one thing changed on an account (its CSM, segment or
/// territory; its owner through `account.reassign`) or a task (its due date or assignee),
/// confirmed, audited and undoable.
enum RecordUpdateActions {
  static let account: WorkflowHandler = { request, workspace in
    guard let key = request.key("account") else { return .reply(Replies.missing("account")) }
    guard let id = Int64(key), let account = try workspace.account(id: id) else {
      return .reply(Replies.notFound("account \(key)"))
    }
    // The field named, or the one the value implies ("Globex is enterprise now").
    let implied = [("person", "csm"), ("segment", "segment"), ("territory", "territory")].filter {
      request.key($0.0) != nil
    }
    guard let field = request.key("field") ?? (implied.count == 1 ? implied[0].1 : nil) else {
      return .reply(
        Reply(
          kind: .question, text: "What should change on \(account.name): its owner, CSM, segment or territory?",
          data: ["account": .int(account.id), "missing": "field"]))
    }
    if field == "owner" { return try AccountReassignAction.run(request, workspace) }
    if let refusal = Permissions.require(.ops, to: "changing accounts", request) { return refusal }
    let update: AccountUpdate
    let summary: String
    let done: String
    switch field {
    case "csm":
      let person: Person
      switch try Lookup.person("person", request, workspace) {
      case .found(let found): person = found
      case .refused(let reply): return .reply(reply)
      }
      guard account.csm?.id != person.id else {
        return .reply(
          Reply(kind: .answer, text: "\(person.name) is \(account.name)'s CSM already.", data: ["already_done": true]))
      }
      update = .csm(person)
      summary = "Make \(person.name) the CSM for \(account.name) (was \(account.csm?.name ?? "no one"))."
      done = "\(person.name) is now the CSM for \(account.name)."
    case "segment", "territory":
      guard let value = request.key(field) else { return .reply(Replies.missing(field)) }
      let was = (field == "segment" ? account.segment : account.territory) ?? "none"
      guard was != value else {
        return .reply(
          Reply(kind: .answer, text: "\(account.name) is in \(value) already.", data: ["already_done": true]))
      }
      update = field == "segment" ? .segment(value) : .territory(value)
      summary = "Move \(account.name) to the \(value) \(field) (was \(was))."
      done = "\(account.name) is now in the \(value) \(field)."
    default:
      return Replies.refused(
        "An account's owner, CSM, segment or territory can be changed here, not its \(field.replacingUnderscores).",
        reason: .notFound)
    }
    let data: [String: JSONValue] = ["account": .int(account.id), "field": .string(field)]
    return .plan(
      Plan(summary: summary, data: .object(data)) {
        Replies.done(done, auditID: try workspace.updateAccount(id: account.id, update, request.audit), data)
      })
  }

  static let task: WorkflowHandler = { request, workspace in
    let task: WorkTask
    switch try Lookup.record(.task, request, workspace, fetch: workspace.task(id:)) {
    case .found(let found): task = found
    case .refused(let reply): return .reply(reply)
    }
    if let refusal = Permissions.requireOwnOrOps(owner: task.owner.handle, to: "changing others' tasks", request) {
      return refusal
    }
    let update: TaskUpdate
    let summary: String
    let done: String
    switch (request.key("date").flatMap(Day.init(iso:)), request.key("person")) {
    case (let day?, nil):
      guard day >= request.today else {
        return Replies.refused(
          "The due date \(day.iso) is in the past; give one from today (\(request.today.iso)) on.", reason: .pastDueDate
        )
      }
      update = .due(day)
      summary =
        "Move task \(task.id) “\(task.title)” to \(TaskActions.weekdayName(day)) \(day.iso) (was \(task.dueDate?.iso ?? "no date"))."
      done = "Task \(task.id) is now due \(TaskActions.weekdayName(day)) \(day.iso)."
    case (nil, .some):
      let person: Person
      switch try Lookup.person("person", request, workspace) {
      case .found(let found): person = found
      case .refused(let reply): return .reply(reply)
      }
      update = .owner(person)
      summary = "Give task \(task.id) “\(task.title)” to \(person.name) (was \(task.owner.name))."
      done = "Task \(task.id) is now \(person.name)'s."
    default:
      return .reply(
        Reply(
          kind: .question, text: "What should change on task \(task.id): its due date or who it is for? One at a time.",
          data: ["task": .int(task.id), "missing": "field"]))
    }
    let data: [String: JSONValue] = ["task": .int(task.id)]
    return .plan(
      Plan(summary: summary, data: .object(data)) {
        Replies.done(done, auditID: try workspace.updateTask(id: task.id, update, request.audit), data)
      })
  }
}

extension String {
  /// "close_date" as "close date".
  var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
