import BatonModel
import Foundation
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
  /// The tasks, leads, change requests or deals with a word starting with each of `words` (a
  /// task's title, a lead's person and company, a change request's title, a deal's name and
  /// its account's), ASCII case aside: open ones first, then by number, at most `limit`.
  public func records(_ kind: EntityKind, describedBy words: [String], limit: Int) throws -> [DescribedRecord] {
    let (text, label, open, table): (String, String, String, String)
    switch kind {
    case .task: (text, label, open, table) = ("title", "title", "status = 'open'", "task")
    case .lead:
      (text, label, open, table) = (
        "name || ' ' || company", "name || ' (' || company || ')'", "status <> 'disqualified'", "lead"
      )
    case .change: (text, label, open, table) = ("title", "title", "status = 'open'", "change_request")
    case .deal:
      // A deal by its name and its account's; open ones (in an opportunity stage) first.
      (text, label, open, table) = (
        "name || ' ' || coalesce((SELECT a.name FROM account a WHERE a.id = deal.account_id), '')", "name",
        "stage_id IN (SELECT id FROM stage WHERE kind = 'opportunity')", "deal"
      )
    default: return []
    }
    // A word's start, not any part of one: "art" is not in "Start the QBR".
    let words = words.filter { !$0.isEmpty }
    let wanted = words.map { word in
      "% "
        + word.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
    guard !words.isEmpty else { return [] }
    // Words after a hyphen, a parenthesis or a slash start there too ("Weyland-Yutani").
    let spaced = "' ' || replace(replace(replace(lower(\(text)), '-', ' '), '(', ' '), '/', ' ')"
    let conditions = Array(repeating: "\(spaced) LIKE ? ESCAPE '\\'", count: wanted.count)
      .joined(separator: " AND ")
    return try read { db in
      try db.rows(
        "SELECT id, \(label), \(open) FROM \(table) WHERE \(conditions) ORDER BY \(open) DESC, id LIMIT ?",
        SQLArguments(wanted) + [limit]
      ) { row in
        DescribedRecord(id: try row[0], label: try row[1], isOpen: try row[2])
      }
    }
  }
}
