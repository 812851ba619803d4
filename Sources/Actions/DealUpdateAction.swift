import BatonModel
import WorkspaceStore

/// `deal.update`: records one thing on a deal: evidence an exit criterion or handoff rule
/// checks ("budget confirmed on deal 42"), or its amount, close date, name or owner. The
/// deal's owner or an ops user may; each is confirmed, audited and undoable.
enum DealUpdateAction {
  /// Values that say a piece of evidence is there.
  static let affirmative: Set<String> = [
    "yes", "y", "true", "done", "confirmed", "complete", "completed", "ok", "received", "sent", "signed", "approved",
  ]

  /// Whether `value` says the evidence is there: a yes ("signed by legal", "confirmed by the
  /// CFO"), with no negation in it.
  static func saysYes(_ value: String) -> Bool {
    let words = value.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    guard let first = words.first, affirmative.contains(first) else { return false }
    return !words.contains { ["not", "no", "never", "nothing", "without"].contains($0) }
  }

  /// Values that say it is not.
  static let negative: Set<String> = [
    "no", "n", "false", "not", "none", "unconfirmed", "missing", "pending", "tbd", "not yet", "nope", "0", "off",
  ]

  static let run: WorkflowHandler = { request, workspace in
    let deal: Deal
    switch try Lookup.deal(request, workspace) {
    case .found(let found): deal = found
    case .refused(let reply): return .reply(reply)
    }
    if let refusal = Permissions.requireOwnOrOps(owner: deal.ownerHandle, to: "updating deal \(deal.id)", request) {
      return refusal
    }
    guard let field = field(request) else {
      return .reply(
        Reply(
          kind: .question,
          text:
            "What should I record on deal \(deal.id)? Its amount, close date, name or owner, or evidence such as “budget confirmed on deal \(deal.id)”.",
          data: ["deal": .int(deal.id), "missing": "field"]))
    }
    let money = try Formatter(workspace)
    var data: [String: JSONValue] = ["deal": .int(deal.id), "field": .string(field)]
    let update: DealUpdate
    let summary: String
    let doneText: String
    var recordsCurrentStage = false
    switch field {
    case "amount":
      guard let amount = request.number("amount"), amount >= 0 else { return .reply(Replies.missing("amount")) }
      guard amount <= Money.largest else {
        return .reply(
          .refused(
            "Not done: \(money(amount)) is more than a deal can be (at most \(money(Money.largest))).",
            reason: .invalidNumber, ["amount": .int(amount)]))
      }
      update = .amount(amount)
      let was = deal.amount.map { money($0) } ?? "none"
      summary = "Set deal \(deal.id)'s amount from \(was) to \(money(amount))."
      doneText = "Deal \(deal.id)'s amount is now \(money(amount)) (was \(was))."
      data["value"] = .int(amount)
    case "close_date":
      guard let key = request.key("date"), let day = Day(iso: key) else { return .reply(Replies.missing("date")) }
      update = .closeDate(day)
      summary = "Move deal \(deal.id)'s close date from \(deal.closeDate?.iso ?? "none") to \(day.iso)."
      doneText = "Deal \(deal.id) now closes on \(day.iso) (was \(deal.closeDate?.iso ?? "none"))."
      data["value"] = .string(day.iso)
    case "owner":
      let owner: Person
      switch try Lookup.person("person", request, workspace) {
      case .found(let found): owner = found
      case .refused(let reply): return .reply(reply)
      }
      update = .owner(owner)
      summary = "Give deal \(deal.id) (\(deal.name)) to \(owner.name), from \(deal.owner ?? "no one")."
      doneText = "Deal \(deal.id) is now \(owner.name)'s (was \(deal.owner ?? "no one")'s)."
      data["value"] = .string(owner.handle)
    case "name":
      guard let name = request.key("name"), !name.isEmpty else { return .reply(Replies.missing("name")) }
      update = .name(name)
      summary = "Rename deal \(deal.id) from “\(deal.name)” to “\(name)”."
      doneText = "Deal \(deal.id) is now called “\(name)” (was “\(deal.name)”)."
      data["value"] = .string(name)
    default:
      let parts = field.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        return Replies.refused(
          "A deal's amount, close date, name, owner or exit-criteria evidence can be recorded here, not its \(field.replacingUnderscores).",
          reason: .notFound)
      }
      let (kind, key) = (parts[0], parts[1])
      // A field of the team's own holds a value the line gives ("set the competitor on deal
      // 42 to Acme").
      if kind == "field", let own = try workspace.dealFields().first(where: { $0.key == key }) {
        guard let value = request.key("value"), !value.isEmpty else {
          return .reply(
            Reply(
              kind: .question,
              text:
                "What is deal \(deal.id)'s \(own.name)? For example: set the \(own.name.lowercased()) on deal \(deal.id) to …",
              data: ["deal": .int(deal.id), "missing": "value"]))
        }
        let was = try workspace.dealFieldValues(forDeal: deal.id).first { $0.name == own.name }?.value
        update = .evidence(kind: kind, key: key, value: value)
        summary = "Set deal \(deal.id)'s \(own.name) to “\(value)”" + (was.map { " (was “\($0)”)" } ?? "") + "."
        doneText = "Deal \(deal.id)'s \(own.name) is now “\(value)”."
        data["value"] = .string(value)
        break
      }
      let label = key.replacingUnderscores
      // Evidence is there or not: a value that is not a yes ("set budget confirmed on deal 42
      // to no") is never recorded as one.
      if let value = request.key("value"), !value.isEmpty, !Self.saysYes(value) {
        let negative = Self.negative.contains(value.lowercased())
        return Replies.refused(
          "Not done: \(label) is recorded when it is so; “\(value)” is \(negative ? "its absence" : "not a yes"), so nothing was recorded."
            + (negative ? " If it was recorded by mistake, undo the change that recorded it." : ""),
          reason: .notEvidence, ["deal": .int(deal.id), "field": .string(field), "value": .string(value)])
      }
      if try workspace.evidence(forDeal: deal.id).contains(field) {
        return .reply(
          Reply(kind: .answer, text: "Deal \(deal.id) already has \(label) recorded.", data: .object(data)))
      }
      update = .evidence(kind: kind, key: key)
      let criterion = try workspace.stages().lazy.flatMap { stage in
        stage.exitCriteria.map { (stage, $0) }
      }.first { $0.1.evidenceKind == kind && $0.1.evidenceKey == key }
      // Who the line says gave the evidence ("CS accepted the handoff") is part of the record's story.
      let by = try request.key("by").flatMap { try workspace.team(id: $0)?.name }.map { ", from \($0)" } ?? ""
      let detail =
        "\(label) on deal \(deal.id)\(by)"
        + (criterion.map { " (\($0.0.name)'s exit criterion “\($0.1.wording)”)" } ?? "")
      summary = "Record \(detail)."
      doneText = "Recorded \(detail)."
      recordsCurrentStage = criterion?.0.id == deal.stage
    }
    return .plan(
      Plan(summary: summary, data: .object(data)) {
        let auditID = try workspace.updateDeal(id: deal.id, update, request.audit)
        var text = doneText
        if recordsCurrentStage, let next = try nextStep(for: deal, workspace) { text += " " + next }
        return Replies.done(text, auditID: auditID, data)
      })
  }

  /// The field the line names, or the one its value implies when it gives only one value
  /// ("set deal 42 to 400k" is an amount; "push deal 42 to Dec 15" a close date).
  private static func field(_ request: ActionRequest) -> String? {
    if let field = request.key("field") { return field }
    let given = [("amount", "amount"), ("date", "close_date"), ("person", "owner"), ("name", "name")].filter {
      request.key($0.0) != nil
    }
    return given.count == 1 ? given[0].1 : nil
  }

  /// What the deal can do now that its current stage's exit criteria may all be met.
  private static func nextStep(for deal: Deal, _ workspace: any WorkspaceAccess) throws -> String? {
    let stages = try workspace.stages()
    guard let index = stages.firstIndex(where: { $0.id == deal.stage }), stages[index].isOpen else { return nil }
    let evidence = try workspace.evidence(forDeal: deal.id)
    let unmet = ExitCriteriaCheck.missing(stages[index].exitCriteria, evidence: evidence)
    guard unmet.isEmpty else {
      return "Still unmet in \(stages[index].name): " + unmet.map(\.wording).joined(separator: "; ") + "."
    }
    guard let next = stages[(index + 1)...].first(where: { $0.stageKind?.holdsDeals == true }) else { return nil }
    return "\(stages[index].name)'s exit criteria are all met: move deal \(deal.id) to \(next.name)."
  }
}
