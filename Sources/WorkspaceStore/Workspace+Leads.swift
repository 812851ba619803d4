import BatonModel
internal import GRDB

extension Workspace {
  /// A lead by number.
  public func lead(id: Int64) throws -> Lead? {
    try read { db in
      try db.firstRow("SELECT * FROM lead WHERE id = ?", [id]) { row in
        Lead(
          id: try row["id"], name: try row["name"], company: try row["company"], segment: try row["segment"],
          territory: try row["territory"], score: try row["score"], status: try row["status"],
          owner: try Self.person(db, id: try row["owner_id"]))
      }
    }
  }

  /// The reps whose routing rules cover a territory, with their open leads and when routing
  /// last gave them one. Rules naming the lead's segment come first.
  public func routingCandidates(territory: String, segment: String?) throws -> [RoutingCandidate] {
    try read { db in
      try db.rows(
        """
        SELECT p.*, r.territory AS rule_territory, r.segment AS rule_segment, r.capacity,
          (SELECT count(*) FROM lead l WHERE l.owner_id = p.id AND l.status IN (\(db.dialect.texts(inJSON: "?1")))) AS open_leads,
          (SELECT max(w.at) FROM workflow_run w WHERE w.kind = 'route' AND w.details = p.handle)
            AS last_routed
        FROM routing_rule r JOIN person p ON p.id = r.person_id
        WHERE r.territory = ?2 AND (r.segment IS NULL OR r.segment = ?3)
        ORDER BY r.segment IS NULL, r.id
        """, [Self.workingStatuses, territory, segment]
      ) { row in
        try Self.person(row).map {
          RoutingCandidate(
            person: $0, territory: try row["rule_territory"], segment: try row["rule_segment"],
            capacity: try row["capacity"],
            openLeads: try row["open_leads"], lastRouted: try row["last_routed"])
        }
      }.compactMap { $0 }
    }
  }

  /// Gives a lead its rep (in place of `replacing`, the owner it had when the change was
  /// planned) and records the routing run; a lead routed meanwhile is a `ChangeConflict`.
  @discardableResult
  public func routeLead(
    id: Int64, to rep: Person, replacing: Int64? = nil, reason: String, _ context: AuditContext
  ) throws -> Int64 {
    try change(context, note: reason) { recorder in
      // A NULL owner reads as nil, as a missing lead does; the caller checked it exists.
      guard try recorder.db.value("SELECT owner_id FROM lead WHERE id = ?", [id]) as Int64? == replacing
      else { throw ChangeConflict("lead \(id) was routed by someone else just now") }
      try recorder.update("lead", id: id, ["owner_id": rep.id])
      try recorder.insert(
        "workflow_run",
        ["kind": "route", "actor": context.actor, "at": context.at, "status": "done", "details": rep.handle])
    }.auditID
  }

  /// The lead statuses that count against a rep's capacity, as one JSON array argument.
  private static let workingStatuses =
    "[" + LeadStatus.working.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
}
