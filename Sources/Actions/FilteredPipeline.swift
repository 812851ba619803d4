import BatonModel
import WorkspaceStore

/// The open pipeline of some deals only ("Riley's pipeline", "the Enterprise pipeline by
/// owner"): summed from the deals the filter picks, grouped as the whole pipeline is. The
/// week's change and the coverage are the whole pipeline's figures, so they are left out
/// and the reply says so.
enum FilteredPipeline {
  static func reply(
    _ reading: DealFilters.Reading, grouping: PipelineGrouping, _ request: ActionRequest,
    _ workspace: any WorkspaceAccess
  ) throws -> Reply {
    var filter = reading.filter
    filter.limit = 1_000_000
    let deals = try workspace.deals(filter)
    let stages = Dictionary(uniqueKeysWithValues: try workspace.stages().map { ($0.id, $0) })
    let money = try Formatter(workspace)
    let description = reading.description.joined(separator: ", ")
    guard !deals.isEmpty else {
      return Reply(
        kind: .answer, text: "No open deals \(description).", data: ["groups": [], "filter": filters(reading)])
    }
    var accounts: [Int64: Account] = [:]
    var groups: [(key: String, name: String, count: Int, amount: Int64, weighted: Int64)] = []
    var place: [String: Int] = [:]
    for deal in deals {
      let stage = stages[deal.stage]
      let key: (String, String)
      switch grouping {
      case .stage: key = (deal.stage, deal.stageName)
      case .category: key = (stage?.forecastCategory ?? "", stage?.forecastCategory ?? "(none)")
      case .owner: key = (deal.ownerHandle ?? "", deal.owner ?? "(no owner)")
      case .account: key = (deal.accountID.map(String.init) ?? "", deal.account ?? "(no account)")
      case .segment, .territory:
        if let id = deal.accountID, accounts[id] == nil { accounts[id] = try workspace.account(id: id) }
        let account = deal.accountID.flatMap { accounts[$0] }
        let value = grouping == .segment ? account?.segment : account?.territory
        key = (value ?? "", value ?? "(no \(grouping.rawValue))")
      }
      let amount = deal.amount ?? 0
      let weighted = amount * Int64(stage?.probability ?? 0) / 100
      if let index = place[key.0] {
        groups[index].count += 1
        groups[index].amount += amount
        groups[index].weighted += weighted
      } else {
        place[key.0] = groups.count
        groups.append((key.0, key.1, 1, amount, weighted))
      }
    }
    if grouping == .stage {
      groups.sort { (stages[$0.key]?.position ?? 0) < (stages[$1.key]?.position ?? 0) }
    } else {
      groups.sort { $0.amount != $1.amount ? $0.amount > $1.amount : $0.name < $1.name }
    }
    let count = groups.reduce(0) { $0 + $1.count }
    let amount = groups.reduce(Int64(0)) { $0 + $1.amount }
    let weighted = groups.reduce(Int64(0)) { $0 + $1.weighted }
    let table = Table(
      header: [
        grouping.rawValue.prefix(1).uppercased() + grouping.rawValue.dropFirst(), "Deals", "Amount", "Weighted",
      ],
      rows: groups.map { [$0.name, String($0.count), money($0.amount), money($0.weighted)] }
        + [["Total", String(count), money(amount), money(weighted)]],
      alignments: [.left, .right, .right, .right])
    return Reply(
      kind: .table,
      blocks: [
        .text("Open pipeline \(description), by \(grouping.rawValue):"), .table(table),
        .chart(
          BarChart(bars: groups.map { .init(label: $0.name, value: Double($0.amount), display: money($0.amount)) })),
        .text("The week's change and the coverage are the whole pipeline's; ask “summarize the pipeline” for them."),
      ],
      data: request.data {
        [
          "group_by": .string(grouping.rawValue), "filter": filters(reading),
          "groups": .array(
            groups.map {
              [
                "key": .string($0.key), "name": .string($0.name), "count": .int(Int64($0.count)),
                "amount": .int($0.amount), "weighted": .int($0.weighted),
              ]
            }),
          "total": ["count": .int(Int64(count)), "amount": .int(amount), "weighted": .int(weighted)],
        ]
      })
  }

  /// The filter as `--json` prints it.
  private static func filters(_ reading: DealFilters.Reading) -> JSONValue {
    let filter = reading.filter
    var object: [String: JSONValue] = [:]
    if let value = filter.stage { object["stage"] = .string(value) }
    if let value = filter.ownerHandle { object["owner"] = .string(value) }
    if let value = filter.accountID { object["account"] = .int(value) }
    if let value = filter.segment { object["segment"] = .string(value) }
    if let value = filter.territory { object["territory"] = .string(value) }
    if let value = filter.team { object["team"] = .string(value) }
    return .object(object)
  }
}
