import BatonModel
internal import GRDB

extension Workspace {
  /// One responsibility with its row of the ownership matrix, or nil.
  public func responsibility(id: String) throws -> Responsibility? {
    try read { db in try responsibilities(db, where: id).first }
  }

  /// Every responsibility, in name order.
  public func responsibilities() throws -> [Responsibility] {
    try read { db in try responsibilities(db, where: nil) }
  }

  /// What a team is named for in the ownership matrix.
  public func ownership(ofTeam id: String) throws -> [OwnershipEntry] {
    try read { db in
      try db.rows(
        """
        SELECT r.name, x.letter FROM raci x JOIN responsibility r ON r.id = x.responsibility_id
        WHERE x.party_kind = 'team' AND x.party_id = ? ORDER BY r.name
        """, [id]
      ) { row in
        try RACIRole(rawValue: row[1]).map { OwnershipEntry(responsibility: try row[0], role: $0, via: nil) }
      }.compactMap { $0 }
    }
  }

  /// What a person is named for: directly, or through the team they lead.
  public func ownership(ofPerson handle: String) throws -> [OwnershipEntry] {
    try read { db in
      try db.rows(
        """
        SELECT r.name, x.letter, NULL AS via FROM raci x
          JOIN responsibility r ON r.id = x.responsibility_id
          WHERE x.party_kind = 'person' AND x.party_id = ?
        UNION ALL
        SELECT r.name, x.letter, t.name FROM raci x
          JOIN responsibility r ON r.id = x.responsibility_id
          JOIN team t ON t.id = x.party_id AND x.party_kind = 'team'
          WHERE t.lead_handle = ?
        ORDER BY 1
        """, [handle, handle]
      ) { row in
        try RACIRole(rawValue: row[1]).map { OwnershipEntry(responsibility: try row[0], role: $0, via: try row[2]) }
      }.compactMap { $0 }
    }
  }

  /// A team, or nil.
  public func team(id: String) throws -> Team? {
    try read { db in
      try db.firstRow(
        """
        SELECT t.*, p.name AS lead_name FROM team t LEFT JOIN person p ON p.handle = t.lead_handle
        WHERE t.id = ?
        """, [id]
      ) { row in
        Team(
          id: try row["id"], name: try row["name"], lead: try row["lead_name"], reportsTo: try row["reports_to"],
          serves: try row["serves"], focus: try row["focus"], scope: try row["scope"],
          governsCrossTeamRules: try row["governs_cross_team"])
      }
    }
  }

  private func responsibilities(_ db: Database, where id: String?) throws -> [Responsibility] {
    let filter = id == nil ? "" : "WHERE r.id = ?"
    let arguments: StatementArguments = id.map { [$0] } ?? []
    var result: [String: Responsibility] = [:]
    var order: [String] = []
    try db.eachRow("SELECT * FROM responsibility r \(filter) ORDER BY r.name", arguments) { row in
      let key: String = try row["id"]
      order.append(key)
      result[key] = Responsibility(
        id: key, name: try row["name"], area: try row["area"], salesOpsOwns: try row["sales_ops_owns"],
        revopsGoverns: try row["revops_governs"], assignments: [:])
    }
    try db.eachRow(
      """
      SELECT x.responsibility_id, x.letter, x.party_kind, x.party_id,
             COALESCE(t.name, p.name) AS name,
             CASE WHEN x.party_kind = 'team' THEN lead.name ELSE p.title END AS detail
      FROM raci x
      LEFT JOIN team t ON x.party_kind = 'team' AND t.id = x.party_id
      LEFT JOIN person lead ON lead.handle = t.lead_handle
      LEFT JOIN person p ON x.party_kind = 'person' AND p.handle = x.party_id
      \(id == nil ? "" : "WHERE x.responsibility_id = ?")
      ORDER BY x.position
      """, arguments
    ) { row in
      guard let role = RACIRole(rawValue: try row["letter"]),
        let kind = Party.Kind(rawValue: try row["party_kind"])
      else { return }
      let party = Party(
        kind: kind, id: try row["party_id"], name: try row["name"] ?? row["party_id"], detail: try row["detail"])
      result[try row["responsibility_id"]]?.assignments[role, default: []].append(party)
    }
    return order.compactMap { result[$0] }
  }
}
