import BatonModel
import WorkspaceStore

/// `metric.value`: a metric computed from the workspace for a period (this quarter unless
/// named), with the formula and the count of deals behind it. Where the workspace lacks the
/// data, the answer says which, and gives no number.
enum MetricValueAction {
  /// What a computed figure says, and how it was computed.
  struct Figure {
    var text: String
    var value: JSONValue
    var formula: String
    var deals: Int
  }

  /// The data a metric needs that a deals workspace does not hold.
  static let missingData: [String: String] = [
    "arr": "subscription records (recurring revenue per customer)",
    "nrr": "subscription records at the start and end of the period (expansion, contraction and churn)",
    "cltv": "revenue and churn per customer over time",
    "gtm-efficiency": "sales and marketing spend",
    "forecast-accuracy": "forecast snapshots taken before the period closed",
    "quota-attainment": "quotas per rep",
    "lead-response-time": "when each lead was first contacted",
  ]

  /// The metrics computed from deals.
  static let computed: Set<String> = [
    "win-rate", "average-deal-size", "sales-cycle-length", "pipeline-coverage", "deal-velocity",
  ]

  static let run: ActionHandler = { request, workspace in
    guard let id = request.key("metric") else { return Replies.missing("metric") }
    guard let metric = try workspace.metric(id: id) else { return Replies.notFound("metric \(id)") }
    let period = request.key("period").flatMap(Period.init(key:)) ?? Period(quarter: request.today.quarter)
    if let needs = missingData[id] {
      return Reply(
        kind: .answer,
        text:
          "\(metric.name) cannot be computed from this workspace: it needs \(needs), which the workspace does not hold. Its formula: \(metric.formula).",
        data: ["metric": .string(id), "value": .null, "missing": .string(needs), "formula": .string(metric.formula)])
    }
    guard computed.contains(id) else {
      return Reply(
        kind: .answer,
        text:
          "baton does not compute \(metric.name) yet. Its definition: \(metric.definition) Formula: \(metric.formula).",
        data: ["metric": .string(id), "value": .null, "formula": .string(metric.formula)])
    }
    let owner: Person?
    switch try Lookup.optionalPerson("person", request, workspace) {
    case .found(let found): owner = found
    case .refused(let reply): return reply
    }
    // A person narrows only the metrics of closed deals; for the others the answer says the
    // figure is the company's rather than presenting it as theirs.
    let narrowed = owner.flatMap { byOwner.contains(id) ? $0 : nil }
    let money = try Formatter(workspace)
    let subject =
      narrowed.map { "\(metric.name) for \($0.name), \(period.name)" } ?? "\(metric.name) for \(period.name)"
    var data: [String: JSONValue] = ["metric": .string(id), "period": .string(period.name)]
    if let narrowed { data["person"] = .string(narrowed.handle) }
    guard
      let figure = try compute(
        id, period: period, owner: narrowed, today: request.today, workspace: workspace, money: money)
    else {
      data["value"] = .null
      return Reply(
        kind: .answer, text: "\(subject): no closed deals in the period, so no figure yet.", data: .object(data))
    }
    data["value"] = figure.value
    data["formula"] = .string(figure.formula)
    data["deals"] = .int(Int64(figure.deals))
    var blocks: [Block] = [.text("\(subject): \(figure.text).")]
    if let owner, narrowed == nil {
      blocks.append(
        .text(
          "This is the company's figure: \(metric.name.lowercased()) is not narrowed by person (\(owner.name)) yet."))
      data["not_narrowed_by"] = .string(owner.handle)
    }
    return Reply(kind: .answer, blocks: blocks, data: .object(data))
  }

  /// The metrics a person narrows: those computed from closed deals alone.
  static let byOwner: Set<String> = ["win-rate", "average-deal-size", "sales-cycle-length"]

  private static func compute(
    _ id: String, period: Period, owner: Person?, today: Day, workspace: any WorkspaceAccess, money: Formatter
  ) throws -> Figure? {
    switch id {
    case "win-rate":
      let closed = try workspace.closedDeals(in: period, owner: owner?.id)
      let total = closed.won + closed.lost
      guard total > 0 else { return nil }
      let rate = Double(closed.won) / Double(total)
      return Figure(
        text: "\(Formatter.percent(rate)) (\(closed.won) won of \(total) closed)",
        value: .double(Formatter.rounded(rate * 100)), formula: "won deals / (won + lost deals), closed in the period",
        deals: total)
    case "average-deal-size":
      let closed = try workspace.closedDeals(in: period, owner: owner?.id)
      guard closed.won > 0 else { return nil }
      let average = closed.wonAmount / Int64(closed.won)
      return Figure(
        text: "\(money(average)) (\(money(closed.wonAmount)) over \(closed.won) won deals)", value: .int(average),
        formula: "sum of closed-won amounts / number of closed-won deals", deals: closed.won)
    case "sales-cycle-length":
      let closed = try workspace.closedDeals(in: period, owner: owner?.id)
      guard closed.won > 0, let days = closed.averageCycleDays else { return nil }
      return Figure(
        text: "\(Int(days.rounded())) days on average (\(closed.won) won deals)",
        value: .double(Formatter.rounded(days)), formula: "mean of (close date - created date) over closed-won deals",
        deals: closed.won)
    case "pipeline-coverage":
      let figures = try workspace.forecast(period, topDeals: 0, owner: nil)
      let open = figures.commit + figures.bestCase + figures.pipeline
      let count = figures.commitCount + figures.bestCaseCount + figures.pipelineCount
      guard let target = figures.target, target > 0 else {
        return Figure(
          text: "no target is set for \(period.name), so there is no coverage (\(money(open)) open)", value: .null,
          formula: "open pipeline closing in the period / the period's target", deals: count)
      }
      let ratio = Double(open) / Double(target)
      return Figure(
        text:
          "\(Formatter.ratio(ratio)) (\(money(open)) open in \(count) deals over a \(money(target)) target; healthy is 3x to 4x)",
        value: .double(Formatter.rounded(ratio)), formula: "open pipeline closing in the period / the period's target",
        deals: count)
    case "deal-velocity":
      // Velocity over the trailing quarter's closed deals and today's open ones.
      let closed = try workspace.closedDeals(in: period, owner: owner?.id)
      let open = try workspace.pipeline(by: .stage, since: today).reduce(0) { $0 + $1.count }
      guard closed.won > 0, closed.won + closed.lost > 0, let cycle = closed.averageCycleDays, cycle > 0 else {
        return nil
      }
      let winRate = Double(closed.won) / Double(closed.won + closed.lost)
      let size = Double(closed.wonAmount) / Double(closed.won)
      let perDay = Double(open) * size * winRate / cycle
      return Figure(
        text:
          "\(money(Int64(perDay.rounded()))) a day (\(open) open deals × \(money(Int64(size.rounded()))) average size × \(Formatter.percent(winRate)) win rate / \(Int(cycle.rounded())) days cycle)",
        value: .double(Formatter.rounded(perDay)),
        formula: "open deals × average deal size × win rate / sales cycle length",
        deals: open + closed.won + closed.lost)
    default:
      return nil
    }
  }
}
