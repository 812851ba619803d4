import BatonModel
import WorkspaceStore

/// Looking at deals: one deal, or a list by stage, owner or account.
enum DealActions {
  /// `deal.show`: stage, owner, amount, dates, and which exit criteria the deal meets.
  static let show: ActionHandler = { request, workspace in
    let deal: Deal
    switch try Lookup.deal(request, workspace) {
    case .found(let found): deal = found
    case .refused(let reply): return reply
    }
    let currency = try workspace.setting("currency") ?? "USD"
    var lines = ["Deal \(deal.id): \(deal.name)"]
    lines.append("  Account: \(deal.account ?? "-")   Owner: \(deal.owner ?? "-")")
    let stage = try workspace.stage(id: deal.stage)
    var stageLine = "  Stage: \(deal.stageName)"
    if let category = stage?.forecastCategory, let probability = stage?.probability {
      stageLine += " (\(category), \(probability) %)"
    }
    stageLine += ", since \(deal.stageChangedDate.iso) (\(deal.stageChangedDate.days(to: request.today)) days)"
    lines.append(stageLine)
    lines.append(
      "  Amount: \(deal.amount.map { Money.format($0, currency: currency) } ?? "-")   Close date: \(deal.closeDate?.iso ?? "-")   Created: \(deal.createdDate.iso)"
    )
    var data: [String: JSONValue] = [
      "id": .int(deal.id), "name": .string(deal.name), "crm_id": deal.crmID.map(JSONValue.string) ?? .null,
      "account": deal.account.map(JSONValue.string) ?? .null, "owner": deal.owner.map(JSONValue.string) ?? .null,
      "stage": .string(deal.stage), "amount": deal.amount.map(JSONValue.int) ?? .null,
      "close_date": deal.closeDate.map { .string($0.iso) } ?? .null, "created_date": .string(deal.createdDate.iso),
      "stage_changed_date": .string(deal.stageChangedDate.iso),
    ]
    let (evidence, fields) = try workspace.evidenceAndFields(forDeal: deal.id)
    if let criteria = stage?.exitCriteria, !criteria.isEmpty {
      let unmet = ExitCriteriaCheck.missing(criteria, evidence: evidence)
      let met = criteria.count - unmet.count
      var line = "  Exit criteria for \(deal.stageName): \(met) of \(criteria.count) met"
      if !unmet.isEmpty { line += "; missing: " + unmet.map(\.wording).joined(separator: "; ") }
      lines.append(line + ".")
      if !unmet.isEmpty {
        let records = unmet.map {
          "“" + EvidencePhrases.recordingLine(kind: $0.evidenceKind, key: $0.evidenceKey, deal: deal.id) + "”"
        }
        lines.append("  To record \(unmet.count == 1 ? "it" : "them"): " + Replies.list(records) + ".")
      }
      data["exit_criteria_met"] = .int(Int64(met))
      data["exit_criteria_missing"] = .array(unmet.map { .string($0.wording) })
    }
    if !fields.isEmpty {
      lines.append("  " + fields.map { "\($0.name): \($0.value)" }.joined(separator: "   "))
      data["fields"] = .object(
        Dictionary(fields.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { a, _ in a }))
    }
    return Reply(kind: .answer, text: lines.joined(separator: "\n"), data: .object(data))
  }

  /// `deal.list`: open deals filtered by stage, owner ("my deals" is the actor's), account,
  /// segment, territory, team or close date; the largest first when the line asks for a top N.
  static let list: ActionHandler = { request, workspace in
    let reading: DealFilters.Reading
    switch try DealFilters.read(request, workspace) {
    case .found(let found): reading = found
    case .refused(let reply): return reply
    }
    var filter = reading.filter
    let limit = reading.top ?? 25
    filter.limit = limit + 1
    let deals = try workspace.deals(filter)
    let noun = filter.stage == nil ? "open deals" : "deals"
    let head = reading.top.map { "The \($0) largest \(noun)" } ?? noun.prefix(1).uppercased() + noun.dropFirst()
    let description = head + (reading.description.isEmpty ? "" : " " + reading.description.joined(separator: ", "))
    guard !deals.isEmpty else {
      return Reply(kind: .answer, text: "\(description): none.", data: ["deals": []])
    }
    let currency = try workspace.setting("currency") ?? "USD"
    let shown = deals.prefix(limit)
    let table = Table(
      header: ["#", "Deal", "Account", "Owner", "Stage", "Amount", "Close"],
      rows: shown.map { deal in
        [
          String(deal.id), deal.name, deal.account ?? "-", deal.owner ?? "-", deal.stageName,
          deal.amount.map { Money.format($0, currency: currency) } ?? "-", deal.closeDate?.iso ?? "-",
        ]
      },
      alignments: [.right, .left, .left, .left, .left, .right, .left])
    var blocks: [Block] = [.text("\(description):"), .table(table)]
    if deals.count > limit && reading.top == nil {
      blocks.append(.text("Showing the first \(limit); narrow by stage, owner, account or close date."))
    }
    return Reply(
      kind: .table, blocks: blocks,
      data: [
        "deals": .array(
          shown.map { deal in
            [
              "id": .int(deal.id), "name": .string(deal.name), "account": deal.account.map(JSONValue.string) ?? .null,
              "owner": deal.owner.map(JSONValue.string) ?? .null, "stage": .string(deal.stage),
              "amount": deal.amount.map(JSONValue.int) ?? .null,
              "close_date": deal.closeDate.map { .string($0.iso) } ?? .null,
            ]
          }), "truncated": .bool(deals.count > limit && reading.top == nil),
      ])
  }
}
