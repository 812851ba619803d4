import BatonModel
import BatonTestSupport
import Foundation
import Testing

@testable import WorkspaceStore

/// The database's own guard on a shared workspace (`PostgresRoles`), tried with psql as the
/// logins baton maps, the way a client that skips baton would (`BATON_TEST_POSTGRES`;
/// skipped without one).
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct PostgresRolesTests {
  static let today = Day(year: 2026, month: 12, day: 2)

  /// A demo workspace on the scratch database with Sam (rep) and Taylor (viewer) mapped to
  /// logins of their own; their URLs.
  static func workspace(_ database: ScratchDatabase) throws -> (sam: String, taylor: String) {
    let location = try PostgresLocation.parse(database.url, environment: [:], passwordAllowed: true)
    try Workspace.create(on: location, content: .demo(today: today), force: false)
    let workspace = try Workspace.open(server: location)
    defer { workspace.close() }
    let admin = try #require(try workspace.actorOfLogin())
    let context = AuditContext(
      actor: admin.handle, input: "", intent: "", action: "login.add", at: "2026-12-02T09:00:00Z")
    let sam = try database.login("sam")
    let taylor = try database.login("taylor")
    try workspace.mapLogin(sam.name, to: try #require(try workspace.actor(named: "sam")), context)
    try workspace.mapLogin(taylor.name, to: try #require(try workspace.actor(named: "taylor")), context)
    return (sam.url, taylor.url)
  }

  /// The rows an UPDATE changed, as psql prints a count.
  static func updated(_ sql: String) -> String { "WITH u AS (\(sql) RETURNING 1) SELECT count(*) FROM u" }

  @Test func aRepChangesTheirOwnDealsAndNoOneElses() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let (sam, _) = try Self.workspace(database)
    let samsDeal = "(SELECT id FROM person WHERE handle = 'sam')"
    #expect(
      try database.psql(input: Self.updated("UPDATE deal SET amount = 1 WHERE owner_id = \(samsDeal)"), url: sam) != "0"
    )
    #expect(
      try database.psql(input: Self.updated("UPDATE deal SET amount = 1 WHERE owner_id <> \(samsDeal)"), url: sam)
        == "0")
    #expect(try database.psql(input: "SELECT count(*) FROM deal WHERE amount = 1 AND owner_id <> \(samsDeal)") == "0")
    // Nor the model, nor another's account beyond its CSM.
    #expect(throws: (any Error).self) {
      try database.psql(input: "UPDATE stage SET probability = 99 WHERE id = 'proposal'", url: sam)
    }
    #expect(throws: (any Error).self) { try database.psql(input: "UPDATE account SET name = 'Mine'", url: sam) }
  }

  @Test func aRepChangesTheEvidenceTasksAndAccountsOfTheirOwnDealsOnly() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let (sam, _) = try Self.workspace(database)
    let me = "(SELECT id FROM person WHERE handle = 'sam')"
    let mine = "(SELECT id FROM deal WHERE owner_id = \(me))"
    let evidence = { (deal: String) in
      "INSERT INTO deal_evidence (deal_id, kind, key, value) SELECT \(deal), 'criterion', 'x', 'yes'"
    }
    #expect(try database.psql(input: evidence("(SELECT min(id) FROM deal WHERE owner_id = \(me))"), url: sam).isEmpty)
    #expect(throws: (any Error).self) {
      try database.psql(input: evidence("(SELECT min(id) FROM deal WHERE owner_id <> \(me))"), url: sam)
    }
    // Tasks: theirs and those on their deals; no one else's.
    let othersTasks = "owner_id <> \(me) AND (deal_id IS NULL OR deal_id NOT IN \(mine))"
    #expect(try database.psql(input: "SELECT count(*) FROM task WHERE \(othersTasks)") != "0")
    #expect(
      try database.psql(input: Self.updated("UPDATE task SET status = 'done' WHERE \(othersTasks)"), url: sam) == "0")
    #expect(throws: (any Error).self) {
      try database.psql(
        input: """
          INSERT INTO task (title, owner_id, status, created_at)
          SELECT 'Not mine', id, 'open', '2026-12-02' FROM person WHERE handle = 'priya'
          """, url: sam)
    }
    // An account's CSM, where they own a deal of the account.
    let accounts = "(SELECT account_id FROM deal WHERE owner_id = \(me))"
    #expect(
      try database.psql(
        input: Self.updated("UPDATE account SET csm_id = csm_id WHERE id IN \(accounts)"), url: sam) != "0")
    #expect(
      try database.psql(
        input: Self.updated("UPDATE account SET csm_id = csm_id WHERE id NOT IN \(accounts)"), url: sam) == "0")
    #expect(
      try database.psql(
        input: Self.updated("UPDATE change_request SET title = 'x' WHERE proposed_by <> \(me)"), url: sam)
        == "0")
  }

  @Test func aViewerWritesNothingButTheirOwnAuditRows() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let (_, taylor) = try Self.workspace(database)
    #expect(try database.psql(input: "SELECT count(*) FROM deal WHERE id = 42", url: taylor) == "1")
    #expect(throws: (any Error).self) {
      try database.psql(input: "UPDATE deal SET amount = 1 WHERE id = 42", url: taylor)
    }
    // An audit row's actor is the login's person, whatever the client wrote.
    let actor = try database.psql(
      input: """
        INSERT INTO audit (at, actor, input, intent, action, outcome, records)
        VALUES ('2026-12-02T09:00:00Z', 'jordan', 'x', 'x', 'x', 'refused', '[]') RETURNING actor
        """, url: taylor)
    #expect(actor == "taylor")
  }

  @Test func noOneRewritesTheAuditLog() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let (sam, _) = try Self.workspace(database)
    let before = try database.psql(input: "SELECT count(*) FROM audit")
    #expect(before != "0")
    // Not the rep, and not the tables' owner either.
    for url in [sam, database.url] {
      #expect(throws: (any Error).self) { try database.psql(input: "UPDATE audit SET actor = 'nobody'", url: url) }
      #expect(throws: (any Error).self) { try database.psql(input: "DELETE FROM audit", url: url) }
    }
    #expect(throws: (any Error).self) { try database.psql(input: "TRUNCATE audit") }
    #expect(try database.psql(input: "SELECT count(*) FROM audit") == before)
  }
}
