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
    try read { db in try db.firstRow(Self.teamSelect + " WHERE t.id = ?", [id], Self.team) }
  }

  private func responsibilities(_ db: Executor, where id: String?) throws -> [Responsibility] {
    let arguments: SQLArguments = id.map { [$0] } ?? []
    var result: [Responsibility] = []
    var place: [String: Int] = [:]
    // Columns read by position, and one statement text for each case: this runs for every
    // ownership question.
    try db.eachRow(id == nil ? Self.allResponsibilities : Self.oneResponsibility, arguments) { row in
      let key: String = try row[0]
      place[key] = result.count
      result.append(
        Responsibility(
          id: key, name: try row[1], area: try row[2], salesOpsOwns: try row[3], revopsGoverns: try row[4],
          assignments: Dictionary(minimumCapacity: RACIRole.allCases.count)))
    }
    guard !result.isEmpty else { return [] }
    var assigned: [(index: Int, role: RACIRole, position: Int, party: Party)] = []
    try db.eachRow(id == nil ? Self.allAssignments : Self.oneAssignments, arguments) { row in
      guard let index = place[try row[0]], let role = RACIRole(rawValue: try row[1]),
        let kind = Party.Kind(rawValue: try row[2])
      else { return }
      let party = Party(kind: kind, id: try row[3], name: try row[4] ?? row[3], detail: try row[5])
      assigned.append((index, role, try row[6], party))
    }
    // Each role's parties in their matrix order, put in order here (`inPositionOrder`).
    for row in assigned.inPositionOrder(\.position) {
      result[row.index].assignments[row.role, default: []].append(row.party)
    }
    return result
  }

  private static let responsibilityColumns =
    "SELECT id, name, area, sales_ops_owns, revops_governs FROM responsibility"
  private static let allResponsibilities = responsibilityColumns + " ORDER BY name"
  private static let oneResponsibility = responsibilityColumns + " WHERE id = ?"
  /// Each assignment with its party's name, and for a team its lead's name or for a person
  /// their title.
  private static let assignmentColumns = """
    SELECT x.responsibility_id, x.letter, x.party_kind, x.party_id,
           COALESCE(t.name, p.name), CASE WHEN x.party_kind = 'team' THEN lead.name ELSE p.title END, x.position
    FROM raci x
    LEFT JOIN team t ON x.party_kind = 'team' AND t.id = x.party_id
    LEFT JOIN person lead ON lead.handle = t.lead_handle
    LEFT JOIN person p ON x.party_kind = 'person' AND p.handle = x.party_id
    """
  private static let allAssignments = assignmentColumns
  private static let oneAssignments = assignmentColumns + " WHERE x.responsibility_id = ?"
}
