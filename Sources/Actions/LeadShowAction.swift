import BatonModel
import WorkspaceStore

/// `lead.show`: a lead's status, score, owner, company, segment and territory.
enum LeadShowAction {
  static let run: ActionHandler = { request, workspace in
    let lead: Lead
    switch try Lookup.record(.lead, request, workspace, fetch: workspace.lead(id:)) {
    case .found(let found): lead = found
    case .refused(let reply): return reply
    }
    let status = statusNames[lead.status] ?? lead.status
    let owner =
      lead.owner.map { "with \($0.name)" }
      ?? (lead.status == "disqualified" ? "not routed" : "not routed yet (route lead \(lead.id) assigns a rep)")
    let place = [lead.segment, lead.territory].compactMap { $0 }
    let text =
      "Lead \(lead.id): \(lead.name) at \(lead.company): \(status), score \(lead.score), \(owner)."
      + (place.isEmpty ? "" : "\n  Segment and territory: \(place.joined(separator: ", ")).")
    return Reply(
      kind: .answer, text: text,
      data: [
        "id": .int(lead.id), "name": .string(lead.name), "company": .string(lead.company),
        "status": .string(lead.status), "score": .int(Int64(lead.score)),
        "owner": lead.owner.map { .string($0.handle) } ?? .null,
        "segment": lead.segment.map(JSONValue.string) ?? .null,
        "territory": lead.territory.map(JSONValue.string) ?? .null,
      ])
  }

  private static let statusNames = [
    "new": "new", "mql": "MQL (marketing qualified)", "sal": "SAL (sales accepted)", "sql": "SQL (sales qualified)",
    "disqualified": "disqualified",
  ]
}
