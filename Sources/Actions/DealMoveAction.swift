import BatonModel
import WorkspaceStore

/// `deal.move`: moves a deal between opportunity stages. Moving forward checks the exit
/// criteria of every stage left behind against the deal's evidence; RevOps may override with
/// a reason, which is recorded.
enum DealMoveAction {
  static let run: WorkflowHandler = { request, workspace in
    let deal: Deal
    switch try Lookup.deal(request, workspace) {
    case .found(let found): deal = found
    case .refused(let reply): return .reply(reply)
    }
    guard let stageID = request.key("stage") else { return .reply(Replies.missing("stage")) }
    let stages = try workspace.stages()
    guard let target = stages.first(where: { $0.id == stageID }),
      let current = stages.first(where: { $0.id == deal.stage })
    else { return .reply(Replies.notFound("stage \(stageID)")) }
    if let refusal = Permissions.requireOwnOrOps(owner: deal.ownerHandle, to: "moving deal \(deal.id)", request) {
      return refusal
    }
    guard target.id != current.id else {
      return .reply(
        Reply(kind: .answer, text: "Deal \(deal.id) is already in \(target.name).", data: ["stage": .string(target.id)])
      )
    }
    // Lifecycle and customer stages belong to leads and accounts.
    guard target.stageKind?.holdsDeals == true else {
      let names = stages.filter { $0.stageKind?.holdsDeals == true }.map(\.name)
      return Replies.refused(
        "\(target.name) is not a deal stage; deals move between \(Replies.list(names)).", reason: .notADealStage)
    }
    if !current.isOpen, let refusal = Permissions.require(.revops, to: "reopening a closed deal", request) {
      return refusal
    }
    let reason = request.key("reason")
    // Criteria are checked only when moving forward to an open or won stage; losing a deal
    // or moving it back needs no evidence.
    let unmet = ExitCriteriaCheck.unmet(
      from: current, to: target, stages: stages, evidence: try workspace.evidence(forDeal: deal.id))
    let unmetData: JSONValue = .array(
      unmet.map {
        ["stage": .string($0.0.id), "criterion": .string($0.1.wording), "evidence": .string($0.1.evidenceDescription)]
      })
    if !unmet.isEmpty {
      guard let reason else {
        let list = ExitCriteriaCheck.lines(unmet, deal: deal.id)
        return Replies.refused(
          "Deal \(deal.id) cannot move to \(target.name): \(Replies.count(unmet.count, "exit criterion", "exit criteria")) unmet.\n"
            + list.joined(separator: "\n")
            + "\nRecord the evidence with the line beside each, or (RevOps) override: move deal \(deal.id) to \(target.name) anyway because …",
          reason: .exitCriteria, ["unmet": unmetData, "deal": .int(deal.id), "stage": .string(target.id)])
      }
      if let refusal = Permissions.require(.revops, to: "overriding exit criteria", request) { return refusal }
    }
    let closes = target.isClosed
    var summary = "Move deal \(deal.id) (\(deal.name)) from \(current.name) to \(target.name)"
    if closes { summary += ", closing it on \(request.today.iso)" }
    summary += "."
    if !unmet.isEmpty, let reason {
      summary +=
        " Overriding \(Replies.count(unmet.count, "unmet exit criterion", "unmet exit criteria")) because \(reason)."
    }
    let data: [String: JSONValue] = [
      "deal": .int(deal.id), "from": .string(current.id), "to": .string(target.id),
      "override_reason": unmet.isEmpty ? .null : reason.map(JSONValue.string) ?? .null, "unmet": unmetData,
    ]
    return .plan(
      Plan(summary: summary, data: .object(data)) {
        let auditID = try workspace.moveDeal(
          id: deal.id, from: current.id, to: target.id, on: request.today, closes: closes,
          note: unmet.isEmpty ? nil : reason, request.audit)
        var text = "Moved deal \(deal.id) to \(target.name)."
        if !unmet.isEmpty { text += " Override recorded: \(reason ?? "")." }
        if target.stageKind == .won { text += " Next: trigger handoff for deal \(deal.id)." }
        return Replies.done(text, auditID: auditID, data)
      })
  }
}
