import BatonModel

/// A month or quarter named without a year ("March", "Q1") is this year's or the last one
/// gone by, as a question about results wants ("win rate in Q1"). An answer that looks
/// ahead (a forecast, open deals closing) takes the next one instead once this year's has
/// ended: "open deals closing in March" in December are next March's.
enum PeriodAhead {
  /// `value`'s period, a year later when the line named it without a year and it has ended
  /// by `today`; nil for what is no period.
  static func period(_ value: EntityValue?, today: Day) -> Period? {
    guard let value, let period = Period(key: value.key) else { return nil }
    guard period.end < today, period.unit == .month || period.quarter != nil,
      let year = Int(value.key.prefix(4)), !value.display.contains(String(year))
    else { return period }
    return Period(key: String(year + 1) + value.key.dropFirst(4)) ?? period
  }
}
