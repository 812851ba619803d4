import BatonModel

/// How the open pipeline is grouped.
public enum PipelineGrouping: String, CaseIterable, Sendable {
  case stage, owner, account, segment, territory, category
}

/// One group of the open pipeline.
public struct PipelineGroup: Hashable, Sendable {
  public var key: String
  public var name: String
  public var count: Int
  public var amount: Int64
  /// Each deal's amount times its stage's probability.
  public var weighted: Int64
  /// Open amount gained (or lost) by the group over the last week, from stage history.
  public var change: Int64
}

/// A period's forecast roll-up, by forecast category.
public struct ForecastFigures: Hashable, Sendable {
  public var closedWon: Int64
  public var closedWonCount: Int
  public var commit: Int64
  public var commitCount: Int
  public var bestCase: Int64
  public var bestCaseCount: Int
  public var pipeline: Int64
  public var pipelineCount: Int
  public var target: Int64?
  /// The open deals closing in the period that move the number most, largest first.
  public var topDeals: [Deal]
}

/// Deals closed in a period: what win rate, deal size and cycle length read.
public struct ClosedDeals: Hashable, Sendable {
  public var won: Int
  public var lost: Int
  public var wonAmount: Int64
  /// Mean days from creation to close of the won deals.
  public var averageCycleDays: Double?
}

/// An open deal with no stage change for longer than its threshold.
public struct StuckDeal: Hashable, Sendable {
  public var deal: Deal
  public var days: Int
  /// The days after which a deal in its stage counts as stuck.
  public var threshold: Int
}
