import BatonModel
import WorkspaceStore

/// `catalog.list`: the workspace's stages, teams, people, handoff rules, metrics or
/// responsibilities, one line each.
enum CatalogActions {
  /// The lists there are, by the `catalog` key the vocabulary gives them.
  static let kinds = ["stages", "teams", "people", "handoffs", "metrics", "responsibilities"]

  static let list: ActionHandler = { request, workspace in
    guard let kind = request.key("kind") else {
      return Reply(
        kind: .question, text: "Which list: the stages, teams, people, handoff rules, metrics or responsibilities?",
        data: ["slot": "kind", "choices": .array(kinds.map(JSONValue.string))])
    }
    switch kind {
    case "stages":
      let stages = try workspace.stages()
      return table(
        "The \(stages.count) stages, in order:", header: ["#", "Stage", "Kind", "Forecast", "Exit criteria"],
        rows: stages.map { stage in
          [
            String(stage.position), stage.name, stage.kind, stage.forecastCategory ?? "-",
            String(stage.exitCriteria.count),
          ]
        }, keys: stages.map(\.id), alignments: [.right, .left, .left, .left, .right])
    case "teams":
      let teams = try workspace.teams()
      return table(
        "The \(teams.count) teams:", header: ["Team", "Lead", "Reports to", "Focus"],
        rows: teams.map { [$0.name, $0.lead ?? "-", $0.reportsTo ?? "-", $0.focus ?? "-"] }, keys: teams.map(\.id))
    case "people":
      let people = try workspace.people()
      return table(
        "The \(people.count) people:", header: ["Name", "Handle", "Title", "Team", "Role"],
        rows: people.map { [$0.name, $0.handle, $0.title, $0.team ?? "-", $0.role.rawValue] },
        keys: people.map(\.handle))
    case "handoffs":
      let rules = try workspace.handoffRules(id: nil)
      return table(
        "The \(rules.count) handoff rules:", header: ["Rule", "From", "To", "At", "SLA"],
        rows: rules.map { [$0.name, $0.fromTeam, $0.toTeam, $0.triggerStage, "\($0.slaHours) h"] },
        keys: rules.map(\.id), alignments: [.left, .left, .left, .left, .right])
    case "metrics":
      let metrics = try workspace.metrics()
      return table(
        "The \(metrics.count) metrics:", header: ["Metric", "Name", "Owner"],
        rows: metrics.map { [$0.name, $0.fullName ?? "-", $0.ownerTeam ?? "-"] }, keys: metrics.map(\.id))
    case "responsibilities":
      let responsibilities = try workspace.responsibilities()
      return table(
        "The \(responsibilities.count) responsibilities of the ownership matrix:",
        header: ["Responsibility", "Area", "Accountable"],
        rows: responsibilities.map { item in
          [item.name, item.area, item.assignments[.accountable]?.map(\.name).joined(separator: ", ") ?? "-"]
        }, keys: responsibilities.map(\.id))
    default:
      return .notFound("list of \(kind)", nearest: kinds)
    }
  }

  private static func table(
    _ title: String, header: [String], rows: [[String]], keys: [String], alignments: [Table.Alignment]? = nil
  ) -> Reply {
    guard !rows.isEmpty else { return Reply(kind: .answer, text: "\(title) none.", data: ["items": []]) }
    return Reply(
      kind: .table, blocks: [.text(title), .table(Table(header: header, rows: rows, alignments: alignments))],
      data: ["items": .array(zip(keys, rows).map { key, row in ["key": .string(key), "name": .string(row[0])] })])
  }
}
