/// What a lifecycle stage is for: the one definition of open and closed that the store's
/// queries and the workflows share.
public enum StageKind: String, Sendable, CaseIterable, Codable {
  /// Before a deal exists: Lead, MQL, SAL, SQL.
  case lifecycle
  /// An open deal's stage.
  case opportunity
  /// Closed, won.
  case won
  /// Closed, lost.
  case lost
  /// After the sale: onboarding and on.
  case customer

  /// Whether a deal in a stage of this kind is open: in the pipeline, movable, forecast.
  public var isOpen: Bool { self == .opportunity }

  /// Whether a deal in a stage of this kind is closed, won or lost.
  public var isClosed: Bool { self == .won || self == .lost }

  /// Whether a deal may be in a stage of this kind at all.
  public var holdsDeals: Bool { isOpen || isClosed }
}

/// A stage's forecast category, as the forecast rolls deals up.
public enum ForecastCategory: String, Sendable, CaseIterable, Codable {
  case pipeline
  case bestCase = "best case"
  case commit
  case closed
  case omitted

  /// How the forecast counts an open deal of a stage with `category`: commit and best case
  /// by name; any other category, or none, as pipeline.
  public static func forOpenDeal(_ category: String?) -> ForecastCategory {
    switch category.flatMap(ForecastCategory.init(rawValue:)) {
    case .commit: return .commit
    case .bestCase: return .bestCase
    default: return .pipeline
    }
  }
}

/// A lead's status, as routing reads it.
public enum LeadStatus: String, Sendable, CaseIterable, Codable {
  case new, mql, sal, sql, disqualified

  /// The statuses of a lead a rep is still working: what counts against their capacity.
  public static let working: [LeadStatus] = [.mql, .sal, .sql]
}

/// When an open deal counts as stuck.
public enum StuckRule {
  /// Days in one stage after which a deal is stuck, for a stage with no typical days of
  /// its own and a question that names none.
  public static let defaultDays = 30
}
