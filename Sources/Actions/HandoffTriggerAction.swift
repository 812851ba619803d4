import BatonModel
import Foundation
import WorkspaceStore

/// `handoff.trigger`: hands a Closed-Won deal to customer success by the sales-to-CS rule:
/// required context checked, the account's CSM assigned (or routed), the onboarding task
/// created within the SLA, the run recorded. Once only.
enum HandoffTriggerAction {
  static let run: WorkflowHandler = { request, workspace in
    let deal: Deal
    switch try Lookup.deal(request, workspace) {
    case .found(let found): deal = found
    case .refused(let reply): return .reply(reply)
    }
    if let refusal = Permissions.requireOwnOrOps(owner: deal.ownerHandle, to: "handing off deal \(deal.id)", request) {
      return refusal
    }
    if let run = try workspace.handoffRun(dealID: deal.id) {
      return .reply(
        Reply(
          kind: .answer,
          text: "Deal \(deal.id) was already handed off by \(run.actor) at \(Formatter.moment(run.at)); nothing to do.",
          data: ["deal": .int(deal.id), "already_done": true, "by": .string(run.actor), "at": .string(run.at)]))
    }
    // The sales-to-CS rule: the one a won stage triggers.
    let won = Set(try workspace.stages().filter { $0.stageKind == .won }.map(\.id))
    guard let rule = try workspace.handoffRules(id: nil).first(where: { won.contains($0.triggerStage) }) else {
      return Replies.refused(
        "The workspace has no sales-to-CS handoff rule: add one under handoff_rules in the operating model (baton model export, then baton model apply).",
        reason: .noRule)
    }
    guard deal.stage == rule.triggerStage else {
      // What would make it possible: the move to the trigger stage, and what that move needs.
      let stages = try workspace.stages()
      var text = "Only a Closed-Won deal is handed off; deal \(deal.id) is in \(deal.stageName)."
      if let current = stages.first(where: { $0.id == deal.stage }),
        let target = stages.first(where: { $0.id == rule.triggerStage }),
        current.isOpen
      {
        let unmet = ExitCriteriaCheck.unmet(
          from: current, to: target, stages: stages, evidence: try workspace.evidence(forDeal: deal.id))
        text += " Once it is won: “move deal \(deal.id) to \(target.name)”"
        text +=
          unmet.isEmpty
          ? ", then hand it off."
          : ", which first needs:\n" + ExitCriteriaCheck.lines(unmet, deal: deal.id).joined(separator: "\n")
      }
      return Replies.refused(text, reason: .wrongStage, ["deal": .int(deal.id), "stage": .string(deal.stage)])
    }
    let evidence = try workspace.evidence(forDeal: deal.id)
    let missing = rule.requiredFields.filter { !evidence.contains("field:\($0)") }
    guard missing.isEmpty else {
      let names = missing.map { $0.replacingOccurrences(of: "_", with: " ") }
      return Replies.refused(
        "Deal \(deal.id) cannot be handed off: the \(rule.name.lowercased()) rule needs \(Replies.list(names)), which \(deal.owner ?? "the rep") must fill first: "
          + Replies.list(
            missing.map { "“" + EvidencePhrases.recordingLine(kind: "field", key: $0, deal: deal.id) + "”" })
          + ".",
        reason: .missingContext, ["deal": .int(deal.id), "missing": .array(missing.map(JSONValue.string))])
    }
    let account = try deal.accountID.flatMap { try workspace.account(id: $0) }
    let csm: Person
    let routed: Bool
    if let assigned = account?.csm {
      (csm, routed) = (assigned, false)
    } else if let least = try workspace.csmsByLoad().first?.person {
      (csm, routed) = (least, true)
    } else {
      return Replies.refused(
        "No customer success manager is in the workspace to take deal \(deal.id): add one to the operating model's people (baton model export, then baton model apply).",
        reason: .noCSM)
    }
    let due = request.today.adding(days: (rule.slaHours + 23) / 24)
    let title = "Onboarding kickoff for \(deal.name)"
    var steps = [String]()
    if routed {
      steps.append("assign \(csm.name) as CSM for \(account?.name ?? "the account") (fewest accounts)")
    } else {
      steps.append("notify \(csm.name), the CSM for \(account?.name ?? "the account")")
    }
    steps.append("create the task “\(title)” for \(csm.name), due \(due.iso) (SLA \(rule.slaHours) h)")
    steps.append("record the handoff")
    let data: [String: JSONValue] = [
      "deal": .int(deal.id), "csm": .string(csm.handle), "csm_routed": .bool(routed), "due": .string(due.iso),
      "rule": .string(rule.id),
    ]
    return .plan(
      Plan(
        summary: "Hand deal \(deal.id) (\(deal.name)) to customer success: " + Replies.list(steps) + ".",
        data: .object(data)
      ) {
        let (taskID, auditID) = try workspace.recordHandoff(
          dealID: deal.id, accountID: deal.accountID, csm: csm, assignCSM: routed, taskTitle: title, due: due,
          request.audit)
        var done = data
        done["task"] = .int(taskID)
        return Replies.done(
          "Handed deal \(deal.id) to customer success: \(csm.name) owns task \(taskID) “\(title)”, due \(due.iso). \(rule.acceptanceRule)",
          auditID: auditID, done)
      })
  }
}
