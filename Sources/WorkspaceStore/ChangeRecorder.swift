import BatonModel
import Foundation
internal import GRDB

/// Writes rows inside one transaction and keeps each row's image before and after, so the
/// audit log can show the change and undo can reverse it exactly.
final class ChangeRecorder {
  /// One row touched: its table, its id, and its columns before and after (nil when the row
  /// did not exist).
  struct RecordChange: Codable, Equatable {
    var table: String
    var id: Int64
    var before: [String: JSONValue]?
    var after: [String: JSONValue]?

    var label: String {
      table == ChangeRecorder.modelTable
        ? "the operating model" : "\(table.replacingOccurrences(of: "_", with: " ")) \(id)"
    }
  }

  let db: Executor
  private(set) var changes: [RecordChange] = []

  init(_ db: Executor) { self.db = db }

  /// Inserts a row and returns its id.
  @discardableResult
  func insert(_ table: String, _ values: [String: (any SQLBindable)?]) throws -> Int64 {
    let columns = values.keys.sorted()
    let id = try Self.insert(db, table, columns: columns, values: columns.map { values[$0] ?? nil })
    changes.append(RecordChange(table: table, id: id, before: nil, after: try Self.image(db, table, id)))
    return id
  }

  /// Updates columns of one row.
  func update(_ table: String, id: Int64, _ values: [String: (any SQLBindable)?]) throws {
    let before = try Self.image(db, table, id)
    let columns = values.keys.sorted()
    try Self.update(db, table, id: id, columns: columns, values: columns.map { values[$0] ?? nil })
    changes.append(RecordChange(table: table, id: id, before: before, after: try Self.image(db, table, id)))
  }

  /// The operating model's place in the audit log: a change to it is recorded as one record,
  /// its image the whole model before and after, so undo puts the model back as it was.
  static let modelTable = "operating_model"

  /// Writes `model` over the workspace's operating model and records the change.
  func replaceModel(with model: OperatingModel) throws {
    let before = try ModelReader.read(db)
    try ModelWriter.write(db, from: before, to: model.normalized())
    changes.append(
      RecordChange(
        table: Self.modelTable, id: 1, before: try Self.modelImage(before),
        after: try Self.image(db, Self.modelTable, 1)
      ))
  }

  private static func modelImage(_ model: OperatingModel) throws -> [String: JSONValue] {
    try JSONDecoder().decode([String: JSONValue].self, from: JSONEncoder().encode(model))
  }

  /// The model a `modelTable` image holds.
  static func model(from image: [String: JSONValue]) throws -> OperatingModel {
    try JSONDecoder().decode(OperatingModel.self, from: JSONEncoder().encode(image))
  }

  // Cached statements: a workflow writes the same few shapes of row again and again, and
  // compiling the SQL each time would be a large share of its time.
  @discardableResult
  private static func insert(
    _ db: Executor, _ table: String, columns: [String], values: [(any SQLBindable)?]
  ) throws -> Int64 {
    try db.insert(
      "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
      SQLArguments(values))
  }

  private static func update(
    _ db: Executor, _ table: String, id: Int64, columns: [String], values: [(any SQLBindable)?]
  ) throws {
    try db.execute(
      "UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
      SQLArguments(values + [id]), cached: true)
  }

  /// A row's columns as JSON values, or nil when it does not exist.
  static func image(_ db: Executor, _ table: String, _ id: Int64) throws -> [String: JSONValue]? {
    if table == modelTable { return try modelImage(ModelReader.read(db)) }
    return try db.firstRow("SELECT * FROM \(table) WHERE id = ?", [id]) { row in
      var image: [String: JSONValue] = [:]
      row.forEachColumn { column, value in
        switch value {
        case .null: image[column] = .null
        case .integer(let number): image[column] = .int(number)
        case .real(let number): image[column] = .double(number)
        case .text(let text): image[column] = .string(text)
        }
      }
      return image
    }
  }

  /// Puts a row back to `image`: deletes it when the image is nil, inserts or overwrites it
  /// otherwise.
  static func restore(_ db: Executor, _ table: String, _ id: Int64, to image: [String: JSONValue]?) throws {
    if table == modelTable, let image {
      try ModelWriter.write(db, from: ModelReader.read(db), to: model(from: image))
      return
    }
    guard let image else {
      try db.execute("DELETE FROM \(table) WHERE id = ?", [id])
      return
    }
    let columns = image.keys.sorted()
    let values: [(any SQLBindable)?] = columns.map { column in
      switch image[column] ?? .null {
      case .int(let number): return number
      case .double(let number): return number
      case .string(let text): return text
      case .bool(let flag): return flag
      default: return nil
      }
    }
    // UPDATE rather than INSERT OR REPLACE: a replace deletes first, and the delete would
    // cascade to the rows that refer to this one (a deal's evidence and history).
    if try db.value("SELECT 1 FROM \(table) WHERE id = ?", [id]) as Bool? == true {
      try update(db, table, id: id, columns: columns, values: values)
    } else {
      try insert(db, table, columns: columns, values: values)
    }
  }
}
