/// A span of days named by a period slot: a quarter (`2026-Q4`), a year (`2026`), a half
/// (`2026-H1`), a month (`2026-03`) or any span of days (`2026-11-26..2026-12-02`).
public struct Period: Hashable, Sendable {
  public var start: Day
  public var end: Day
  /// `Q4 2026`, `2026`.
  public var name: String
  /// The quarter, when the period is one (targets are kept per quarter).
  public var quarter: Quarter?
  /// What kind of span it is, as its key says.
  public var unit: Unit

  /// The kinds of span a period's key names.
  public enum Unit: Sendable {
    case quarter, half, year, month
    /// Any span of days (`2026-11-26..2026-12-02`): the last 7 days, a week.
    case days
  }

  public init(start: Day, end: Day, name: String, quarter: Quarter? = nil, unit: Unit = .days) {
    self.start = start
    self.end = end
    self.name = name
    self.quarter = quarter
    self.unit = quarter == nil ? unit : .quarter
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
      self.init(
        start: Day(year: year, month: 1, day: 1), end: Day(year: year, month: 12, day: 31), name: String(year),
        unit: .year)
    } else if parts.count == 2, let year = Int(parts[0]), (1900...9999).contains(year), parts[1].hasPrefix("H"),
      let half = Int(parts[1].dropFirst()), half == 1 || half == 2
    {
      let start = Day(year: year, month: half == 1 ? 1 : 7, day: 1)
      let end = half == 1 ? Day(year: year, month: 6, day: 30) : Day(year: year, month: 12, day: 31)
      self.init(start: start, end: end, name: "H\(half) \(year)", unit: .half)
    } else if parts.count == 2, parts[1].count == 2, let year = Int(parts[0]), (1900...9999).contains(year),
      let month = Int(parts[1]), (1...12).contains(month)
    {
      let start = Day(year: year, month: month, day: 1)
      let (nextYear, nextMonth) = Day.month(1, after: year, month)
      let next = Day(year: nextYear, month: nextMonth, day: 1)
      self.init(start: start, end: next.adding(days: -1), name: "\(Self.monthNames[month - 1]) \(year)", unit: .month)
    } else if key.utf8.count == 22, case let ends = key.split(separator: "."), ends.count == 2,
      let start = Day(iso: String(ends[0])), let end = Day(iso: String(ends[1])), start <= end
    {
      self.init(start: start, end: end, name: "\(start.iso) to \(end.iso)")
    } else {
      return nil
    }
  }

  /// The months' names, January first.
  public static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  public func contains(_ day: Day) -> Bool { start <= day && day <= end }
}
