import BatonModel
import WorkspaceStore

/// `account.show`: one account as a record: who owns it, its customer success manager, its
/// segment and territory, and its open deals.
enum AccountShowAction {
  static let run: ActionHandler = { request, workspace in
    guard let key = request.key("account") else { return Replies.missing("account") }
    guard let id = Int64(key), let account = try workspace.account(id: id) else {
      return Replies.notFound("account \(request.slots["account"]?.value.display ?? key)")
    }
    let deals = try workspace.deals(stage: nil, ownerHandle: nil, accountID: id, includeClosed: false, limit: 11)
    let currency = try workspace.setting("currency") ?? "USD"
    var lines = [
      "\(account.name): owned by \(account.owner.map { "\($0.name) (\($0.title))" } ?? "no one")"
        + "; customer success: \(account.csm.map(\.name) ?? "no CSM yet")."
    ]
    let place = [account.segment, account.territory].compactMap { $0 }
    if !place.isEmpty { lines.append("  Segment and territory: \(place.joined(separator: ", ")).") }
    if deals.isEmpty {
      lines.append("  No open deals.")
    } else {
      let total = deals.prefix(10).compactMap(\.amount).reduce(0, +)
      let more = deals.count > 10 ? " (the first 10 of more)" : ""
      lines.append(
        "  Open deals\(more): "
          + deals.prefix(10).map { "#\($0.id) \($0.name) (\($0.stageName))" }.joined(separator: "; ")
          + ", worth \(Money.format(total, currency: currency)).")
    }
    let person = { (person: Person?) -> JSONValue in
      person.map { ["handle": .string($0.handle), "name": .string($0.name)] } ?? .null
    }
    return Reply(
      kind: .answer, text: lines.joined(separator: "\n"),
      data: [
        "id": .int(account.id), "name": .string(account.name), "owner": person(account.owner),
        "csm": person(account.csm), "segment": account.segment.map(JSONValue.string) ?? .null,
        "territory": account.territory.map(JSONValue.string) ?? .null,
        "open_deals": .array(deals.prefix(10).map { .int($0.id) }), "truncated": .bool(deals.count > 10),
      ])
  }
}
