import BatonModel
import BatonTestSupport
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import WorkspaceStore

/// Two people changing one shared workspace at once, on the test server
/// (`BATON_TEST_POSTGRES`; skipped without one): one wins, the other is told what moved
/// under them, and nothing is written twice.
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct PostgresConcurrencyTests {
  static let today = Day(year: 2026, month: 12, day: 2)

  @Test func twoPeopleMovingOneDealOneWinsAndTheOtherIsToldItMoved() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let location = try PostgresLocation.parse(database.url, environment: [:], passwordAllowed: true)
    try Workspace.create(on: location, content: .demo(today: Self.today), force: false)
    let second = try Workspace.open(server: location)
    defer { second.close() }
    let first = try PostgresSession.connect(location)
    defer { first.close() }
    let watcher = try PostgresSession.connect(location)
    defer { watcher.close() }

    let history = "SELECT count(*) FROM stage_change WHERE deal_id = 42"
    let historyBefore = try database.psql(input: history)
    // The first mover's change is made and not yet committed when the second begins.
    try first.run("BEGIN ISOLATION LEVEL SERIALIZABLE")
    try first.run("UPDATE deal SET stage_id = 'negotiation' WHERE id = 42")
    let outcome = Mutex<Result<Int64, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      let context = AuditContext(
        actor: "sam", input: "move deal 42 to discovery", intent: "deal.move", action: "deal.move",
        at: "2026-12-02T09:00:00Z")
      let result = Result {
        try second.moveDeal(
          id: 42, from: "proposal", to: "discovery", on: Self.today, closes: false, note: nil, context)
      }
      outcome.withLock { $0 = result }
      done.signal()
    }
    // Ready when the second change waits for the first's lock on deal 42.
    var waiting = false
    for _ in 0..<10_000 where !waiting {
      let rows = try watcher.run(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
      waiting = rows.rows.first?.values.first != .integer(0)
      if !waiting { usleep(1_000) }
    }
    #expect(waiting, "the second change never waited for the first")
    try first.run("COMMIT")
    done.wait()

    let result = try #require(outcome.withLock { $0 })
    #expect(throws: ChangeConflict.self) { try result.get() }
    if case .failure(let error) = result {
      #expect("\(error)".contains("deal 42 was moved to Negotiation by someone else just now"), "\(error)")
    }
    #expect(try database.psql(input: "SELECT stage_id FROM deal WHERE id = 42") == "negotiation")
    // Nothing of the second change was written: no history row, no audit row.
    #expect(try database.psql(input: history) == historyBefore)
    #expect(try database.psql(input: "SELECT count(*) FROM audit WHERE action = 'deal.move'") == "0")
  }

  /// A session learns of another's change to a name as it commits, without asking the
  /// server at every line: the names trigger's NOTIFY.
  @Test func aRunningSessionHearsAnotherRenameAnAccount() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let location = try PostgresLocation.parse(database.url, environment: [:], passwordAllowed: true)
    try Workspace.create(on: location, content: .demo(today: Self.today), force: false)
    let listening = try Workspace.open(server: location)
    defer { listening.close() }
    #expect(try listening.vocabulary().contains { $0.display == "Hooli" })
    _ = listening.takeNamesNotice()
    try database.psql(input: "UPDATE account SET name = 'Hooli Labs' WHERE name = 'Hooli'")
    // Ready when the notice has arrived (it is sent as the other change commits).
    var heard = false
    for _ in 0..<10_000 where !heard {
      heard = listening.takeNamesNotice()
      if !heard { usleep(1_000) }
    }
    #expect(heard, "no notice of the rename")
    #expect(try listening.vocabulary().contains { $0.display == "Hooli Labs" })
    // A file has no one to hear from.
    #expect(!(try Workspace.inMemory(.empty)).takeNamesNotice())
  }
}
