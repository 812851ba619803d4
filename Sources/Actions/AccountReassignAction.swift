import BatonModel
import WorkspaceStore

/// `account.reassign`: gives an account a new owner, then offers to move its open deals too.
enum AccountReassignAction {
  static let run: WorkflowHandler = { request, workspace in
    if let refusal = Permissions.require(.ops, to: "reassigning accounts", request) { return refusal }
    let account: Account
    let owner: Person
    switch try found(request, workspace) {
    case .found(let pair): (account, owner) = pair
    case .refused(let reply): return .reply(reply)
    }
    let deals = try workspace.openDealIDs(accountID: account.id, notOwnedBy: owner.id)
    guard account.owner?.id != owner.id else {
      return .reply(
        Reply(kind: .answer, text: "\(account.name) is already owned by \(owner.name).", data: ["already_done": true]))
    }
    let data: [String: JSONValue] = [
      "account": .int(account.id), "from": account.owner.map { .string($0.handle) } ?? .null,
      "to": .string(owner.handle), "open_deals": .array(deals.map(JSONValue.int)),
    ]
    let followUp =
      deals.isEmpty
      ? nil
      : FollowUp(
        question:
          "\(account.name) has \(deals.count) open deal\(deals.count == 1 ? "" : "s") owned by others (\(Replies.list(deals.map { "deal \($0)" }))). Move \(deals.count == 1 ? "it" : "them") to \(owner.name) too?",
        action: "account.move_deals")
    return .plan(
      Plan(
        summary: "Reassign \(account.name) from \(account.owner?.name ?? "no one") to \(owner.name).",
        data: .object(data),
        followUp: followUp
      ) {
        let auditID = try workspace.reassignAccount(id: account.id, to: owner, request.audit)
        return Replies.done("\(account.name) is now owned by \(owner.name).", auditID: auditID, data)
      })
  }

  /// The follow-up: the account's open deals move to its new owner.
  static let moveDeals: WorkflowHandler = { request, workspace in
    if let refusal = Permissions.require(.ops, to: "reassigning deals", request) { return refusal }
    let account: Account
    let owner: Person
    switch try found(request, workspace) {
    case .found(let pair): (account, owner) = pair
    case .refused(let reply): return .reply(reply)
    }
    let deals = try workspace.openDealIDs(accountID: account.id, notOwnedBy: owner.id)
    guard !deals.isEmpty else {
      return .reply(
        Reply(kind: .answer, text: "\(account.name) has no open deals owned by others.", data: ["deals": []]))
    }
    return .plan(
      Plan(
        summary: "Move \(Replies.list(deals.map { "deal \($0)" })) of \(account.name) to \(owner.name).",
        data: ["deals": .array(deals.map(JSONValue.int))]
      ) {
        let (moved, auditID) = try workspace.reassignOpenDeals(accountID: account.id, to: owner, request.audit)
        return Replies.done(
          "Moved \(Replies.list(moved.map { "deal \($0)" })) to \(owner.name).", auditID: auditID,
          ["deals": .array(moved.map(JSONValue.int)), "to": .string(owner.handle)])
      })
  }

  private static func found(_ request: ActionRequest, _ workspace: any WorkspaceAccess) throws -> Found<
    (Account, Person)
  > {
    guard let key = request.key("account") else { return .refused(Replies.missing("account")) }
    guard let id = Int64(key), let account = try workspace.account(id: id) else {
      return .refused(Replies.notFound("account \(key)"))
    }
    switch try Lookup.person("person", request, workspace) {
    case .found(let owner): return .found((account, owner))
    case .refused(let reply): return .refused(reply)
    }
  }
}
