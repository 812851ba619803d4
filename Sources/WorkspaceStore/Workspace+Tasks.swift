import BatonModel
internal import GRDB

extension Workspace {
  /// A task by number.
  public func task(id: Int64) throws -> WorkTask? {
    try read { db in try Self.tasks(db, where: "t.id = ?", [id]).first }
  }

  /// Tasks, open ones unless `includeDone`, of one owner if named; soonest due first.
  public func tasks(ownerHandle: String? = nil, includeDone: Bool = false, limit: Int = 50) throws -> [WorkTask] {
    var conditions = [includeDone ? "TRUE" : "t.status = 'open'"]
    var arguments: [any SQLBindable] = []
    if let ownerHandle {
      conditions.append("p.handle = ?")
      arguments.append(ownerHandle)
    }
    return try read { db in
      try Self.tasks(db, where: conditions.joined(separator: " AND "), SQLArguments(arguments), limit: limit)
    }
  }

  private static func tasks(
    _ db: Executor, where clause: String, _ arguments: SQLArguments, limit: Int = 50
  ) throws -> [WorkTask] {
    try db.rows(
      """
      SELECT t.*, p.id AS pid, p.handle, p.name, p.title, p.team_id, p.role FROM task t
      JOIN person p ON p.id = t.owner_id WHERE \(clause)
      ORDER BY t.status, coalesce(t.due_date, '9999'), t.id LIMIT \(max(1, limit))
      """, arguments
    ) { row -> WorkTask? in
      guard let role = Role(rawValue: try row["role"]) else { return nil }
      let owner = Person(
        id: try row["pid"], handle: try row["handle"], name: try row["name"], title: try row["title"],
        team: try row["team_id"],
        role: role)
      return WorkTask(
        id: try row["id"], title: try row["title"], dealID: try row["deal_id"], owner: owner,
        dueDate: (try row["due_date"] as String?).flatMap { Day(iso: $0) }, status: try row["status"],
        createdBy: try row["created_by"])
    }.compactMap { $0 }
  }

  /// Creates a task; returns its number and the audit row's.
  public func createTask(
    title: String, dealID: Int64?, owner: Person, due: Day?, _ context: AuditContext
  ) throws -> (taskID: Int64, auditID: Int64) {
    try change(context) { recorder in
      try recorder.insert(
        "task",
        [
          "title": title, "deal_id": dealID, "owner_id": owner.id, "due_date": due?.iso, "status": "open",
          "created_at": context.at, "created_by": context.actor,
        ])
    }
  }

  /// Marks an open task done; a task finished meanwhile is a `ChangeConflict`.
  @discardableResult
  public func completeTask(id: Int64, _ context: AuditContext) throws -> Int64 {
    try change(context) { recorder in
      guard
        try recorder.db.value("SELECT status FROM task WHERE id = ?", [id]) as String? == "open"
      else { throw ChangeConflict("task \(id) was marked done by someone else just now") }
      try recorder.update("task", id: id, ["status": "done"])
    }.auditID
  }
}
