import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// Moves a deal to `stage`, keeping its history; a move to a closed stage records the close
  /// date. `expected` is the stage the caller checked the rules against: if another session
  /// moved the deal meanwhile, nothing is written and `ChangeConflict` says so.
  @discardableResult
  public func moveDeal(
    id: Int64, from expected: String, to stage: String, on day: Day, closes: Bool, note: String?,
    _ context: AuditContext
  ) throws -> Int64 {
    try change(context, note: note) { recorder in
      let current = try recorder.db.firstRow(
        """
        SELECT d.stage_id, s.name, d.amount, d.owner_id, d.account_id
        FROM deal d JOIN stage s ON s.id = d.stage_id WHERE d.id = ?
        """, [id]
      ) { row in
        (
          stage: try row[0] as String, name: try row[1] as String, amount: try row[2] as Int64?,
          owner: try row[3] as Int64?,
          account: try row[4] as Int64?
        )
      }
      guard let current, current.stage == expected else {
        throw ChangeConflict(
          "deal \(id) was moved to \(current?.name ?? "nowhere") by someone else just now; look again before moving it"
        )
      }
      var values: [String: (any SQLBindable)?] = ["stage_id": stage, "stage_changed_date": day.iso]
      if closes { values["close_date"] = day.iso }
      try recorder.update("deal", id: id, values)
      try recorder.insert(
        "stage_change",
        [
          "deal_id": id, "from_stage": expected, "to_stage": stage, "changed_date": day.iso, "actor": context.actor,
          "amount": current.amount, "owner_id": current.owner, "account_id": current.account,
        ])
    }.auditID
  }

  /// The handoff run already recorded for a deal, if any.
  public func handoffRun(dealID: Int64) throws -> WorkflowRun? {
    try read { db in try Self.handoffRun(db, dealID: dealID) }
  }

  private static func handoffRun(_ db: Executor, dealID: Int64) throws -> WorkflowRun? {
    try db.firstRow(
      "SELECT * FROM workflow_run WHERE kind = 'handoff' AND deal_id = ? AND status = 'done' ORDER BY id LIMIT 1",
      [dealID]
    ) { WorkflowRun(kind: try $0["kind"], dealID: try $0["deal_id"], actor: try $0["actor"], at: try $0["at"]) }
  }

  /// Hands a closed-won deal to customer success in one transaction: the account's CSM (set
  /// when `assignCSM`), the onboarding task, the workflow run. A handoff recorded meanwhile by
  /// another session makes this a `ChangeConflict` with nothing written.
  public func recordHandoff(
    dealID: Int64, accountID: Int64?, csm: Person, assignCSM: Bool, taskTitle: String, due: Day,
    _ context: AuditContext
  ) throws -> (taskID: Int64, auditID: Int64) {
    let (taskID, auditID) = try change(context) { recorder -> Int64 in
      if let run = try Self.handoffRun(recorder.db, dealID: dealID) {
        throw ChangeConflict("deal \(dealID) was handed off by \(run.actor) at \(run.at) just now")
      }
      if assignCSM, let accountID { try recorder.update("account", id: accountID, ["csm_id": csm.id]) }
      let taskID = try recorder.insert(
        "task",
        [
          "title": taskTitle, "deal_id": dealID, "owner_id": csm.id, "due_date": due.iso, "status": "open",
          "created_at": context.at, "created_by": context.actor,
        ])
      try recorder.insert(
        "workflow_run",
        [
          "kind": "handoff", "deal_id": dealID, "actor": context.actor, "at": context.at, "status": "done",
          "details": "csm=\(csm.handle);task=\(taskID)",
        ])
      return taskID
    }
    return (taskID, auditID)
  }

  /// Gives an account a new owner, and optionally its open deals owned by `dealsFrom`.
  @discardableResult
  public func reassignAccount(id: Int64, to owner: Person, _ context: AuditContext) throws -> Int64 {
    try change(context) { recorder in try recorder.update("account", id: id, ["owner_id": owner.id]) }.auditID
  }

  /// Moves the account's open deals that someone else owns to `owner`.
  public func reassignOpenDeals(accountID: Int64, to owner: Person, _ context: AuditContext) throws -> (
    moved: [Int64], auditID: Int64
  ) {
    try change(context) { recorder in
      let ids = try Self.openDealIDs(recorder.db, accountID: accountID, notOwnedBy: owner.id)
      for id in ids { try recorder.update("deal", id: id, ["owner_id": owner.id]) }
      return ids
    }
  }

  /// The open deals of an account that someone other than `owner` owns.
  public func openDealIDs(accountID: Int64, notOwnedBy owner: Int64) throws -> [Int64] {
    try read { db in try Self.openDealIDs(db, accountID: accountID, notOwnedBy: owner) }
  }

  /// The open deals of an account (in a stage of an open kind) that `owner` does not own.
  private static func openDealIDs(_ db: Executor, accountID: Int64, notOwnedBy owner: Int64) throws -> [Int64] {
    try db.values(
      """
      SELECT d.id FROM deal d JOIN stage s ON s.id = d.stage_id
      WHERE d.account_id = ? AND s.kind = ? AND coalesce(d.owner_id, -1) != ? ORDER BY d.id
      """, [accountID, StageKind.opportunity.rawValue, owner])
  }
}
