import BatonModel
import Foundation
import WorkspaceStore

/// `activity.recent`: the audit log, newest first: "what changed today", "who moved deal 42".
enum ActivityAction {
  static let run: ActionHandler = { request, workspace in
    let deal = request.number("deal")
    // A date means "since that day"; a period, since its first day.
    var since = request.key("date")
    if let period = request.key("period").flatMap(Period.init(key:)) { since = period.start.iso }
    let entries = try workspace.activity(
      since: since, table: deal == nil ? nil : "deal", recordID: deal, action: nil, limit: 20)
    var what = "Recent changes"
    if let deal { what += " to deal \(deal)" }
    if let since { what += " since \(since)" }
    guard !entries.isEmpty else {
      return Reply(kind: .answer, text: "\(what): none.", data: ["entries": []])
    }
    let table = Table(
      header: ["When", "Who", "What", "Outcome"],
      rows: entries.map { entry in
        let outcome = entry.undoes != nil ? "undid #\(entry.undoes ?? 0)" : entry.outcome
        return [
          entry.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""), entry.actor,
          entry.input, outcome + (entry.note.map { ": \($0)" } ?? ""),
        ]
      })
    return Reply(
      kind: .table, blocks: [.text("\(what):"), .table(table)],
      data: [
        "entries": .array(
          entries.map { entry in
            [
              "id": .int(entry.id), "at": .string(entry.at), "actor": .string(entry.actor),
              "input": .string(entry.input),
              "action": .string(entry.action), "outcome": .string(entry.outcome),
              "records": .array(entry.records.map(JSONValue.string)),
              "undoes": entry.undoes.map(JSONValue.int) ?? .null,
              "note": entry.note.map(JSONValue.string) ?? .null,
            ]
          })
      ])
  }
}
