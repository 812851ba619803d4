import BatonModel
import Foundation
import WorkspaceStore

/// `handoff.rule`: a handoff's trigger, required context, SLA and acceptance rule.
enum HandoffRuleAction {
  static let run: ActionHandler = { request, workspace in
    var rules = try workspace.handoffRules(id: request.key("handoff"))
    // Teams named ("what does CS need from sales"): with two, the handoff between them; with
    // one, the handoffs to it, else those from it.
    let named = ["team", "other"].compactMap { request.key($0) }
    if request.key("handoff") == nil, let team = named.first {
      let names = ["team", "other"].compactMap { request.slots[$0]?.value.display }.joined(separator: " and ")
      if named.count == 2 {
        rules = rules.filter { Set([$0.fromTeam, $0.toTeam]) == Set(named) }
      } else {
        // Both directions, the handoffs to the team first: "what does sales need" and "what
        // must sales hand over" are both answered.
        rules = rules.filter { $0.toTeam == team } + rules.filter { $0.fromTeam == team && $0.toTeam != team }
      }
      if rules.isEmpty {
        return Reply(
          kind: .answer, text: "No handoff goes \(named.count == 1 ? "to or from" : "between") \(names).",
          data: ["rules": []])
      }
    }
    if request.key("handoff") == nil, let stage = request.key("stage") {
      let atStage = rules.filter { $0.triggerStage == stage }
      if atStage.isEmpty {
        let name = request.slots["stage"]?.value.display ?? stage
        // The teams' own handoffs are somewhere else: said, not left out.
        let theirs =
          named.isEmpty ? [] : try rules.map { try workspace.stage(id: $0.triggerStage)?.name ?? $0.triggerStage }
        let between = ["team", "other"].compactMap { request.slots[$0]?.value.display }.joined(separator: " and ")
        let text =
          "No handoff \(named.isEmpty ? "" : "\(named.count == 1 ? "to or from" : "between") \(between) ")is triggered at \(name)"
          + (theirs.isEmpty
            ? "." : "; theirs \(theirs.count == 1 ? "is" : "are") at \(theirs.joined(separator: " and ")).")
        return Reply(kind: .answer, text: text, data: ["rules": []])
      }
      rules = atStage
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
    var reply = Reply(kind: .answer, text: text, data: data)
    // The one rule the teams or the stage picked out is the handoff the line asked about.
    let picked = request.key("handoff") == nil && (!named.isEmpty || request.key("stage") != nil)
    if picked, rules.count == 1, let rule = rules.first {
      reply.found["handoff"] = EntityValue(kind: .handoff, key: rule.id, display: rule.name)
    }
    return reply
  }
}
