import Foundation

/// The statements that bring a shared workspace's schema from the migrations it has had to
/// the current ones: the difference between SQLite's schema after each, translated as the
/// whole schema is (`PostgresSchema`), so a migration is written once, for SQLite, and runs
/// on both stores.
///
/// New tables, indexes and triggers are made; those gone are dropped; a table whose columns
/// a migration added (`ALTER TABLE … ADD COLUMN`, which SQLite writes into the table's
/// definition at its end) gets the same columns; an index or trigger whose definition
/// changed is made again. Any other change to a table (one rebuilt under its old name) has
/// no translation here and is refused by name rather than half done. A migration that
/// changes rows as well as the schema says so in `dataStatements`.
enum PostgresMigration {
  /// Rows a migration changes, by its identifier, in PostgreSQL's dialect: none since
  /// shared workspaces began (v8).
  static let dataStatements: [String: [String]] = [:]

  /// The statements from the schema after `applied` (oldest first) to the current one.
  static func statements(from applied: [String]) throws -> [String] {
    guard let last = applied.last else { return try PostgresSchema.statements() }
    let before = try PostgresSchema.schema(upTo: last)
    let after = try PostgresSchema.schema()
    let old = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let current = Set(after.map(\.name))
    let rowIDs = PostgresSchema.rowIDs(of: after)
    var tables: [String] = []
    var indexes: [String] = []
    var triggers: [String] = []
    // What is gone first: a trigger or index before its table.
    var drops: [String] = []
    for object in before.reversed() where !current.contains(object.name) {
      drops.append(drop(object))
    }
    for object in after {
      let earlier = old[object.name]
      guard earlier?.sql != object.sql else { continue }
      switch object.type {
      case "table":
        if let earlier {
          tables += try addedColumns(object.name, from: earlier.sql, to: object.sql)
        } else {
          tables.append(try PostgresSchema.table(object.name, object.sql))
        }
      case "index":
        if let earlier { drops.append(drop(earlier)) }
        indexes.append(try PostgresSchema.index(object.name, object.sql, rowIDs: rowIDs))
      case "trigger":
        if let earlier { drops.append(drop(earlier)) }
        triggers.append(try PostgresSchema.trigger(object.name, object.sql))
      default:
        throw PostgresSchema.Untranslatable(name: object.name, sql: object.sql)
      }
    }
    let newer = Migrations.identifiers.filter { !applied.contains($0) }
    return drops + tables + indexes + triggers + newer.flatMap { dataStatements[$0] ?? [] }
  }

  private static func drop(_ object: PostgresSchema.SchemaObject) -> String {
    switch object.type {
    case "table": "DROP TABLE IF EXISTS \"\(object.name)\" CASCADE"
    case "index": "DROP INDEX IF EXISTS \"\(object.name)\""
    default: "DROP TRIGGER IF EXISTS \"\(object.name)\" ON \"\(table(of: object.sql))\""
    }
  }

  /// The table a trigger is on.
  private static func table(of sql: String) -> String {
    sql.firstMatch(of: /\bON\s+(\w+)/).map { String($0.1) } ?? ""
  }

  /// `ALTER TABLE … ADD COLUMN` for each column `after` has past `before`'s: SQLite writes an
  /// added column into the definition just before its closing parenthesis.
  static func addedColumns(_ table: String, from before: String, to after: String) throws -> [String] {
    guard let close = before.lastIndex(of: ")"), after.hasPrefix(before[..<close]), after.hasSuffix(")") else {
      throw PostgresSchema.Untranslatable(name: table, sql: after)
    }
    let added = after.dropFirst(before.distance(from: before.startIndex, to: close)).dropLast()
    return try columns(String(added)).map { column in
      // A column alone in a table of its own, translated as a table is, then taken out again.
      let translated = try PostgresSchema.table(table, "CREATE TABLE \(table) (\(column))")
      guard let open = translated.firstIndex(of: "("), let end = translated.lastIndex(of: ")") else {
        throw PostgresSchema.Untranslatable(name: table, sql: after)
      }
      var definition = String(translated[translated.index(after: open)..<end])
      definition = definition.replacingOccurrences(of: ", rowid BIGINT GENERATED ALWAYS AS IDENTITY", with: "")
      return "ALTER TABLE \"\(table)\" ADD COLUMN \(definition.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
  }

  /// The column definitions in `text` (", a TEXT, b INTEGER DEFAULT 0"), split at the commas
  /// outside parentheses and quotes.
  private static func columns(_ text: String) throws -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var quoted = false
    for character in text {
      switch character {
      case "'": quoted.toggle()
      case "(" where !quoted: depth += 1
      case ")" where !quoted: depth -= 1
      case "," where !quoted && depth == 0:
        parts.append(current)
        current = ""
        continue
      default: break
      }
      current.append(character)
    }
    parts.append(current)
    return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }
}
