import BatonModel
import Foundation
internal import GRDB

extension Workspace {
  /// Every name and alias a stage goes by, with its id, so an importer can read a CRM's stage
  /// column without knowing SQL.
  public func stagePhrases() throws -> [(phrase: String, stage: String)] {
    try read { db in
      try db.rows(
        """
        SELECT id AS phrase, id AS stage FROM stage
        UNION ALL SELECT name, id FROM stage
        UNION ALL SELECT alias, stage_id FROM stage_alias
        """
      ) { (phrase: try $0["phrase"], stage: try $0["stage"]) }
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
    try bulkImport(deals, kind: "deals", source: source, context: context, today: today, progress: progress) {
      try $0.upsert($1)
    }
  }

  /// Upserts accounts by name (case ignored), in one transaction with one audit row.
  /// Empty cells keep what the workspace has.
  public func importAccounts(
    _ accounts: [ImportedAccount], source: String, context: AuditContext, today: Day,
    progress: (Int) -> Void = { _ in }
  ) throws -> ImportTally {
    try bulkImport(accounts, kind: "accounts", source: source, context: context, today: today, progress: progress) {
      try $0.upsert($1)
    }
  }

  /// Upserts people by handle, else by full name, in one transaction with one audit row.
  public func importPeople(
    _ people: [ImportedPerson], source: String, context: AuditContext, today: Day,
    progress: (Int) -> Void = { _ in }
  ) throws -> ImportTally {
    try bulkImport(people, kind: "people", source: source, context: context, today: today, progress: progress) {
      try $0.upsert($1)
    }
  }

  /// Writes `rows` through one `ImportWriter` in one bulk transaction.
  private func bulkImport<Row>(
    _ rows: [Row], kind: String, source: String, context: AuditContext, today: Day,
    progress: (Int) -> Void, upsert: (ImportWriter, Row) throws -> Void
  ) throws -> ImportTally {
    try bulkChange(context) { db in
      let writer = try ImportWriter(db, actor: context.actor, today: today)
      for (index, row) in rows.enumerated() {
        try upsert(writer, row)
        if index % 2_000 == 1_999 { progress(index + 1) }
      }
      progress(rows.count)
      return (writer.tally, writer.note(kind: kind, source: source))
    }
  }

  /// One immediate transaction for a bulk write, with one audit row carrying a summary note
  /// rather than every row's image (an import of 100,000 rows would otherwise log them all).
  private func bulkChange(
    _ context: AuditContext, _ body: (Executor) throws -> (ImportTally, String)
  ) throws -> ImportTally {
    let queue: DatabaseQueue
    switch store {
    case .file(let file): queue = file
    case .server(let session):
      // The server's triggers draw a names token a statement; a file's are set aside.
      return try serverChange(session) { db in
        var (tally, note) = try body(db)
        tally.auditID = try Self.writeAudit(db, context, outcome: "done", changes: [], undoes: nil, note: note)
        return tally
      }
    }
    return try Self.mapErrors(path: path) {
      try queue.writeWithoutTransaction { db in
        var tally = ImportTally()
        // A large page cache keeps the indexes' pages in memory for the whole transaction
        // instead of spilling them to the WAL half-written (64 MB, released at the end).
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
        try db.execute(sql: "PRAGMA cache_size = -65536")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        try db.inTransaction(.immediate) {
          let (counted, note) = try Self.withNamesTokenOnce(db) { try body(Executor(db)) }
          tally = counted
          tally.auditID = try Self.writeAudit(
            Executor(db), context, outcome: "done", changes: [], undoes: nil, note: note)
          return .commit
        }
        return tally
      }
    }
  }
}
