import BatonModel

/// Recognizes dates ("today", "Friday", "since Monday", "last Friday", "next week", "end of
/// quarter", "in 3 days", ISO dates), periods ("this quarter", "Q3", "Q3 2026", "this year",
/// "in 2025", "FY2025", "H1 2026", "March", "last 7 days") and spans of days ("2 weeks", as
/// a number of days) relative to a day the caller supplies, so tests can fix the clock.
struct TemporalParser: Sendable {
  var today: Day

  private static let weekdays = [
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
  ]

  /// Months by name; "may" and "mar" only beside a year or after "in", "for" or "since",
  /// since they are words too.
  private static let months = [
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
  ]
  private static let ambiguousMonths: Set<String> = ["may", "mar"]

  /// The first bytes of a year's, half's, month's or span's first word: digits, "f" and "c"
  /// (FY, CY), "h" (H1), the months' initials, "l" and "p" (last, past).
  private static let leadingBytes: Set<UInt8> = Set(Array("0123456789fchjmasondlp".utf8))

  /// Words before a weekday that make it one already past ("since Monday").
  private static let pastMarkers: Set<String> = ["since", "from", "on", "last", "past", "previous", "after"]

  /// The units a period pointed at is said in ("that quarter").
  private static let periodUnits: Set<String> = ["week", "month", "quarter", "year", "period"]

  /// Words before "on" that make the day after it one ahead ("due on the 15th").
  private static let dueMarkers: Set<String> = ["due", "deadline", "scheduled"]

  /// Words before a year that make a number one ("in 2025", "for 2017").
  private static let yearMarkers: Set<String> = ["in", "for", "during", "of", "since", "throughout"]

