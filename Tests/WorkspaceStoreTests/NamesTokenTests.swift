import BatonModel
import BatonTestSupport
import GRDB
import Testing

@testable import WorkspaceStore

/// The names token stands in for reading the names at start-up, so it must change with
/// every change a name read would see, from any writer, and only then.
@Suite(.tags(.fast)) struct NamesTokenTests {
  struct Undo: Error {}

  /// Deleting, inserting and renaming a row of every table the names come from each draws
  /// a new token; the whole is rolled back afterwards.
  @Test func everyChangeToANameDrawsANewToken() throws {
    let workspace = try Workspace.inMemory(.demo(today: Day(year: 2026, month: 11, day: 23)))
    #expect(try workspace.namesToken() != nil)
    for (table, columns) in Migrations.nameSources {
      let column = columns.map { String($0.split(separator: ", ").last ?? "") } ?? "alias"
      #expect(throws: Undo.self) {
        try workspace.write { db in
          // Deletions may cascade or leave references dangling for a moment: checked at the
          // end, which never comes (the block is rolled back).
          try db.execute("PRAGMA defer_foreign_keys = ON")
          var tokens = [try Self.token(db)]
          try db.execute(
            "CREATE TEMP TABLE kept AS SELECT * FROM \(table) WHERE rowid = (SELECT max(rowid) FROM \(table))")
          try db.execute("DELETE FROM \(table) WHERE rowid = (SELECT max(rowid) FROM \(table))")
          tokens.append(try Self.token(db))
          try db.execute("INSERT INTO \(table) SELECT * FROM kept")
          tokens.append(try Self.token(db))
          try db.execute("UPDATE \(table) SET \(column) = \(column) WHERE rowid = (SELECT min(rowid) FROM \(table))")
          tokens.append(try Self.token(db))
          #expect(Set(tokens).count == 4, "\(table): \(tokens)")
          throw Undo()
        }
      }
    }
  }

  /// What changes all day (a deal's stage and amount, an account's segment, a person's
  /// title, tasks) keeps the token, so the names saved with the engine stay usable.
  @Test func otherChangesKeepTheToken() throws {
    let today = Day(year: 2026, month: 11, day: 23)
    let workspace = try Workspace.inMemory(.demo(today: today))
    let before = try workspace.namesToken()
    let context = AuditContext(
      actor: "jordan", input: "move deal 42", intent: "deal.move", action: "deal.move", at: "2026-11-23T09:00:00Z")
    try workspace.moveDeal(id: 42, from: "proposal", to: "discovery", on: today, closes: false, note: nil, context)
    try workspace.write { db in
      try db.execute(
        """
        UPDATE deal SET amount = amount + 1, owner_id = owner_id, close_date = close_date;
        UPDATE account SET owner_id = owner_id, csm_id = csm_id;
        UPDATE person SET title = title, team_id = team_id;
        UPDATE stage SET probability = probability, definition = definition;
        """)
    }
    #expect(try workspace.namesToken() == before)
    // A segment or a territory is a name the matcher reads ("Enterprise deals").
    try workspace.write { db in try db.execute("UPDATE account SET segment = 'Strategic' WHERE id = 1") }
    #expect(try workspace.namesToken() != before)
  }

  /// A bulk write sets the triggers aside and draws one token at the end; the triggers are
  /// back afterwards, and a bulk write that fails leaves token and triggers as they were.
  @Test func aBulkWriteDrawsOneTokenAndPutsTheTriggersBack() throws {
    let workspace = try Workspace.inMemory(.demo(today: Day(year: 2026, month: 11, day: 23)))
    let triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'names_%'"
    let first = try workspace.namesToken()
    try workspace.write { db in
      try Workspace.withNamesTokenOnce(#require(db.sqlite)) {
        let during = try Self.token(db)
        try db.execute("INSERT INTO account (name) VALUES ('Bulk One'), ('Bulk Two')")
        #expect(try Self.token(db) == during)
        #expect(try db.value(triggers) as Int? == 0)
      }
    }
    let second = try workspace.namesToken()
    #expect(second != first)
    #expect(try workspace.read { db in try db.value(triggers) as Int? } == Migrations.nameTriggers.count)
    #expect(throws: Undo.self) {
      try workspace.write { db in
        try Workspace.withNamesTokenOnce(#require(db.sqlite)) {
          try db.execute("INSERT INTO account (name) VALUES ('Bulk Three')")
          throw Undo()
        }
      }
    }
    #expect(try workspace.namesToken() == second)
    #expect(try workspace.read { db in try db.value(triggers) as Int? } == Migrations.nameTriggers.count)
    try workspace.write { db in try db.execute("UPDATE account SET name = 'Bulk 1' WHERE name = 'Bulk One'") }
    #expect(try workspace.namesToken() != second)
  }

  static func token(_ db: Executor) throws -> Int64 {
    try db.value("SELECT token FROM names_token") ?? 0
  }
}
