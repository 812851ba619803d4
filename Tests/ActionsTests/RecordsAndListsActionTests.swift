import Actions
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// `account.show`, `lead.show`, `catalog.list` and `session.whoami`: records and lists as
/// the workspace has them.
@Suite(.tags(.fast)) struct RecordsAndListsActionTests {
  let harness: ActionHarness

  init() throws { harness = try ActionHarness() }

  @Test func anAccountShowsItsOwnerCSMAndOpenDeals() throws {
    let account = try #require(try harness.workspace.account(id: 1))
    let owner = try #require(account.owner)
    let csm = try #require(account.csm)
    let reply = try harness.ask(
      "account.show", ["account": EntityValue(kind: .account, key: "1", display: account.name)])
    #expect(
      reply.firstLine == "\(account.name): owned by \(owner.name) (\(owner.title)); customer success: \(csm.name).")
    let open = try harness.workspace.deals(stage: nil, ownerHandle: nil, accountID: 1, includeClosed: false, limit: 10)
    #expect(reply.object["open_deals"] == .array(open.map { .int($0.id) }))
    #expect(reply.object["csm"] == ["handle": .string(csm.handle), "name": .string(csm.name)])
  }

  @Test func aLeadShowsItsStatusScoreAndOwner() throws {
    let lead = try #require(try harness.workspace.lead(id: 17))
    let reply = try harness.ask("lead.show", ["lead": Slot.lead(17)])
    #expect(reply.firstLine.hasPrefix("Lead 17: \(lead.name) at \(lead.company): "))
    #expect(reply.firstLine.contains("score \(lead.score)"))
    #expect(reply.object["status"] == .string(lead.status))
    let missing = try harness.ask("lead.show", ["lead": Slot.lead(9999)])
    #expect(missing.refusalReason == .notFound)
  }

  /// Each list has every row the workspace holds, in its order.
  @Test func everyListHasWhatTheWorkspaceHolds() throws {
    let workspace = harness.workspace
    let expected: [(String, [String])] = [
      ("stages", try workspace.stages().map(\.id)), ("teams", try workspace.teams().map(\.id)),
      ("people", try workspace.people().map(\.handle)), ("handoffs", try workspace.handoffRules(id: nil).map(\.id)),
      ("metrics", try workspace.metrics().map(\.id)), ("responsibilities", try workspace.responsibilities().map(\.id)),
    ]
    for (kind, keys) in expected {
      #expect(!keys.isEmpty, "the demo has \(kind)")
      let reply = try harness.ask("catalog.list", ["kind": EntityValue(kind: .catalog, key: kind, display: kind)])
      guard case .array(let items)? = reply.object["items"] else {
        Issue.record("\(kind): no items")
        continue
      }
      #expect(items.compactMap { $0.object?["key"]?.string } == keys, "\(kind)")
    }
  }

  /// Who am I says the role and what it may do, as the workflows' checks enforce it.
  @Test(arguments: [("casey", Role.viewer), ("sam", .rep), ("priya", .ops), ("jordan", .revops)])
  func whoAmISaysTheRoleAndWhatItAllows(_ handle: String, _ role: Role) throws {
    let reply = try harness.ask("session.whoami", as: handle)
    #expect(reply.object["role"] == .string(role.rawValue))
    let may = reply.object["may"]?.array?.compactMap(\.string) ?? []
    #expect(may.contains("approve or reject change requests") == (role >= .revops), "\(handle)")
    #expect(may.contains("route leads") == (role >= .ops), "\(handle)")
    #expect(may.contains("complete your own tasks") == (role >= .rep), "\(handle)")
  }
}
