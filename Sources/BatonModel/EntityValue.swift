/// One recognized thing: its kind, a canonical key the store understands, and how to say it.
public struct EntityValue: Hashable, Codable, Sendable {
  public var kind: EntityKind
  /// The canonical key: a record id ("42", "sales-ops"), an ISO date, a number, or the text.
  public var key: String
  /// The name shown to people ("deal 42", "Sales Ops").
  public var display: String

  public init(kind: EntityKind, key: String, display: String) {
    self.kind = kind
    self.key = key
    self.display = display
  }
}

extension EntityValue {
  /// A company's size as a headcount ("150 employees"), however the line said it.
  public static func headcount(_ count: some BinaryInteger) -> EntityValue {
    EntityValue(kind: .size, key: "employees:\(count)", display: "\(count) employees")
  }

  /// What the key of a period the line points at rather than names starts with ("that
  /// quarter" is `@that:quarter`): the conversation puts the period it last used in its
  /// place when it is one of that unit, or asks.
  public static let pointedPeriodKey = "@that"

  /// A period the line points at, in `unit` ("quarter", "month", "week", "year" or
  /// "period"), said as `said`.
  public static func pointedPeriod(_ said: String, unit: String) -> EntityValue {
    EntityValue(kind: .period, key: "\(pointedPeriodKey):\(unit)", display: said)
  }

  /// The unit of a period pointed at, or nil for any other value.
  public var pointedUnit: String? {
    guard kind == .period, key.hasPrefix(Self.pointedPeriodKey + ":") else { return nil }
    return String(key.dropFirst(Self.pointedPeriodKey.count + 1))
  }
}

/// A slot's value and where it came from.
public struct SlotValue: Hashable, Codable, Sendable {
  /// Where the resolver found a slot's value.
  public enum Source: String, Codable, Sendable {
    /// Said on this line.
    case line
    /// Filled from the conversation's focus or the last turn.
    case context
    /// Given as a tool call's argument (an agent over MCP), its text as given.
    case argument
    /// Worked out by the answer from the line's other names: the handoff rule the teams a
    /// line names pick out ("what does CS need from sales").
    case found
  }

  public var value: EntityValue
  public var source: Source

  public init(_ value: EntityValue, source: Source = .line) {
    self.value = value
    self.source = source
  }
}
