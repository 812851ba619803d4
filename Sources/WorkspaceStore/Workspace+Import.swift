import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// Every name and alias a stage goes by, with its id, so an importer can read a CRM's stage
  /// column without knowing SQL.
  public func stagePhrases() throws -> [(phrase: String, stage: String)] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id AS phrase, id AS stage FROM stage
          UNION ALL SELECT name, id FROM stage
          UNION ALL SELECT alias, stage_id FROM stage_alias
          """
      ).map { (phrase: $0["phrase"], stage: $0["stage"]) }
    }
  }

  /// Upserts deals by CRM id in one transaction with one audit row: new ones are made, known
  /// ones updated (a stage change is recorded in the stage history), identical ones left
  /// alone. Accounts and people the rows name are made when missing.
  ///
  /// - Parameter progress: called with the number of rows written so far, now and then.
  public func importDeals(
    _ deals: [ImportedDeal], source: String, context: AuditContext, today: Day,
    progress: (Int) -> Void = { _ in }
  ) throws -> ImportTally {
    try bulkChange(context) { db in
      let writer = try ImportWriter(db, actor: context.actor, today: today)
      for (index, deal) in deals.enumerated() {
        try writer.upsert(deal)
        if index % 2_000 == 1_999 { progress(index + 1) }
      }
      progress(deals.count)
      return (writer.tally, writer.note(kind: "deals", source: source))
    }
  }

  /// Upserts accounts by name (case ignored), in one transaction with one audit row.
  public func importAccounts(
    _ accounts: [ImportedAccount], source: String, context: AuditContext, today: Day
  ) throws -> ImportTally {
    try bulkChange(context) { db in
      let writer = try ImportWriter(db, actor: context.actor, today: today)
      for account in accounts { try writer.upsert(account) }
      return (writer.tally, writer.note(kind: "accounts", source: source))
    }
  }

  /// Upserts people by handle, else by full name, in one transaction with one audit row.
  public func importPeople(
    _ people: [ImportedPerson], source: String, context: AuditContext, today: Day
  ) throws -> ImportTally {
    try bulkChange(context) { db in
      let writer = try ImportWriter(db, actor: context.actor, today: today)
      for person in people { try writer.upsert(person) }
      return (writer.tally, writer.note(kind: "people", source: source))
    }
  }

  /// One immediate transaction for a bulk write, with one audit row carrying a summary note
  /// rather than every row's image (an import of 100,000 rows would otherwise log them all).
  private func bulkChange(
    _ context: AuditContext, _ body: (Database) throws -> (ImportTally, String)
  ) throws -> ImportTally {
    try Self.mapErrors(path: path) {
      try queue.writeWithoutTransaction { db in
        var tally = ImportTally()
        // A large page cache keeps the indexes' pages in memory for the whole transaction
        // instead of spilling them to the WAL half-written (64 MB, released at the end).
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
        try db.execute(sql: "PRAGMA cache_size = -65536")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        try db.inTransaction(.immediate) {
          let (counted, note) = try body(db)
          tally = counted
          tally.auditID = try Self.writeAudit(
            db, context, outcome: "done", changes: [], undoes: nil, note: note)
          if let pause = Self.debugPauseInsideWrites { usleep(pause) }
          return .commit
        }
        return tally
      }
    }
  }
}
