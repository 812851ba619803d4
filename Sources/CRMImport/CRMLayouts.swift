import Foundation

/// The CRM export layouts baton recognizes, read from `crm-layouts.json`: for each kind, the
/// column names of each export and, for deals, the CRM's own stage names.
struct CRMLayout: Decodable, Sendable {
  var name: String
  /// Column name → field, or `-` for a column known and deliberately not used.
  var columns: [String: String]
  /// A CRM stage name → a baton stage id.
  var stages: [String: String]?

  /// The layouts of every kind, from the bundled data file.
  static func bundled() throws -> [ImportKind: [CRMLayout]] {
    guard let url = Bundle.module.url(forResource: "crm-layouts", withExtension: "json") else {
      throw ImportError.internal("the CRM layouts are missing from the bundle")
    }
    let decoded = try JSONDecoder().decode([String: [CRMLayout]].self, from: Data(contentsOf: url))
    var result: [ImportKind: [CRMLayout]] = [:]
    for (key, layouts) in decoded {
      if let kind = ImportKind(rawValue: key) { result[kind] = layouts }
    }
    return result
  }
}

/// The form column names and stage names are compared in: case, spaces and punctuation
/// ignored, so "Close Date", "close_date" and "CloseDate" are one.
func comparable(_ text: String) -> String {
  String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
}
