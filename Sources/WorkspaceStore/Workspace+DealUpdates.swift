import BatonModel
internal import GRDB

/// One thing recorded on a deal in conversation.
public enum DealUpdate: Sendable, Equatable {
  /// Evidence an exit criterion or handoff rule checks: a field set, a document attached,
  /// a contact in a role.
  case evidence(kind: String, key: String, value: String = "yes")
  case amount(Int64)
  case closeDate(Day)
  case name(String)
  case owner(Person)
}

extension Workspace {
  /// The team's own deal fields ("Competitor"), without reading the rest of the model.
  public func dealFields() throws -> [OperatingModel.DealField] {
    try read { db in
      try db.rows("SELECT key, name FROM deal_field ORDER BY rowid") {
        OperatingModel.DealField(key: try $0[0], name: try $0[1])
      }
    }
  }

  /// The values of the team's own deal fields recorded on deal `id`, by field name.
  public func dealFieldValues(forDeal id: Int64) throws -> [(name: String, value: String)] {
    try read { db in
      try db.rows(
        """
        SELECT f.name, e.value FROM deal_field f JOIN deal_evidence e ON e.kind = 'field' AND e.key = f.key
        WHERE e.deal_id = ? ORDER BY f.rowid
        """, [id]
      ) { (try $0[0] as String, try $0[1] as String) }
    }
  }

  /// Records `update` on deal `id`, audited; evidence already recorded is left as it is.
  @discardableResult
  public func updateDeal(id: Int64, _ update: DealUpdate, _ context: AuditContext) throws -> Int64 {
    try change(context) { recorder in
      switch update {
      case .evidence(let kind, let key, let value):
        let exists: Int64? = try recorder.db.value(
          "SELECT id FROM deal_evidence WHERE deal_id = ? AND kind = ? AND key = ?", [id, kind, key])
        if let exists {
          try recorder.update("deal_evidence", id: exists, ["value": value])
        } else {
          try recorder.insert("deal_evidence", ["deal_id": id, "kind": kind, "key": key, "value": value])
        }
      case .amount(let amount): try recorder.update("deal", id: id, ["amount": amount])
      case .closeDate(let day): try recorder.update("deal", id: id, ["close_date": day.iso])
      case .name(let name): try recorder.update("deal", id: id, ["name": name])
      case .owner(let person): try recorder.update("deal", id: id, ["owner_id": person.id])
      }
    }.auditID
  }
}
