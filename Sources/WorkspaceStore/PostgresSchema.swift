import Foundation
internal import GRDB

/// The workspace schema for PostgreSQL: SQLite's after every migration, translated
/// statement by statement, so the two stores' schemas come from one list of migrations and
/// cannot drift apart.
///
/// What differs is translated in one place: an `INTEGER PRIMARY KEY` (SQLite's row id) is an
/// identity column, integers are 64-bit (`BIGINT`) as SQLite's are, an index on
/// `column COLLATE NOCASE` is an index on `lower(column)`, and the triggers that change the
/// names token call one trigger function. A statement with anything else that differs is
/// refused by name (`Untranslatable`) rather than passed on half translated.
enum PostgresSchema {
  /// A part of the SQLite schema with no PostgreSQL form here yet.
  struct Untranslatable: Error, CustomStringConvertible {
    let name: String
    let sql: String
    var description: String { "no PostgreSQL form for \(name): \(sql)" }
  }

  /// The statements that make an empty PostgreSQL database a workspace of the current
  /// schema, in order (tables before the tables and indexes that refer to them), one
  /// statement each: PostgreSQL's extended protocol takes one statement at a time.
  static func statements(upTo last: String? = nil) throws -> [String] {
    let objects = try schema(upTo: last)
    let rowIDs = rowIDs(of: objects)
    var tables: [String] = []
    var indexes: [String] = []
    var triggers: [String] = []
    for object in objects {
      switch object.type {
      case "table": tables.append(try table(object.name, object.sql))
      case "index": indexes.append(try index(object.name, object.sql, rowIDs: rowIDs))
      case "trigger": triggers.append(try trigger(object.name, object.sql))
      default: throw Untranslatable(name: object.name, sql: object.sql)
      }
    }
    return tables + indexes + (triggers.isEmpty ? [] : [namesChanged] + triggers)
  }

  /// A part of the SQLite schema: a table, an index or a trigger, as SQLite keeps it.
  typealias SchemaObject = (type: String, name: String, sql: String)

  /// The SQLite schema after the migrations up to `last` (all of them for nil), in the order
  /// they made its parts.
  static func schema(upTo last: String? = nil) throws -> [SchemaObject] {
    let queue = try DatabaseQueue()
    if let last { try Migrations.migrator.migrate(queue, upTo: last) } else { try Migrations.migrator.migrate(queue) }
    return try queue.read { db in
      try db.rows(
        """
        SELECT type, name, sql FROM sqlite_master
        WHERE sql IS NOT NULL AND name NOT IN ('grdb_migrations', 'sqlite_sequence') ORDER BY rowid
        """
      ) { row -> SchemaObject in (try row[0], try row[1], try row[2]) }
    }
  }

  /// The function every names trigger calls: a new random token, as SQLite's `random()`
  /// gives (53 random bits: a token is compared, never counted), and a notice on channel
  /// `namesChannel` to every session listening, sent when the change commits.
  static let namesChanged = """
    CREATE FUNCTION baton_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE names_token SET token = (random() * 9007199254740991)::bigint;
      PERFORM pg_notify('\(namesChannel)', '');
      RETURN NULL;
    END $$
    """

  /// The channel a names change is announced on (`LISTEN`).
  static let namesChannel = "baton_names"

  /// The channel any change to the workspace is announced on: a session's read cache
  /// (`PostgresReadCache`) is emptied when it hears one.
  static let changesChannel = "baton_changes"

  /// The function every table's change trigger calls. A statement-level trigger, so a change
  /// of many rows announces itself once; the server sends one notice a transaction.
  static let changed = """
    CREATE OR REPLACE FUNCTION baton_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('\(changesChannel)', '');
      RETURN NULL;
    END $$
    """

  /// The statements that make every one of `tables` announce its changes: made after the
  /// rows are copied in, which need no announcing.
  static func changeNotices(tables: [String]) -> [String] {
    [changed]
      + tables.map { table in
        """
        CREATE TRIGGER baton_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "\(table)" \
        FOR EACH STATEMENT EXECUTE FUNCTION baton_changed()
        """
      }
  }

  /// Words of SQLite's dialect that a table's definition must not hold: each would need a
  /// translation of its own.
  /// (A `STRICT` table needs none: PostgreSQL refuses the word, and the tests say so.)
  private static let sqliteOnly = ["COLLATE", "AUTOINCREMENT", "WITHOUT ROWID", "datetime(", "random()"]

  static func table(_ name: String, _ sql: String) throws -> String {
    guard !sqliteOnly.contains(where: { sql.range(of: $0, options: .caseInsensitive) != nil }) else {
      throw Untranslatable(name: name, sql: sql)
    }
    let hasRowID = sql.contains(/\bINTEGER PRIMARY KEY\b/)
    var translated =
      sql
      .replacing(/\bINTEGER PRIMARY KEY\b/, with: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
      .replacing(/\bINTEGER\b/, with: "BIGINT")
    // SQLite numbers every row of a table without an integer key (its `rowid`), and the
    // store reads such tables in that order ("ORDER BY rowid": aliases as they were
    // written). The same column here, numbered as rows are added.
    if !hasRowID, let close = translated.lastIndex(of: ")") {
      translated.insert(contentsOf: ", rowid BIGINT GENERATED ALWAYS AS IDENTITY", at: close)
    }
    return translated
  }

  /// Each table's row id column (`rowID(of:)`), by table, for its indexes (`index`).
  static func rowIDs(of schema: [SchemaObject]) -> [String: String] {
    var rowIDs: [String: String] = [:]
    for object in schema where object.type == "table" { rowIDs[object.name] = rowID(of: object.sql) }
    return rowIDs
  }

  /// The column a table's `INTEGER PRIMARY KEY` names (SQLite's row id), if it has one.
  static func rowID(of sql: String) -> String? {
    sql.firstMatch(of: /(\w+) INTEGER PRIMARY KEY\b/).map { String($0.1) }
  }

  /// An index, translated. Every SQLite index of a table with a row id holds the row id
  /// beside its columns, and the store's reads count on it (a stuck deal's number, the
  /// forecast's largest deals, read from the index alone): here the key column is included
  /// (`INCLUDE (id)`), so PostgreSQL reads them from the index too.
  static func index(_ name: String, _ sql: String, rowIDs: [String: String] = [:]) throws -> String {
    var translated = sql.replacing(/(\w+) COLLATE NOCASE/) { "lower(\($0.1))" }
    guard !translated.contains("COLLATE") else { throw Untranslatable(name: name, sql: sql) }
    let shape = /(CREATE\s+(?:UNIQUE\s+)?INDEX\s+\w+\s+ON\s+(\w+)\s*\((.*)\))\s*;?/.dotMatchesNewlines()
    if let shape = translated.wholeMatch(of: shape),
      let key = rowIDs[String(shape.2)],
      !shape.3.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == key })
    {
      translated = "\(shape.1) INCLUDE (\(key))"
    }
    return translated
  }

  /// A names trigger, the only kind the schema has: after a change to a name source, a new
  /// names token.
  static func trigger(_ name: String, _ sql: String) throws -> String {
    let shape =
      /^CREATE TRIGGER (\w+) (AFTER (?:INSERT|DELETE|UPDATE(?: OF [\w, ]+)?) ON \w+) BEGIN UPDATE names_token SET token = random\(\); END;?$/
    guard let match = sql.wholeMatch(of: shape) else { throw Untranslatable(name: name, sql: sql) }
    return "CREATE TRIGGER \(match.1) \(match.2) FOR EACH STATEMENT EXECUTE FUNCTION baton_names_changed()"
  }
}
