import BatonModel
import Foundation
import WorkspaceStore

/// `handoff.rule`: a handoff's trigger, required context, SLA and acceptance rule.
enum HandoffRuleAction {
  static let run: ActionHandler = { request, workspace in
    var rules = try workspace.handoffRules(id: request.key("handoff"))
    if request.key("handoff") == nil, let stage = request.key("stage") {
      rules = rules.filter { $0.triggerStage == stage }
      if rules.isEmpty {
        let name = request.slots["stage"]?.value.display ?? stage
        return Reply(kind: .answer, text: "No handoff is triggered at \(name).", data: ["rules": []])
      }
    }
    // Teams named ("what does CS need from sales"): with two, the handoff between them; with
    // one, the handoffs to it, else those from it.
    if request.key("handoff") == nil, let team = request.key("team") {
      let names = ["team", "other"].compactMap { request.slots[$0]?.value.display }.joined(separator: " and ")
      if let other = request.key("other") {
        rules = rules.filter { Set([$0.fromTeam, $0.toTeam]) == Set([team, other]) }
      } else {
        let to = rules.filter { $0.toTeam == team }
        rules = to.isEmpty ? rules.filter { $0.fromTeam == team } : to
      }
      if rules.isEmpty {
        return Reply(
          kind: .answer, text: "No handoff goes \(request.key("other") == nil ? "to or from" : "between") \(names).",
          data: ["rules": []])
      }
    }
    guard !rules.isEmpty else {
      return Reply(kind: .answer, text: "The workspace has no handoff rules.", data: ["rules": []])
    }
    var teams: [String: String] = [:]
    var stages: [String: String] = [:]
    for rule in rules {
      for id in [rule.fromTeam, rule.toTeam] where teams[id] == nil {
        teams[id] = try workspace.team(id: id)?.name ?? id
      }
      if stages[rule.triggerStage] == nil {
        stages[rule.triggerStage] = try workspace.stage(id: rule.triggerStage)?.name ?? rule.triggerStage
      }
    }
    let text = rules.map { rule in
      """
      \(rule.name) handoff: from \(teams[rule.fromTeam] ?? rule.fromTeam) to \(teams[rule.toTeam] ?? rule.toTeam) at \(stages[rule.triggerStage] ?? rule.triggerStage).
        Required context: \(rule.requiredFields.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")).
        SLA: \(rule.slaHours) hours.
        Acceptance: \(rule.acceptanceRule)
      """
    }.joined(separator: "\n")
    let data: JSONValue = [
      "rules": .array(
        rules.map { rule in
          [
            "id": .string(rule.id), "name": .string(rule.name), "from": .string(rule.fromTeam),
            "to": .string(rule.toTeam),
            "trigger_stage": .string(rule.triggerStage),
            "required_fields": .array(rule.requiredFields.map(JSONValue.string)),
            "sla_hours": .int(Int64(rule.slaHours)), "acceptance_rule": .string(rule.acceptanceRule),
          ]
        })
    ]
    return Reply(kind: .answer, text: text, data: data)
  }
}