  /// Every word a date or period may use, so typo correction leaves them alone.
  static let vocabulary: Set<String> = Set(weekdays.keys).union(months.keys).union([
    "today", "tonight", "eod", "tomorrow", "yesterday", "next", "this", "last", "previous",
    "current", "week", "month", "quarter", "year", "end", "of", "the", "in", "day", "days",
    "weeks", "months", "q1", "q2", "q3", "q4", "h1", "h2", "since", "past", "fy",
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
    // "on" marks a day past ("what changed on Monday") unless a due date comes before it
    // ("due on the 15th"): then the day is ahead, as after "by".
    let due = start > 1 && Self.dueMarkers.contains(tokens[start - 2])
    let before = start > 0 ? (due && tokens[start - 1] == "on" ? "by" : tokens[start - 1]) : nil
    // A date or span in one word opens with a digit ("2026-03-05", "12/15", "21d").
    if let byte = first.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
      if let day = Day(iso: first) { return (date(day), 1) }
      if let (year, month, day) = Self.isoParts(first) {
        // "2026-3-5" is a date as "2026-03-05" is; "2026-02-30" is none.
        return (Self.validDay(year, month, day).map(date) ?? impossible(first), 1)
      }
      if let found = numericDate(first, before: before) { return (found, 1) }
      if let found = compactSpan(first) { return (found, 1) }
    }
    if first == "a" || first == "an", let next = word(1), let days = Self.unitDays[next], before != "in" {
      // "over a month", "for a week": a span ("in a week" is read from "in", below).
      return (self.days(days, "\(first) \(next)"), 2)
    }
    if first == "in", word(1) == "a" || word(1) == "an", let next = word(2), let days = Self.unitDays[next] {
      // "in a week": the day it ends (and, like "in 30 days", a span where one is wanted).
      return (date(today.adding(days: days)), 3)
    }
    if first == "the", let next = word(1), let day = Self.ordinalDay(next) {
      // "by the 15th": the next 15th (the last one after "since", "on" and the like).
      let past = before.map(Self.pastMarkers.contains) ?? false
      let (year, month, _) = today.components
      var candidate = (year, month)
      for _ in 0..<3 {
        if let found = Self.validDay(candidate.0, candidate.1, day), past ? found <= today : found >= today {
          return (date(found), 2)
        }
        candidate =
          past
          ? (candidate.1 == 1 ? (candidate.0 - 1, 12) : (candidate.0, candidate.1 - 1))
          : (candidate.1 == 12 ? (candidate.0 + 1, 1) : (candidate.0, candidate.1 + 1))
      }
      return nil
    }
    if let weekday = Self.weekdays[first] {
      // "since Monday" is the Monday just past (today, on a Monday); "Friday" the next one.
      let past = before.map(Self.pastMarkers.contains) ?? false
      return (date(past ? latest(weekday) : upcoming(weekday)), 1)
    }
    // Most words are none of these: the first letter rules them out before any lookup.
    if let letter = first.utf8.first, Self.leadingBytes.contains(letter) {
      if let found = yearOrHalf(first, next: word(1), before: before) { return found }
      if let found = month(first, next: word(1), before: before) { return found }
      if let found = span(first, word(1), word(2)) { return found }
    }
    if let count = Int(first), count > 0, count < 10_000, before != "in" {
      // "2 weeks", "3 months": a number of days, for a slot such as "stuck for … days".
      switch word(1) {
      case "week", "weeks": return (days(count * 7, "\(first) \(word(1) ?? "")"), 2)
      case "month", "months": return (days(count * 30, "\(first) \(word(1) ?? "")"), 2)
      default: break
      }
    }
    // "that quarter", "the same period": the period the conversation last used.
    if first == "that" || first == "same" || (first == "the" && word(1) == "same") {
      let offset = first == "the" ? 2 : 1
      if let unit = word(offset), Self.periodUnits.contains(unit) {
        return (.pointedPeriod(tokens[start...(start + offset)].joined(separator: " "), unit: unit), offset + 1)
      }
    }
    if first == "next" || first == "this" || first == "last" || first == "previous"
      || first == "current"
    {
      if let next = word(1) {
        if let weekday = Self.weekdays[next] {
          if first == "last" || first == "previous" {
            // "last Friday": the one before today, a week back on a Friday.
            let back = (today.weekday - weekday + 7) % 7
            return (date(today.adding(days: -(back == 0 ? 7 : back))), 2)
          }
          let nextWeekMonday = today.adding(days: 8 - today.weekday)
          let day = first == "next" ? nextWeekMonday.adding(days: weekday - 1) : upcoming(weekday)
          return (date(day), 2)
        }
        let quarter = today.quarter
        switch (first, next) {
        case ("next", "week"): return (date(today.adding(days: 8 - today.weekday)), 2)
        case ("this", "week"), ("current", "week"): return (date(today.adding(days: 5 - today.weekday)), 2)
        case ("next", "month"): return (date(firstDay(ofMonth: 1)), 2)
        case ("last", "week"), ("previous", "week"): return (week(-1), 2)
        case ("this", "month"), ("current", "month"): return (monthPeriod(offset: 0), 2)
        case ("last", "month"), ("previous", "month"): return (monthPeriod(offset: -1), 2)
        case ("this", "quarter"), ("current", "quarter"): return (period(quarter), 2)
        case ("next", "quarter"): return (period(quarter.next), 2)
        case ("last", "quarter"), ("previous", "quarter"): return (period(quarter.previous), 2)
        case ("this", "year"), ("current", "year"):
          return (yearPeriod(today.components.year), 2)
        case ("last", "year"), ("previous", "year"):
          return (yearPeriod(today.components.year - 1), 2)
        case ("next", "year"):
          return (yearPeriod(today.components.year + 1), 2)
        default: break
        }
      }
    }
    if first == "end", word(1) == "of" {
      let offset = word(2) == "the" || word(2) == "this" ? 3 : 2
      switch word(offset) {
      case "quarter": return (date(today.quarter.end), offset + 1)
      case "month": return (date(firstDay(ofMonth: 1).adding(days: -1)), offset + 1)
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
      // "Q1 next year", "Q3 last year", "Q2 this year".
      if let next = word(1), next == "next" || next == "last" || next == "this", word(2) == "year" {
        let year = today.components.year + (next == "next" ? 1 : next == "last" ? -1 : 0)
        return (period(Quarter(year: year, number: number)), 3)
      }
      // A bare quarter is this year's; its display keeps no year, so an answer that looks
      // ahead (a forecast) can take the next one when this year's has ended.
      let quarter = Quarter(year: today.components.year, number: number)
      return (EntityValue(kind: .period, key: quarter.key, display: "Q\(number)"), 1)
    }
    return nil
  }

  /// Days in each unit a span may be counted in.
  private static let unitDays = ["day": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 91, "year": 365]

  /// "21d", "3w", "2mo": a span of days written the short way.
  private func compactSpan(_ word: String) -> EntityValue? {
    guard let letter = word.last, letter.isLetter, word.first?.isNumber == true else { return nil }
    let digits = word.prefix { $0.isNumber }
    let unit = word.dropFirst(digits.count)
    guard let count = Int(digits), count > 0, count < 10_000 else { return nil }
    switch unit {
    case "d": return days(count, "\(count) days")
    case "w", "wk", "wks": return days(count * 7, "\(count) weeks")
    case "mo": return days(count * 30, "\(count) months")
    default: return nil
    }
  }

  /// "12/15", "12/15/2026", "12/15/26": a date written month first; one the calendar does
  /// not have ("2/30") is an impossible date, named as such.
  private func numericDate(_ word: String, before: String?) -> EntityValue? {
    guard word.contains("/") else { return nil }
    let parts = word.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3, let month = Int(parts[0]), let day = Int(parts[1]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    if parts.count == 3 {
      guard let year = Self.year(String(parts[2])) else { return nil }
      return Self.validDay(year, month, day).map(date) ?? impossible(word)
    }
    let (year, _, _) = today.components
    guard let thisYear = Self.validDay(year, month, day) else {
      // February 29th outside a leap year: the next one that has it.
      return (1...4).lazy.compactMap { Self.validDay(year + $0, month, day) }.first.map(date) ?? impossible(word)
    }
    let past = before.map(Self.pastMarkers.contains) ?? false
    if past { return date(thisYear <= today ? thisYear : Self.validDay(year - 1, month, day) ?? thisYear) }
    return date(thisYear >= today ? thisYear : Self.validDay(year + 1, month, day) ?? thisYear)
  }

  /// A date written as one the calendar lacks ("2026-02-30"): named, never read as another.
  static func impossibleISODate(_ word: String) -> Bool {
    guard let (year, month, day) = isoParts(word) else { return false }
    return validDay(year, month, day) == nil
  }

  /// "2026-03-05" or "2026-3-5": the year, month and day, when they are in range.
  private static func isoParts(_ word: String) -> (Int, Int, Int)? {
    let parts = word.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    return (year, month, day)
  }

  private func impossible(_ word: String) -> EntityValue {
    EntityValue(kind: .impossibleDate, key: word, display: word)
  }

  /// "15th", "1st", "22nd", "3rd": a day of the month said as an ordinal.
  private static func ordinalDay(_ word: String) -> Int? {
    guard word.count >= 3, ["st", "nd", "rd", "th"].contains(String(word.suffix(2))),
      let day = Int(word.dropLast(2)), (1...31).contains(day)
    else { return nil }
    return day
  }

  /// The weekday at `index` read ahead when the line reads it as past only for the "on"
  /// before it ("send the MSA on Friday" is this Friday; "what changed on Friday" the last):
  /// the other reading, for a change's due date. Nil for anything else.
  func aheadReading(_ tokens: [String], at index: Int) -> EntityValue? {
    guard index > 0, tokens[index - 1] == "on", let weekday = Self.weekdays[tokens[index]] else { return nil }
    let ahead = upcoming(weekday)
    return ahead == latest(weekday) ? nil : date(ahead)
  }

  private func upcoming(_ weekday: Int) -> Day {
    today.adding(days: (weekday - today.weekday + 7) % 7)
  }

  /// The latest day that is `weekday`: today when today is.
  private func latest(_ weekday: Int) -> Day {
    today.adding(days: -((today.weekday - weekday + 7) % 7))
  }

  /// "in 2025", "fy2025", "fy 25", "h1", "h2 2026".
  private func yearOrHalf(_ first: String, next: String?, before: String?) -> (EntityValue, Int)? {
    if first.count == 4, let year = Int(first), (1990...2100).contains(year),
      let before, Self.yearMarkers.contains(before)
    {
      return (yearPeriod(year), 1)
    }
    if first == "fy" || first == "cy", let next, let year = Self.year(next) { return (yearPeriod(year), 2) }
    if first.hasPrefix("fy") || first.hasPrefix("cy"), let year = Self.year(String(first.dropFirst(2))) {
      return (yearPeriod(year), 1)
    }
    if first == "h1" || first == "h2" {
      let half = first == "h1" ? 1 : 2
      if let next, let year = Self.year(next), next.count == 4 {
        return (halfPeriod(year, half), 2)
      }
      return (halfPeriod(today.components.year, half), 1)
    }
    return nil
  }

  /// "15" or "15th": a day of a month.
  private static func dayOfMonth(_ text: String) -> Int? {
    var digits = Substring(text)
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
    guard digits.count <= 2, let day = Int(digits), (1...31).contains(day) else { return nil }
    return day
  }

  /// The day, when the month has it (no February 30th).
  private static func validDay(_ year: Int, _ month: Int, _ day: Int) -> Day? {
    let date = Day(year: year, month: month, day: day)
    return date.components == (year, month, day) ? date : nil
  }

  /// A year written in four digits, or two ("25" is 2025).
  private static func year(_ text: String) -> Int? {
    guard let number = Int(text) else { return nil }
    if text.count == 4, (1990...2100).contains(number) { return number }
    if text.count == 2 { return 2000 + number }
    return nil
  }

  /// "March", "march 2026", "in may": the month, of the year named or else the latest that
  /// has begun.
  private func month(_ first: String, next: String?, before: String?) -> (EntityValue, Int)? {
    guard let month = Self.months[first] else { return nil }
    if let next, next.count == 4, let year = Self.year(next) { return (monthPeriod(year, month), 2) }
    if let next, let day = Self.dayOfMonth(next) {
      // "Dec 15", "december 15th": a date, never a record number; the next such day, or the
      // last one after "since", "from", "on" and the like.
      let (year, _, _) = today.components
      guard let thisYear = Self.validDay(year, month, day), let other = Self.validDay(year + 1, month, day),
        let lastYear = Self.validDay(year - 1, month, day)
      else {
        // "Feb 30", "april 31st": no year has it; "Feb 29": the next year that has it.
        let coming = (0..<5).lazy.compactMap { Self.validDay(year + $0, month, day) }.first { $0 >= today }
        return coming.map { (date($0), 2) } ?? (impossible("\(first) \(next)"), 2)
      }
      let past = before.map(Self.pastMarkers.contains) ?? false
      if past { return (date(thisYear <= today ? thisYear : lastYear), 2) }
      return (date(thisYear >= today ? thisYear : other), 2)
    }
    if Self.ambiguousMonths.contains(first), !(before.map(Self.yearMarkers.contains) ?? false) { return nil }
    // A bare month is the last one gone by, or this one; its display keeps no year, so an
    // answer that looks ahead (open deals closing) can take the next one (`PeriodAhead`).
    let (year, current, _) = today.components
    let period = monthPeriod(month <= current ? year : year - 1, month)
    return (EntityValue(kind: .period, key: period.key, display: Period.monthNames[month - 1]), 1)
  }

  /// "last 7 days", "past 2 weeks", "last 3 months": the days up to today.
  private func span(_ first: String, _ second: String?, _ third: String?) -> (EntityValue, Int)? {
    guard first == "last" || first == "past", let second, let count = Int(second), count > 0, count < 10_000
    else { return nil }
    let days: Int
    switch third {
    case "day", "days": days = count
    case "week", "weeks": days = count * 7
    case "month", "months": days = count * 30
    default: return nil
    }
    let start = today.adding(days: -(days - 1))
    return (
      EntityValue(kind: .period, key: "\(start.iso)..\(today.iso)", display: "the last \(second) \(third ?? "")"), 3
    )
  }

  private func days(_ count: Int, _ display: String) -> EntityValue {
    EntityValue(kind: .number, key: String(count), display: display)
  }

  private func halfPeriod(_ year: Int, _ half: Int) -> EntityValue {
    EntityValue(kind: .period, key: "\(year)-H\(half)", display: "H\(half) \(year)")
  }

  /// The period "next month", "this week" or "next week" also names, for a slot that takes
  /// a period ("forecast for next month", "deals closing this week"), where a due date takes
  /// a day of it; nil for other words.
  func alsoPeriod(_ first: String, _ second: String) -> EntityValue? {
    switch (first, second) {
    case ("next", "month"): return monthPeriod(offset: 1)
    case ("this", "week"), ("current", "week"): return week(0)
    case ("next", "week"): return week(1)
    default: return nil
    }
  }

  /// The week, Monday to Sunday, `offset` weeks from this one, as a period of days.
  private func week(_ offset: Int) -> EntityValue {
    let monday = today.adding(days: 1 - today.weekday + 7 * offset)
    let sunday = monday.adding(days: 6)
    let said = offset == 0 ? "this week" : offset < 0 ? "last week" : "next week"
    return EntityValue(kind: .period, key: "\(monday.iso)..\(sunday.iso)", display: said)
  }

  /// The month `offset` months from this one, as a period.
  private func monthPeriod(offset: Int) -> EntityValue {
    let (year, month, _) = firstDay(ofMonth: offset).components
    return monthPeriod(year, month)
  }

  /// The first day of the month `offset` months from this one.
  private func firstDay(ofMonth offset: Int) -> Day {
    let (year, month, _) = today.components
    let (shiftedYear, shiftedMonth) = Day.month(offset, after: year, month)
    return Day(year: shiftedYear, month: shiftedMonth, day: 1)
  }

  private func monthPeriod(_ year: Int, _ month: Int) -> EntityValue {
    let key = "\(year)-\(month < 10 ? "0" : "")\(month)"
    return EntityValue(kind: .period, key: key, display: "\(Period.monthNames[month - 1]) \(year)")
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
