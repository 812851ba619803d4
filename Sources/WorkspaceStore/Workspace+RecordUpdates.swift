import BatonModel
internal import GRDB

/// One thing changed on an account in conversation.
public enum AccountUpdate: Sendable, Equatable {
  case csm(Person)
  case segment(String)
  case territory(String)
}

/// One thing changed on a task in conversation.
public enum TaskUpdate: Sendable, Equatable {
  case due(Day)
  case owner(Person)
}

extension Workspace {
  /// Changes an account's CSM, segment or territory, audited.
  @discardableResult
  public func updateAccount(id: Int64, _ update: AccountUpdate, _ context: AuditContext) throws -> Int64 {
    try change(context) { recorder in
      switch update {
      case .csm(let person): try recorder.update("account", id: id, ["csm_id": person.id])
      case .segment(let segment): try recorder.update("account", id: id, ["segment": segment])
      case .territory(let territory): try recorder.update("account", id: id, ["territory": territory])
      }
    }.auditID
  }

  /// Changes a task's due date or assignee, audited.
  @discardableResult
  public func updateTask(id: Int64, _ update: TaskUpdate, _ context: AuditContext) throws -> Int64 {
    try change(context) { recorder in
      switch update {
      case .due(let day): try recorder.update("task", id: id, ["due_date": day.iso])
      case .owner(let person): try recorder.update("task", id: id, ["owner_id": person.id])
      }
    }.auditID
  }
}
