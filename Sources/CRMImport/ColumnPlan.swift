import Foundation

/// Which column of a file gives which field: read from the header with the layout it fits
/// best, `--map` first.
struct ColumnPlan: Equatable {
  /// The layout whose column names the header matched most ("Salesforce opportunity export").
  var layoutName: String?
  /// Field → column index.
  var columns: [String: Int]
  /// Headers that give no field, to tell the user.
  var unused: [String]

  /// - Parameters:
  ///   - overrides: `--map COLUMN=FIELD` pairs; FIELD `-` leaves a column out.
  init(
    header: [String], kind: ImportKind, layouts: [CRMLayout], overrides: [(column: String, field: String)],
    path: String
  ) throws {
    let keys = header.map(comparable)
    var columns: [String: Int] = [:]
    var decided: Set<Int> = []
    func take(_ index: Int, as field: String) {
      guard !decided.contains(index) else { return }
      decided.insert(index)
      if field != "-", columns[field] == nil { columns[field] = index }
    }
    for (column, field) in overrides {
      guard field == "-" || kind.fields.contains(field) else {
        throw ImportError.badOption(
          "--map \(column)=\(field): \(kind.rawValue) have no field '\(field)' (fields: \(kind.fields.joined(separator: ", ")))"
        )
      }
      guard let index = keys.firstIndex(of: comparable(column)) else {
        throw ImportError.badOption(
          "--map \(column)=\(field): \(path) has no column '\(column)' (columns: \(header.joined(separator: ", ")))")
      }
      take(index, as: field)
    }
    // The layout that knows most of the header decides first; then a column named after its
    // field; then what the other layouts call it.
    let scored = layouts.map { layout in
      let known = Set(layout.columns.keys.map(comparable))
      return (layout, keys.filter(known.contains).count)
    }
    let best = scored.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil }
    func takeAll(_ layout: CRMLayout) {
      let fields = Dictionary(layout.columns.map { (comparable($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
      for (index, key) in keys.enumerated() {
        if let field = fields[key] { take(index, as: field) }
      }
    }
    if let best { takeAll(best) }
    for (index, key) in keys.enumerated() {
      if let field = kind.fields.first(where: { comparable($0) == key }) { take(index, as: field) }
    }
    for layout in layouts where layout.name != best?.name { takeAll(layout) }
    for required in kind.requiredFields where !required.contains(where: { columns[$0] != nil }) {
      throw ImportError.missingColumn(path: path, field: required[0], columns: header)
    }
    self.layoutName = best?.name
    self.columns = columns
    self.unused = keys.indices.filter { index in !columns.values.contains(index) }.map { header[$0] }
  }
}
