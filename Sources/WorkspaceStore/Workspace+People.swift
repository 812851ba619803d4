import BatonModel
internal import GRDB

extension Workspace {
  /// A person by handle.
  public func person(handle: String) throws -> Person? {
    try read { db in try Self.person(db, handle: handle) }
  }

  static func person(_ db: Executor, handle: String) throws -> Person? {
    try db.firstRow("SELECT * FROM person WHERE handle = ?", [handle], person) ?? nil
  }

  static func person(_ db: Executor, id: Int64?) throws -> Person? {
    guard let id else { return nil }
    return try db.firstRow("SELECT * FROM person WHERE id = ?", [id], person) ?? nil
  }

  static func person(_ row: ResultRow) throws -> Person? {
    guard let role = Role(rawValue: try row["role"]) else { return nil }
    return Person(
      id: try row["id"], handle: try row["handle"], name: try row["name"], title: try row["title"],
      team: try row["team_id"],
      role: role)
  }

  /// An account by id.
  public func account(id: Int64) throws -> Account? {
    try read { db in
      try db.firstRow("SELECT * FROM account WHERE id = ?", [id]) { row in
        Account(
          id: try row["id"], name: try row["name"], segment: try row["segment"], territory: try row["territory"],
          owner: try Self.person(db, id: try row["owner_id"]), csm: try Self.person(db, id: try row["csm_id"]))
      }
    }
  }

  /// The customer success managers, fewest accounts first: who takes an account without one.
  public func csmsByLoad() throws -> [(person: Person, accounts: Int)] {
    try read { db in
      try db.rows(
        """
        SELECT p.*, (SELECT count(*) FROM account a WHERE a.csm_id = p.id) AS load
        FROM person p WHERE p.team_id = 'cs' AND p.title LIKE '%Customer Success Manager%'
        ORDER BY load, p.handle
        """
      ) { row in try Self.person(row).map { ($0, try row["load"] as Int) } }.compactMap { $0 }
    }
  }
}
