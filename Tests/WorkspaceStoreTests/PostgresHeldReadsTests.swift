import BatonModel
import BatonTestSupport
import Foundation
import Testing

@testable import WorkspaceStore

/// A script's reads on a shared workspace share one transaction until its group of lines
/// ends (`PostgresSession.holdReads`), as a file's do: one snapshot for the group, let go
/// when the group ends or the session changes something, on the test server
/// (`BATON_TEST_POSTGRES`; skipped without one).
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct PostgresHeldReadsTests {
  static let today = Day(year: 2026, month: 12, day: 2)

  /// A demo workspace on a scratch database, opened as a script opens it (or, without
  /// `groupsReads`, as the REPL does).
  private func scriptWorkspace(_ database: ScratchDatabase, groupsReads: Bool = true) throws -> Workspace {
    let location = try PostgresLocation.parse(database.url, environment: [:], passwordAllowed: true)
    try Workspace.create(on: location, content: .demo(today: Self.today), force: false)
    return try Workspace.open(server: location, groupsReads: groupsReads)
  }

  private func session(_ workspace: Workspace) throws -> PostgresSession {
    guard case .server(let session) = workspace.store else { throw WorkspaceError.notAWorkspace(location: "") }
    return session
  }

  /// Waits until the session has heard another session's change (its notice is sent as
  /// the change commits, and delivered once the session's transaction ends).
  private func hear(_ session: PostgresSession, after count: Int) -> Bool {
    for _ in 0..<10_000 {
      if session.changeNotices.heard > count { return true }
      usleep(1_000)
    }
    return false
  }

  @Test func aGroupsReadsSeeOneSnapshotUntilTheGroupEnds() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let shared = try scriptWorkspace(database)
    defer { shared.close() }
    let session = try session(shared)

    let before = try #require(Int64(try database.psql(input: "SELECT amount FROM deal WHERE id = 42")))
    #expect(try shared.deal(id: 43) != nil)
    #expect(shared.uncommittedFor != nil, "the read's transaction was not kept for the group")
    let heard = session.changeNotices.heard
    try database.psql(input: "UPDATE deal SET amount = amount + 1000 WHERE id = 42")
    // Deal 42 is read for the first time after the other change committed, and still as it
    // was when the group began: its reads are one snapshot, nothing half seen.
    #expect(try shared.deal(id: 42)?.amount == before)

    try shared.commitPending()
    #expect(shared.uncommittedFor == nil)
    #expect(hear(session, after: heard), "no notice of the other session's change")
    #expect(try shared.deal(id: 42)?.amount == before + 1_000)
  }

  @Test func aChangeEndsTheGroupsSnapshotAndItsReadsAfterSeeWhatOthersSaved() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let shared = try scriptWorkspace(database)
    defer { shared.close() }

    let other = try #require(try shared.deal(id: 43)?.amount)
    try database.psql(input: "UPDATE deal SET amount = amount + 500 WHERE id = 43")
    try shared.moveDeal(
      id: 42, from: "proposal", to: "negotiation", on: Self.today, closes: false, note: nil,
      AuditContext(
        actor: "admin", input: "move deal 42 to negotiation", intent: "deal.move", action: "deal.move",
        at: "2026-12-02T10:00:00Z"))
    // The change committed itself at once (a server's changes are not grouped) ...
    #expect(try database.psql(input: "SELECT stage_id FROM deal WHERE id = 42") == "negotiation")
    // ... and the reads after it begin a new snapshot: the session's own change and the
    // other's, without waiting for the group to end.
    #expect(try shared.deal(id: 42)?.stage == "negotiation")
    #expect(try shared.deal(id: 43)?.amount == other + 500)
  }

  @Test func aReadThatFailsEndsTheGroupsTransactionAndTheNextReadWorks() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let shared = try scriptWorkspace(database)
    defer { shared.close() }
    let session = try session(shared)

    #expect(try shared.deal(id: 42) != nil)
    #expect(throws: WorkspaceError.self) {
      try session.read { try session.run("SELECT 1 / (amount - amount) FROM deal WHERE id = 42") }
    }
    #expect(shared.uncommittedFor == nil)
    // The aborted transaction was rolled back, not kept for the reads after it: the next
    // read the server answers begins another.
    #expect(try shared.deal(id: 44) != nil)
    #expect(shared.uncommittedFor != nil)
  }

  @Test func aSessionThatDoesNotGroupEndsEachRead() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let shared = try scriptWorkspace(database, groupsReads: false)
    defer { shared.close() }
    #expect(try shared.deal(id: 42) != nil)
    #expect(shared.uncommittedFor == nil)
  }
}
