import BatonModel
import WorkspaceStore

/// Tasks: assigning follow-ups with due dates, listing them, marking them done.
enum TaskActions {
  /// `task.assign`: a task for a person, optionally on a deal, optionally due by a date.
  static let assign: WorkflowHandler = { request, workspace in
    let owner: Person
    switch try Lookup.person("person", request, workspace) {
    case .found(let found): owner = found
    case .refused(let reply): return .reply(reply)
    }
    var deal: Deal?
    if request.key("deal") != nil {
      switch try Lookup.deal(request, workspace) {
      case .found(let found): deal = found
      case .refused(let reply): return .reply(reply)
      }
    }
    // A rep may give themselves a task, or any task on a deal they own.
    let ownsIt = owner.handle == request.actor.handle || (deal != nil && deal?.ownerHandle == request.actor.handle)
    if let refusal = Permissions.requireOwnOrOps(
      owner: ownsIt ? request.actor.handle : nil, to: "assigning tasks to others", request)
    {
      return refusal
    }
    let due = request.key("date").flatMap { Day(iso: $0) }
    if let due, due < request.today {
      return Replies.refused(
        "The due date \(due.iso) is in the past; give one from today (\(request.today.iso)) on, such as “by Friday”.",
        reason: .pastDueDate)
    }
    let title =
      request.key("task").map { $0.prefix(1).uppercased() + $0.dropFirst() }
      ?? deal.map { "Follow up on \($0.name)" } ?? "Follow up"
    var summary = "Create the task “\(title)” for \(owner.name)"
    if let deal { summary += " on deal \(deal.id)" }
    summary += due.map { ", due \(weekdayName($0)) \($0.iso)." } ?? ", with no due date."
    // The same task asked for again (a line repeated by mistake) is said before it is made twice.
    let open = try workspace.tasks(ownerHandle: owner.handle, includeDone: false, limit: 500)
    if let same = open.first(where: { $0.title == title && $0.dealID == deal?.id }) {
      summary += " Task \(same.id) is the same and still open."
    }
    let data: [String: JSONValue] = [
      "title": .string(title), "owner": .string(owner.handle), "deal": deal.map { .int($0.id) } ?? .null,
      "due": due.map { .string($0.iso) } ?? .null,
    ]
    return .plan(
      Plan(summary: summary, data: .object(data)) {
        let (taskID, auditID) = try workspace.createTask(
          title: title, dealID: deal?.id, owner: owner, due: due, request.audit)
        var done = data
        done["task"] = .int(taskID)
        return Replies.done(
          "Created task \(taskID) “\(title)” for \(owner.name)" + (due.map { ", due \($0.iso)." } ?? "."),
          auditID: auditID, done)
      })
  }

  /// `task.list`: open tasks, of one person if named ("my tasks" is the actor's); done ones
  /// instead or as well when the line says so (`TaskScope`).
  static let list: ActionHandler = { request, workspace in
    var handle = request.key("person")
    if handle == "@me" { handle = request.actor.handle }
    let overdue = request.key("status") == "overdue"
    let scope = overdue ? .open : TaskScope(of: request.input)
    if let status = request.key("status"), status != "overdue" {
      return Reply(
        kind: .answer,
        text: "A task is open, done or overdue, never \(status): ask for “overdue tasks” or “Sam's tasks”.",
        data: ["tasks": []])
    }
    let dueBy = request.key("date").flatMap { Day(iso: $0) }
    // Overdue or due by a date: read every open task of the owner, then narrow.
    let tasks = try workspace.tasks(
      ownerHandle: handle, includeDone: scope != .open, limit: overdue || dueBy != nil || scope == .done ? 10_000 : 50
    )
    .filter { task in
      guard scope != .done || task.status == "done" else { return false }
      guard overdue || dueBy != nil else { return true }
      guard let due = task.dueDate else { return false }
      return (!overdue || due < request.today) && dueBy.map { due <= $0 } ?? true
    }.prefix(50)
    let state = overdue ? "overdue" : scope.state
    let heading = overdue ? "Overdue" : scope.heading
    var whose =
      handle == request.actor.handle
      ? (state.isEmpty ? "All your tasks" : "Your \(state) tasks")
      : handle.map { _ in "\(heading) tasks for \(request.slots["person"]?.value.display ?? "")" }
        ?? "\(heading) tasks"
    if let dueBy { whose += " due by \(dueBy.iso)" }
    guard !tasks.isEmpty else { return Reply(kind: .answer, text: "\(whose): none.", data: ["tasks": []]) }
    let table = Table(
      header: ["#", "Task", "Owner", "Deal", "Due"] + (scope == .all ? ["Status"] : []),
      rows: tasks.map { task in
        [
          String(task.id), task.title, task.owner.name, task.dealID.map { "deal \($0)" } ?? "-",
          task.dueDate.map { due in due < request.today && task.status == "open" ? "\(due.iso) (overdue)" : due.iso }
            ?? "-",
        ] + (scope == .all ? [task.status] : [])
      }, alignments: [.right, .left, .left, .left, .left] + (scope == .all ? [.left] : []))
    return Reply(
      kind: .table, blocks: [.text("\(whose):"), .table(table)],
      data: [
        "tasks": .array(
          tasks.map {
            [
              "id": .int($0.id), "title": .string($0.title), "owner": .string($0.owner.handle),
              "deal": $0.dealID.map(JSONValue.int) ?? .null, "due": $0.dueDate.map { .string($0.iso) } ?? .null,
              "status": .string($0.status),
            ]
          })
      ])
  }

  /// `task.complete`: marks an open task done; a rep only their own.
  static let complete: WorkflowHandler = { request, workspace in
    let task: WorkTask
    switch try Lookup.record(.task, request, workspace, fetch: workspace.task(id:)) {
    case .found(let found): task = found
    case .refused(let reply): return .reply(reply)
    }
    let id = task.id
    if let refusal = Permissions.requireOwnOrOps(owner: task.owner.handle, to: "completing others' tasks", request) {
      return refusal
    }
    guard task.status == "open" else {
      return .reply(
        Reply(
          kind: .answer, text: "Task \(id) “\(task.title)” is already done.",
          data: ["task": .int(id), "already_done": true]))
    }
    return .plan(
      Plan(summary: "Mark task \(id) “\(task.title)” (\(task.owner.name)) done.", data: ["task": .int(id)]) {
        let auditID = try workspace.completeTask(id: id, request.audit)
        return Replies.done("Task \(id) “\(task.title)” is done.", auditID: auditID, ["task": .int(id)])
      })
  }

  /// "Friday" for a due date, so the plan reads as the user said it.
  static func weekdayName(_ day: Day) -> String {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.weekday - 1]
  }
}
