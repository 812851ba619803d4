import BatonModel
import WorkspaceStore

/// `lead.route`: picks a rep by the workspace's routing rules (segment or territory, then
/// capacity, then round-robin) and says why that rep.
enum LeadRouteAction {
  static let run: WorkflowHandler = { request, workspace in
    if let refusal = Permissions.require(.ops, to: "routing leads", request) { return refusal }
    let lead: Lead
    switch try Lookup.record(.lead, request, workspace, fetch: workspace.lead(id:)) {
    case .found(let found): lead = found
    case .refused(let reply): return .reply(reply)
    }
    let id = lead.id
    if request.key("person") != nil { return try toNamedRep(lead, request, workspace) }
    if let owner = lead.owner {
      return .reply(
        Reply(
          kind: .answer, text: "Lead \(id) (\(lead.name), \(lead.company)) is already with \(owner.name).",
          data: ["lead": .int(id), "owner": .string(owner.handle), "already_done": true]))
    }
    guard lead.status != "disqualified" else {
      return Replies.refused("Lead \(id) is disqualified; it is not routed.", reason: .disqualified)
    }
    guard let territory = lead.territory else {
      return Replies.refused(
        "Lead \(id) has no territory, so no routing rule applies; assign it by hand.", reason: .noTerritory)
    }
    let candidates = try workspace.routingCandidates(territory: territory, segment: lead.segment)
    guard !candidates.isEmpty else {
      return Replies.refused(
        "No routing rule covers the \(territory) territory: add one under routing_rules in the operating model (baton model export, then baton model apply), or assign lead \(id) by hand in the CRM.",
        reason: .noRule)
    }
    // Segment rules first; then whoever has room; then the most room; then whoever routing
    // served longest ago (round-robin).
    let specific = candidates.filter { $0.segment != nil }
    let pool = specific.contains { $0.openLeads < $0.capacity } ? specific : candidates.filter { $0.segment == nil }
    let open = pool.filter { $0.openLeads < $0.capacity }
    guard
      let chosen = open.min(by: { a, b in
        (a.capacity - a.openLeads, b.lastRouted ?? "") > (b.capacity - b.openLeads, a.lastRouted ?? "")
      })
    else {
      let loads = pool.map { "\($0.person.name) \($0.openLeads)/\($0.capacity)" }
      return Replies.refused(
        "Every rep for \(territory) is at capacity (\(Replies.list(loads))): raise a capacity under routing_rules in the operating model (baton model export, then baton model apply), or assign lead \(id) by hand in the CRM.",
        reason: .atCapacity)
    }
    let loads = open.map { "\($0.person.name) holds \($0.openLeads) of \($0.capacity)" }
    let tie = open.filter { $0.capacity - $0.openLeads == chosen.capacity - chosen.openLeads }.count > 1
    let why =
      "\(chosen.segment.map { "\($0) " } ?? "")\(territory) is covered by \(Replies.list(pool.map(\.person.name))); "
      + "\(Replies.list(loads)) open leads; \(chosen.person.name) has the most room"
      + (tie ? " and was routed to least recently" : "") + "."
    let data: [String: JSONValue] = [
      "lead": .int(id), "rep": .string(chosen.person.handle), "territory": .string(territory), "why": .string(why),
    ]
    return .plan(
      Plan(
        summary: "Route lead \(id) (\(lead.name), \(lead.company)) to \(chosen.person.name). Why: \(why)",
        data: .object(data)
      ) {
        let auditID = try workspace.routeLead(id: id, to: chosen.person, replacing: nil, reason: why, request.audit)
        return Replies.done("Routed lead \(id) to \(chosen.person.name). \(why)", auditID: auditID, data)
      })
  }

  /// The lead given to the rep the line names ("assign lead 9 to Quinn"), in place of the
  /// rules' pick, or of the rep who has it.
  private static func toNamedRep(_ lead: Lead, _ request: ActionRequest, _ workspace: any WorkspaceAccess) throws
    -> Outcome
  {
    let rep: Person
    switch try Lookup.person("person", request, workspace) {
    case .found(let found): rep = found
    case .refused(let reply): return .reply(reply)
    }
    let id = lead.id
    let data: [String: JSONValue] = ["lead": .int(id), "rep": .string(rep.handle)]
    if lead.owner?.handle == rep.handle {
      return .reply(
        Reply(
          kind: .answer, text: "Lead \(id) (\(lead.name), \(lead.company)) is already with \(rep.name).",
          data: .object(data.merging(["already_done": true]) { _, new in new })))
    }
    guard rep.role != .viewer else {
      return Replies.refused("\(rep.name) is a viewer, who asks only: a lead goes to a rep.", reason: .permission)
    }
    guard lead.status != "disqualified" else {
      return Replies.refused("Lead \(id) is disqualified; it is not routed.", reason: .disqualified)
    }
    let was = lead.owner.map { " (was \($0.name))" } ?? ""
    let why = "\(rep.name), as asked, rather than by the routing rules."
    return .plan(
      Plan(
        summary: "Give lead \(id) (\(lead.name), \(lead.company)) to \(rep.name)\(was), as asked.", data: .object(data)
      ) {
        let auditID = try workspace.routeLead(
          id: id, to: rep, replacing: lead.owner?.id, reason: why, request.audit)
        return Replies.done("Gave lead \(id) to \(rep.name)\(was).", auditID: auditID, data)
      })
  }
}
