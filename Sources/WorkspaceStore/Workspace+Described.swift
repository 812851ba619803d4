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
  /// The open tasks' numbers and titles, by number; nil when there are more than `limit`, since
  /// a title read among some of them could be another's too.
  public func openTaskTitles(limit: Int) throws -> [(id: Int64, title: String)]? {
    let found = try read { db in
      try db.rows("SELECT id, title FROM task WHERE status = 'open' ORDER BY id LIMIT ?", [limit + 1]) { row in
        (id: try row[0] as Int64, title: try row[1] as String)
      }
    }
    return found.count > limit ? nil : found
  }

  /// The tasks, leads, change requests or deals with a word starting with each of `words` (a
  /// task's title, a lead's person and company, a change request's title, a deal's name and
  /// its account's), ASCII case aside: open ones first, then by number, at most `limit`.
  public func records(_ kind: EntityKind, describedBy words: [String], limit: Int) throws -> [DescribedRecord] {
    if kind == .deal, let found = try accountDeals(describedBy: words, limit: limit) { return found }
    let (text, label, open, table): (String, String, String, String)
    switch kind {
    case .task: (text, label, open, table) = ("title", "title", "status = 'open'", "task")
    case .lead:
      (text, label, open, table) = (
        "name || ' ' || company", "name || ' (' || company || ')'", "status <> 'disqualified'", "lead"
      )
    case .change: (text, label, open, table) = ("title", "title", "status = 'open'", "change_request")
    case .deal:
      // A deal by its name and its account's; open ones first.
      (text, label, open, table) = (
        "name || ' ' || coalesce((SELECT a.name FROM account a WHERE a.id = deal.account_id), '')", "name",
        Self.openDeal, "deal"
      )
    default: return []
    }
    let words = words.filter { !$0.isEmpty }
    guard !words.isEmpty else { return [] }
    let conditions = Self.wordStarts(in: text, count: words.count)
    let wanted = words.map(Self.wordStart)
    return try read { db in
      try db.rows(
        "SELECT id, \(label), \(open) FROM \(table) WHERE \(conditions) ORDER BY \(open) DESC, id LIMIT ?",
        SQLArguments(wanted) + [limit]
      ) { row in
        DescribedRecord(id: try row[0], label: try row[1], isOpen: try row[2])
      }
    }
  }

  /// The deals of the account a description names ("the Hooli renewal deal": Hooli's, whose
  /// names have a word starting "renewal"), the longest run of its words that is an
  /// account's name; nil when no run is one. Another account whose name only starts the
  /// same ("Initech Health") is not that account.
  private func accountDeals(describedBy words: [String], limit: Int) throws -> [DescribedRecord]? {
    let words = words.filter { !$0.isEmpty }.map { $0.lowercased() }
    guard !words.isEmpty else { return nil }
    return try read { db in
      for length in stride(from: words.count, through: 1, by: -1) {
        for start in 0...(words.count - length) {
          let name = words[start..<start + length].joined(separator: " ")
          let account: Int64? = try db.value(
            "SELECT id FROM account WHERE replace(lower(name), '-', ' ') = ? ORDER BY id LIMIT 1", [name])
          guard let account else { continue }
          let others = Array(words[..<start] + words[(start + length)...])
          let conditions =
            ["account_id = ?"] + (others.isEmpty ? [] : [Self.wordStarts(in: "name", count: others.count)])
          return try db.rows(
            """
            SELECT id, name, \(Self.openDeal) FROM deal WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(Self.openDeal) DESC, id LIMIT ?
            """, SQLArguments([account] as [any SQLBindable]) + SQLArguments(others.map(Self.wordStart)) + [limit]
          ) { row in DescribedRecord(id: try row[0], label: try row[1], isOpen: try row[2]) }
        }
      }
      return nil
    }
  }

  /// Whether a deal is open: in an opportunity stage.
  private static let openDeal = "stage_id IN (SELECT id FROM stage WHERE kind = 'opportunity')"

  /// `count` conditions, one a word, that `text` has a word starting with the word bound to
  /// it (`wordStart`): a word's start, not any part of one ("art" is not in "Start the
  /// QBR"), and words after a hyphen, a parenthesis or a slash start there too
  /// ("Weyland-Yutani").
  private static func wordStarts(in text: String, count: Int) -> String {
    let spaced = "' ' || replace(replace(replace(lower(\(text)), '-', ' '), '(', ' '), '/', ' ')"
    return Array(repeating: "\(spaced) LIKE ? ESCAPE '\\'", count: count).joined(separator: " AND ")
  }

  /// A `LIKE` pattern for a word's start in text read with a space before it (escaped by a backslash).
  private static func wordStart(_ word: String) -> String {
    "% "
      + word.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_") + "%"
  }
}
