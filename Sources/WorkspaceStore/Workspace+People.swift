import BatonModel
internal import GRDB

extension Workspace {
  /// A person by handle.
  public func person(handle: String) throws -> Person? {
    try read { db in try Self.person(db, handle: handle) }
  }

  static func person(_ db: Database, handle: String) throws -> Person? {
    try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE handle = ?"), arguments: [handle]).flatMap(
      person)
  }

  static func person(_ db: Database, id: Int64?) throws -> Person? {
    guard let id else { return nil }
    return try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [id]).flatMap(
      person)
  }

  static func person(_ row: Row) -> Person? {
    guard let role = Role(rawValue: row["role"]) else { return nil }
    return Person(
      id: row["id"], handle: row["handle"], name: row["name"], title: row["title"], team: row["team_id"],
      role: role)
  }

  /// An account by id.
  public func account(id: Int64) throws -> Account? {
    try read { db in
      guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM account WHERE id = ?"), arguments: [id])
      else {
        return nil
      }
      return Account(
        id: row["id"], name: row["name"], segment: row["segment"], territory: row["territory"],
        owner: try Self.person(db, id: row["owner_id"]), csm: try Self.person(db, id: row["csm_id"]))
    }
  }

  /// The customer success managers, fewest accounts first: who takes an account without one.
  public func csmsByLoad() throws -> [(person: Person, accounts: Int)] {
    try read { db in
      try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT p.*, (SELECT count(*) FROM account a WHERE a.csm_id = p.id) AS load
            FROM person p WHERE p.team_id = 'cs' AND p.title LIKE '%Customer Success Manager%'
            ORDER BY load, p.handle
            """
        )
      ).compactMap { row in Self.person(row).map { ($0, row["load"]) } }
    }
  }
}
