import BatonModel
internal import GRDB

extension Workspace {
  /// A deal by number, or nil.
  public func deal(id: Int64) throws -> Deal? {
    try read { db in try deal(db, id: id) }
  }

  /// A deal by its CRM id (case ignored, as CRMs and people type them differently), or nil.
  public func deal(crmID: String) throws -> Deal? {
    try read { db in try deals(db, where: db.dialect.caselessEquals("d.crm_id"), [crmID], limit: 1).first }
  }

  /// Deals in a stage, of an owner, of an account; open ones only unless `includeClosed`.
  public func deals(
    stage: String? = nil, ownerHandle: String? = nil, accountID: Int64? = nil,
    includeClosed: Bool = false, limit: Int = 50
  ) throws -> [Deal] {
    var conditions: [String] = []
    var arguments: [any SQLBindable] = []
    if let stage {
      conditions.append("d.stage_id = ?")
      arguments.append(stage)
    } else if !includeClosed {
      conditions.append("d.stage_id IN (SELECT id FROM stage WHERE kind = ?)")
      arguments.append(StageKind.opportunity.rawValue)
    }
    if let ownerHandle {
      conditions.append("p.handle = ?")
      arguments.append(ownerHandle)
    }
    if let accountID {
      conditions.append("d.account_id = ?")
      arguments.append(accountID)
    }
    let clause = conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")
    return try read { db in
      try deals(db, where: clause, SQLArguments(arguments), limit: limit)
    }
  }

  /// The deals `filter` picks: open ones unless it includes closed, by number or largest
  /// first, at most `filter.limit`.
  public func deals(_ filter: DealFilter) throws -> [Deal] {
    var conditions: [String] = []
    var arguments: [any SQLBindable] = []
    if let stage = filter.stage {
      conditions.append("d.stage_id = ?")
      arguments.append(stage)
    } else if !filter.includeClosed {
      conditions.append("d.stage_id IN (SELECT id FROM stage WHERE kind = ?)")
      arguments.append(StageKind.opportunity.rawValue)
    }
    let equal: [(String, (any SQLBindable)?)] = [
      ("p.handle", filter.ownerHandle), ("d.account_id", filter.accountID), ("a.segment", filter.segment),
      ("a.territory", filter.territory), ("p.team_id", filter.team),
    ]
    for case let (column, value?) in equal {
      conditions.append("\(column) = ?")
      arguments.append(value)
    }
    if let closing = filter.closing {
      conditions.append("d.close_date BETWEEN ? AND ?")
      arguments += [closing.lowerBound.iso, closing.upperBound.iso]
    }
    let clause = conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")
    let order = filter.largestFirst ? "coalesce(d.amount, 0) DESC, d.id" : "d.id"
    return try read { db in
      try db.rows(
        "\(Self.dealColumns) WHERE \(clause) ORDER BY \(order) LIMIT \(max(1, filter.limit))",
        SQLArguments(arguments), Self.deal)
    }
  }

  /// The numbers nearest to `id` of records of `kind` that exist (deals, tasks, leads,
  /// change requests), for "no deal 4242; nearest: …". Empty for other kinds.
  public func nearestIDs(of kind: EntityKind, to id: Int64, limit: Int = 3) throws -> [Int64] {
    let tables: [EntityKind: String] = [.deal: "deal", .task: "task", .lead: "lead", .change: "change_request"]
    guard let table = tables[kind] else { return [] }
    return try read { db in
      try db.values("SELECT id FROM \(table) ORDER BY abs(id - ?) LIMIT ?", [id, limit])
    }
  }

  func deals(_ db: Executor, where clause: String, _ arguments: SQLArguments, limit: Int) throws -> [Deal] {
    try db.rows("\(Self.dealColumns) WHERE \(clause) ORDER BY d.id LIMIT \(max(1, limit))", arguments, Self.deal)
  }

  /// One deal inside a read, or nil; its statement written once, not per call.
  func deal(_ db: Executor, id: Int64) throws -> Deal? {
    try db.firstRow(Self.dealByID, [id], Self.deal)
  }

  /// The deals numbered `ids` that exist, in no set order (callers sort); the numbers go as
  /// one argument (`Workspace.jsonList`) so that every set shares one statement. Read from
  /// the list outwards: `d.id IN (SELECT value FROM json_each(?))` made SQLite copy the list
  /// into a temporary table first, and sort, a third of the query.
  func deals(_ db: Executor, ids: [Int64]) throws -> [Deal] {
    guard !ids.isEmpty else { return [] }
    return try db.rows(Self.dealsByIDs(db.dialect), [Self.jsonList(ids)], Self.deal)
  }

  private static let dealSelection = """
    SELECT d.id, d.crm_id, d.name, d.account_id, a.name, p.name, p.handle, d.stage_id, s.name, d.amount,
           d.close_date, d.created_date, d.stage_changed_date
    """
  private static let dealJoins = """
    LEFT JOIN account a ON a.id = d.account_id
    LEFT JOIN person p ON p.id = d.owner_id
    JOIN stage s ON s.id = d.stage_id
    """
  private static let dealColumns = dealSelection + " FROM deal d " + dealJoins
  private static let dealByID = dealColumns + " WHERE d.id = ?"
  /// The deals of a JSON list of ids, in the list's order.
  private static func dealsByIDs(_ dialect: Dialect) -> String {
    dealSelection + " FROM " + dialect.elements(ofJSON: "?", as: "j") + " CROSS JOIN deal d " + dealJoins
      + " WHERE d.id = CAST(j.value AS BIGINT) ORDER BY j.key"
  }

  /// A row of `dealColumns`. Columns read by position: a lookup by name costs more than
  /// decoding the value, and this is the row every deal list decodes.
  private static func deal(_ row: ResultRow) throws -> Deal {
    Deal(
      id: try row[0], crmID: try row[1], name: try row[2], accountID: try row[3], account: try row[4],
      owner: try row[5],
      ownerHandle: try row[6], stage: try row[7], stageName: try row[8], amount: try row[9],
      closeDate: (try row[10] as String?).flatMap { Day(iso: $0) },
      createdDate: Day(iso: try row[11] as String) ?? Day(ordinal: 0),
      stageChangedDate: Day(iso: try row[12] as String) ?? Day(ordinal: 0))
  }
}

extension Workspace {
  /// The evidence recorded on a deal, as `kind:key` strings ("document:proposal").
  public func evidence(forDeal id: Int64) throws -> Set<String> {
    try read { db in
      Set(try db.values("SELECT kind || ':' || key FROM deal_evidence WHERE deal_id = ?", [id]) as [String])
    }
  }

  /// A deal's evidence (as `evidence(forDeal:)`) and its own fields' values (as
  /// `dealFieldValues(forDeal:)`, in the fields' order), read by one statement: what a deal's
  /// card shows, one round trip on a server.
  public func evidenceAndFields(forDeal id: Int64) throws -> (
    evidence: Set<String>, fields: [(name: String, value: String)]
  ) {
    try read { db in
      var evidence = Set<String>()
      var fields: [(name: String, value: String)] = []
      // A field's row carries its name; the others none. The fields come in their own order,
      // wherever a store sorts the rows without one.
      try db.eachRow(
        """
        SELECT e.kind || ':' || e.key, f.name, e.value FROM deal_evidence e
        LEFT JOIN deal_field f ON e.kind = 'field' AND f.key = e.key
        WHERE e.deal_id = ? ORDER BY f.rowid
        """, [id]
      ) { row in
        evidence.insert(try row[0])
        if let name: String = try row[1], let value: String = try row[2] { fields.append((name, value)) }
      }
      return (evidence, fields)
    }
  }
}
