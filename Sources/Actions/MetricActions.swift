import BatonModel
import WorkspaceStore

/// `metric.define`: a metric's definition, formula and owning team.
enum MetricActions {
  static let define: ActionHandler = { request, workspace in
    guard let id = request.key("metric") else { return Replies.missing("metric") }
    guard let metric = try workspace.metric(id: id) else { return Replies.notFound("metric '\(id)'") }
    let title = metric.fullName.map { "\(metric.name) (\($0))" } ?? metric.name
    var text = "\(title): \(metric.definition) Formula: \(metric.formula)."
    if let owner = metric.ownerTeam, let team = try workspace.team(id: owner) {
      text += " Owned by \(team.name)."
    }
    return Reply(
      kind: .answer, text: text,
      data: [
        "id": .string(metric.id), "name": .string(metric.name), "definition": .string(metric.definition),
        "formula": .string(metric.formula), "owner": metric.ownerTeam.map(JSONValue.string) ?? .null,
      ])
  }
}
