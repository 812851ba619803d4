import BatonModel
import WorkspaceStore

/// What a stage means and what it takes to leave it.
enum StageActions {
  /// `stage.define`.
  static let define: ActionHandler = { request, workspace in
    guard let id = request.key("stage") else { return Replies.missing("stage") }
    guard let stage = try workspace.stage(id: id) else { return Replies.notFound("stage '\(id)'") }
    var text = "\(stage.name): \(stage.definition)"
    if let category = stage.forecastCategory, let probability = stage.probability {
      text += " Forecast category: \(category); probability \(probability) %."
    }
    let total = try workspace.stageCount()
    text += " Stage \(stage.position) of \(total) in the lifecycle."
    return Reply(kind: .answer, text: text, data: request.data { json(stage) })
  }

  /// `stage.exit_criteria`: each criterion as worded, with the evidence it checks.
  static let exitCriteria: ActionHandler = { request, workspace in
    guard let id = request.key("stage") else { return Replies.missing("stage") }
    guard var stage = try workspace.stage(id: id) else { return Replies.notFound("stage '\(id)'") }
    // "what does a deal need to reach Negotiation": the stage before it is the one left.
    var entering: Stage?
    if StageEntry.asksEntry(request.input) {
      switch StageEntry.stageBefore(stage, in: try workspace.stages()) {
      case .success(let before):
        entering = stage
        stage = before
      case .failure(let refusal):
        return Reply(kind: .answer, text: refusal.text, data: request.data { json(stage) })
      }
    }
    let record = stage.stageKind == .lifecycle ? "a lead" : "a deal"
    let opening = entering.map { "To enter \($0.name), \(record) leaves \(stage.name). " } ?? ""
    guard !stage.exitCriteria.isEmpty else {
      return Reply(
        kind: .answer, text: opening + "\(stage.name) has no exit criteria: a deal does not leave it.",
        data: request.data { json(stage) })
    }
    let lines = stage.exitCriteria.enumerated().map { index, criterion in
      "  \(index + 1). \(criterion.wording) (checks \(criterion.evidenceDescription))"
    }
    return Reply(
      kind: .answer, text: opening + "Exit criteria for \(stage.name):\n" + lines.joined(separator: "\n"),
      data: request.data {
        guard let entering, case .object(var object) = json(stage) else { return json(stage) }
        object["entering"] = .string(entering.id)
        return .object(object)
      })
  }

  static func json(_ stage: Stage) -> JSONValue {
    [
      "id": .string(stage.id), "name": .string(stage.name), "position": .int(Int64(stage.position)),
      "kind": .string(stage.kind), "definition": .string(stage.definition),
      "forecast_category": stage.forecastCategory.map(JSONValue.string) ?? .null,
      "probability": stage.probability.map { .int(Int64($0)) } ?? .null,
      "exit_criteria": .array(
        stage.exitCriteria.map { criterion in
          [
            "wording": .string(criterion.wording), "evidence_kind": .string(criterion.evidenceKind),
            "evidence_key": .string(criterion.evidenceKey),
          ]
        }),
    ]
  }
}
