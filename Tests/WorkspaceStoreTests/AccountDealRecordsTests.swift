import BatonModel
import BatonTestSupport
import GRDB
import Testing

@testable import WorkspaceStore

/// A deal described by its account's name ("the Hooli deal") is among that account's deals,
/// never another account's whose name starts the same way ("Hooli Health").
@Suite(.tags(.fast)) struct AccountDealRecordsTests {
  @Test func aDescriptionPicksTheAccountItNames() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    try workspace.fileQueue("a test").write { db in
      try db.execute(sql: "INSERT INTO account (name, segment, territory) VALUES ('Hooli Health', 'SMB', 'West')")
      try db.execute(
        sql: """
          INSERT INTO deal (name, account_id, stage_id, amount, created_date, stage_changed_date)
          VALUES ('Hooli Health Pilot', last_insert_rowid(), 'discovery', 1000, '2026-11-01', '2026-11-01')
          """)
    }
    let hooli = try workspace.records(.deal, describedBy: ["hooli"], limit: 100)
    #expect(!hooli.isEmpty && hooli.allSatisfy { !$0.label.hasPrefix("Hooli Health") }, "\(hooli)")
    let health = try workspace.records(.deal, describedBy: ["hooli", "health"], limit: 100)
    #expect(health.map(\.label) == ["Hooli Health Pilot"])
    let renewal = try workspace.records(.deal, describedBy: ["hooli", "renewal"], limit: 100)
    #expect(!renewal.isEmpty && renewal.allSatisfy { $0.label.hasPrefix("Hooli Renewal") }, "\(renewal)")
  }
}
