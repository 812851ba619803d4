import BatonModel
import Foundation
import WorkspaceStore

/// `activity.recent`: the audit log, newest first: "what changed today", "who moved deal 42".
enum ActivityAction {
  /// The most changes one answer lists.
  static let shown = 20

  static let run: ActionHandler = { request, workspace in
    let deal = request.number("deal")
    // A date means "since that day"; a period, its days.
    var since = request.key("date")
    let period = request.key("period").flatMap(Period.init(key:))
    if let period { since = period.start.iso }
    // One more than is shown, to tell a whole list from a cut one.
    var entries = try workspace.activity(
      since: since, before: period?.end.adding(days: 1).iso, table: deal == nil ? nil : "deal", recordID: deal,
      action: nil, limit: shown + 1)
    let cut = entries.count > shown
    entries = Array(entries.prefix(shown))
    var what = "Recent changes"
    if let deal { what += " to deal \(deal)" }
    if let period {
      what += " from \(period.start.iso) to \(period.end.iso)"
    } else if let since {
      what += " since \(since)"
    }
    guard !entries.isEmpty else {
      return Reply(kind: .answer, text: "\(what): none.", data: ["entries": []])
    }
    let table = Table(
      header: ["When", "Who", "What", "Outcome"],
      rows: entries.map { entry in
        let outcome = entry.undoes != nil ? "undid #\(entry.undoes ?? 0)" : entry.outcome
        return [
          Formatter.moment(entry.at),
          entry.channel == .commandLine ? entry.actor : "\(entry.actor) via \(entry.channel)",
          entry.input, outcome + (entry.note.map { ": \($0)" } ?? ""),
        ]
      })
    var blocks: [Block] = [.text("\(what):"), .table(table)]
    if cut {
      blocks.append(
        .text("Showing the latest \(shown); there are more. Name a deal (“who changed deal 42”) or a day to narrow it.")
      )
    }
    return Reply(
      kind: .table, blocks: blocks,
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
              "channel": .string(entry.channel.name), "client": entry.channel.client.map(JSONValue.string) ?? .null,
            ]
          }),
        "more": .bool(cut),
      ])
  }
}
