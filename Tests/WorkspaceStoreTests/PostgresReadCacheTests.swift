import BatonModel
import BatonTestSupport
import Foundation
import Testing

@testable import WorkspaceStore

/// A session's reads keep their answers (`PostgresReadCache`) and never show what another
/// session or its own change has replaced, on the test server (`BATON_TEST_POSTGRES`;
/// skipped without one).
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct PostgresReadCacheTests {
  static let today = Day(year: 2026, month: 12, day: 2)

  /// A demo workspace on a scratch database, and its location.
  private func workspace(_ database: ScratchDatabase) throws -> PostgresLocation {
    let location = try PostgresLocation.parse(database.url, environment: [:], passwordAllowed: true)
    try Workspace.create(on: location, content: .demo(today: Self.today), force: false)
    return location
  }

  private func session(_ workspace: Workspace) throws -> PostgresSession {
    guard case .server(let session) = workspace.store else { throw WorkspaceError.notAWorkspace(location: "") }
    return session
  }

  @Test func aQuestionAskedAgainIsAnsweredFromTheCacheUntilAnotherSessionChangesIt() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let shared = try Workspace.open(server: try workspace(database))
    defer { shared.close() }
    let session = try session(shared)

    let before = try #require(try shared.deal(id: 42))
    let kept = session.keptAnswers
    #expect(kept > 0, "the read kept no answer")
    #expect(try shared.deal(id: 42)?.amount == before.amount)
    #expect(session.keptAnswers == kept, "the same read asked the server again")

    let heardBefore = session.changeNotices.heard
    try database.psql(input: "UPDATE deal SET amount = amount + 1000 WHERE id = 42")
    // Ready when the other session's notice has arrived (sent as its change commits).
    var heard = false
    for _ in 0..<10_000 where !heard {
      heard = session.changeNotices.heard > heardBefore
      if !heard { usleep(1_000) }
    }
    #expect(heard, "no notice of the other session's change")
    #expect(try shared.deal(id: 42)?.amount == before.amount.map { $0 + 1_000 })
  }

  @Test func aSessionReadsItsOwnChangeAtOnce() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let shared = try Workspace.open(server: try workspace(database))
    defer { shared.close() }
    #expect(try shared.deal(id: 42)?.stage == "proposal")
    try shared.moveDeal(
      id: 42, from: "proposal", to: "negotiation", on: Self.today, closes: false, note: nil,
      AuditContext(
        actor: "admin", input: "move deal 42 to negotiation", intent: "deal.move", action: "deal.move",
        at: "2026-12-02T10:00:00Z"))
    // No notice waited for: the session's own commit empties what it kept.
    #expect(try shared.deal(id: 42)?.stage == "negotiation")
  }

  @Test func aWorkspaceWhoseTablesDoNotAnnounceChangesKeepsNoAnswers() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let location = try workspace(database)
    try database.psql(input: "DROP FUNCTION baton_changed() CASCADE")
    let shared = try Workspace.open(server: location)
    defer { shared.close() }
    _ = try shared.deal(id: 42)
    #expect(try session(shared).keptAnswers == 0)
    try database.psql(input: "UPDATE deal SET amount = 1 WHERE id = 42")
    #expect(try shared.deal(id: 42)?.amount == 1)
  }
}
