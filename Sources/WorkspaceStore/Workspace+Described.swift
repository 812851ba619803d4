import BatonModel
internal import GRDB

/// A record found by what it holds ("the security questionnaire task"): its number and how
/// a reply names it.
public struct DescribedRecord: Hashable, Sendable {
  public var id: Int64
  /// The title, or a lead's person and company.
  public var label: String
  /// Whether it is still open (a task or change request undecided; a lead not disqualified).
  public var isOpen: Bool
}

extension Workspace {
  /// The tasks, leads or change requests whose words hold every one of `words` (a task's
  /// title, a lead's person and company, a change request's title), case aside, lowest
  /// number first, at most `limit`.
  public func records(_ kind: EntityKind, describedBy words: [String], limit: Int) throws -> [DescribedRecord] {
    let (text, label, open, table): (String, String, String, String)
    switch kind {
    case .task: (text, label, open, table) = ("title", "title", "status = 'open'", "task")
    case .lead:
      (text, label, open, table) = (
        "name || ' ' || company", "name || ' (' || company || ')'", "status <> 'disqualified'", "lead"
      )
    case .change: (text, label, open, table) = ("title", "title", "status = 'open'", "change_request")
    default: return []
    }
    let wanted = words.map { $0.lowercased() }.filter { !$0.isEmpty }
    guard !wanted.isEmpty else { return [] }
    let conditions = Array(repeating: "instr(lower(\(text)), ?) > 0", count: wanted.count).joined(separator: " AND ")
    return try read { db in
      try db.rows(
        "SELECT id, \(label), \(open) FROM \(table) WHERE \(conditions) ORDER BY id LIMIT ?",
        StatementArguments(wanted) + [limit]
      ) { row in
        DescribedRecord(id: try row[0], label: try row[1], isOpen: try row[2])
      }
    }
  }
}
