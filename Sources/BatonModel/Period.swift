/// A span of days named by a period slot: a quarter (`2026-Q4`) or a year (`2026`).
public struct Period: Hashable, Sendable {
  public var start: Day
  public var end: Day
  /// `Q4 2026`, `2026`.
  public var name: String
  /// The quarter, when the period is one (targets are kept per quarter).
  public var quarter: Quarter?

  public init(start: Day, end: Day, name: String, quarter: Quarter? = nil) {
    self.start = start
    self.end = end
    self.name = name
    self.quarter = quarter
  }

  public init(quarter: Quarter) {
    self.init(start: quarter.start, end: quarter.end, name: quarter.description, quarter: quarter)
  }

  /// Reads a period slot's key; nil for anything else.
  public init?(key: String) {
    let parts = key.split(separator: "-")
    if parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("Q"), let number = Int(parts[1].dropFirst()),
      (1...4).contains(number)
    {
      self.init(quarter: Quarter(year: year, number: number))
    } else if parts.count == 1, let year = Int(parts[0]), (1900...9999).contains(year) {
      self.init(start: Day(year: year, month: 1, day: 1), end: Day(year: year, month: 12, day: 31), name: String(year))
    } else {
      return nil
    }
  }

  public func contains(_ day: Day) -> Bool { start <= day && day <= end }
}
