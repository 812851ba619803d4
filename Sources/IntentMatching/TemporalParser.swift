import BatonModel

/// Recognizes dates ("today", "Friday", "next week", "end of quarter", "in 3 days",
/// ISO dates) and periods ("this quarter", "Q3", "Q3 2026", "this year") relative to a day
/// the caller supplies, so tests can fix the clock.
struct TemporalParser: Sendable {
  var today: Day

  private static let weekdays = [
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
  ]

  /// Every word a date or period may use, so typo correction leaves them alone.
  static let vocabulary: Set<String> = Set(weekdays.keys).union([
    "today", "tonight", "eod", "tomorrow", "yesterday", "next", "this", "last", "previous",
    "current", "week", "month", "quarter", "year", "end", "of", "the", "in", "day", "days",
    "weeks", "q1", "q2", "q3", "q4",
  ])

  /// A date or period starting at `start`, with how many tokens it spans.
  func match(_ tokens: [String], at start: Int) -> (EntityValue, Int)? {
    func word(_ offset: Int) -> String? {
      start + offset < tokens.count ? tokens[start + offset] : nil
    }
    let first = tokens[start]
    switch first {
    case "today", "tonight", "eod": return (date(today), 1)
    case "tomorrow": return (date(today.adding(days: 1)), 1)
    case "yesterday": return (date(today.adding(days: -1)), 1)
    default: break
    }
    if let day = Day(iso: first) { return (date(day), 1) }
    if let weekday = Self.weekdays[first] { return (date(upcoming(weekday)), 1) }
    if first == "next" || first == "this" || first == "last" || first == "previous"
      || first == "current"
    {
      if let next = word(1) {
        if let weekday = Self.weekdays[next], first != "last", first != "previous" {
          let nextWeekMonday = today.adding(days: 8 - today.weekday)
          let day = first == "next" ? nextWeekMonday.adding(days: weekday - 1) : upcoming(weekday)
          return (date(day), 2)
        }
        let quarter = today.quarter
        switch (first, next) {
        case ("next", "week"): return (date(today.adding(days: 8 - today.weekday)), 2)
        case ("this", "week"): return (date(today.adding(days: 5 - today.weekday)), 2)
        case ("next", "month"):
          let (year, month, _) = today.components
          return (date(Day(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1)), 2)
        case ("this", "quarter"), ("current", "quarter"): return (period(quarter), 2)
        case ("next", "quarter"): return (period(quarter.next), 2)
        case ("last", "quarter"), ("previous", "quarter"): return (period(quarter.previous), 2)
        case ("this", "year"), ("current", "year"):
          return (yearPeriod(today.components.year), 2)
        case ("last", "year"), ("previous", "year"):
          return (yearPeriod(today.components.year - 1), 2)
        default: break
        }
      }
    }
    if first == "end", word(1) == "of" {
      let offset = word(2) == "the" || word(2) == "this" ? 3 : 2
      switch word(offset) {
      case "quarter": return (date(today.quarter.end), offset + 1)
      case "month":
        let (year, month, _) = today.components
        let nextMonth = Day(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1)
        return (date(nextMonth.adding(days: -1)), offset + 1)
      case "week": return (date(today.adding(days: 5 - today.weekday)), offset + 1)
      default: break
      }
    }
    if first == "in", let count = word(1).flatMap({ Int($0) }), count < 10_000 {
      switch word(2) {
      case "day", "days": return (date(today.adding(days: count)), 3)
      case "week", "weeks": return (date(today.adding(days: count * 7)), 3)
      default: break
      }
    }
    if first.count == 2, first.hasPrefix("q"), let number = Int(first.dropFirst()),
      (1...4).contains(number)
    {
      if let next = word(1), next.count == 4, let year = Int(next), (1900...2999).contains(year) {
        return (period(Quarter(year: year, number: number)), 2)
      }
      // A bare quarter is this year's.
      return (period(Quarter(year: today.components.year, number: number)), 1)
    }
    return nil
  }

  private func upcoming(_ weekday: Int) -> Day {
    today.adding(days: (weekday - today.weekday + 7) % 7)
  }

  private func date(_ day: Day) -> EntityValue {
    EntityValue(kind: .date, key: day.iso, display: day.iso)
  }

  private func period(_ quarter: Quarter) -> EntityValue {
    EntityValue(kind: .period, key: quarter.key, display: quarter.description)
  }

  private func yearPeriod(_ year: Int) -> EntityValue {
    EntityValue(kind: .period, key: String(year), display: String(year))
  }
}
