import BatonModel
import WorkspaceStore

/// `compare.functions`: what an operations function is for, or how two differ, from the
/// workspace's team records.
enum CompareFunctions {
  static let run: ActionHandler = { request, workspace in
    guard let firstID = request.key("team") else { return Replies.missing("team") }
    guard let first = try workspace.team(id: firstID) else { return Replies.notFound("team '\(firstID)'") }
    let rule = try workspace.setting("decision_rule")
    guard let secondID = request.key("other"), secondID != firstID else {
      var lines = ["\(first.name)" + (first.serves.map { " serves \($0)" } ?? "") + "."]
      if let focus = first.focus { lines.append("Focus: \(focus).") }
      if let scope = first.scope { lines.append("Scope: \(scope).") }
      lines.append(
        first.governsCrossTeamRules ? "It governs cross-team rules." : "It does not govern cross-team rules.")
      if let lead = first.lead {
        lines.append("Led by \(lead)" + (first.reportsTo.map { ", reporting to \($0)." } ?? "."))
      }
      return Reply(kind: .answer, text: lines.joined(separator: " "), data: json(first))
    }
    guard let second = try workspace.team(id: secondID) else { return Replies.notFound("team '\(secondID)'") }
    func row(_ label: String, _ value: (Team) -> String?) -> [String] {
      [label, value(first) ?? "-", value(second) ?? "-"]
    }
    let table = Table(
      header: ["", first.name, second.name],
      rows: [
        row("Serves") { $0.serves }, row("Focus") { $0.focus }, row("Scope") { $0.scope },
        row("Governs cross-team rules") { $0.governsCrossTeamRules ? "yes" : "no" },
        row("Reports to") { $0.reportsTo }, row("Led by") { $0.lead },
      ])
    var blocks: [Block] = [.table(table)]
    let pair = Set([first.id, second.id])
    if pair == ["revops", "sales-ops"], let rule { blocks.append(.text("The rule: \(rule)")) }
    return Reply(
      kind: .table, blocks: blocks,
      data: ["teams": [json(first), json(second)], "rule": rule.map(JSONValue.string) ?? .null])
  }

  static func json(_ team: Team) -> JSONValue {
    [
      "id": .string(team.id), "name": .string(team.name), "serves": team.serves.map(JSONValue.string) ?? .null,
      "focus": team.focus.map(JSONValue.string) ?? .null, "scope": team.scope.map(JSONValue.string) ?? .null,
      "governs_cross_team_rules": .bool(team.governsCrossTeamRules),
      "reports_to": team.reportsTo.map(JSONValue.string) ?? .null, "lead": team.lead.map(JSONValue.string) ?? .null,
    ]
  }
}
