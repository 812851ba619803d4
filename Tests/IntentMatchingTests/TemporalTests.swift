import BatonModel
import BatonTestSupport
import IntentMatching
import Testing

/// Periods, dates and spans of days as people write them, read against a fixed clock.
@Suite(.tags(.fast)) struct TemporalTests {
  /// A matcher with no intents: only the recognizer is under test.
  static let matcher = IntentMatcher(catalog: IntentCatalog(intents: [], vocabulary: []), names: [])

  /// The keys of the dates, periods and numbers recognized in `line` on `today`.
  static func keys(_ line: String, today: Day = Day(year: 2026, month: 12, day: 2)) -> [String] {
    matcher.entities(in: line, today: today).flatMap(\.values).filter {
      [.date, .period, .number].contains($0.kind)
    }.map(\.key)
  }

  @Test(arguments: [
    ("bookings in 2025", ["2025"]), ("for 2017", ["2017"]), ("win rate FY2025", ["2025"]),
    ("fy 25 bookings", ["2025"]), ("h1 2026", ["2026-H1"]), ("h2", ["2026-H2"]), ("Q3 2025", ["2025-Q3"]),
    ("in march", ["2026-03"]), ("march 2025", ["2025-03"]), ("in december", ["2026-12"]),
    ("in may", ["2026-05"]), ("last 7 days", ["2026-11-26..2026-12-02"]),
    ("the past 2 weeks", ["2026-11-19..2026-12-02"]), ("deals closing this month", ["2026-12"]),
    ("win rate last month", ["2026-11"]),
    // A due date takes next month's first day, a period the month.
    ("forecast for next month", ["2027-01-01", "2027-01"]),
    // A week is Monday to Sunday; a due date "this week" is its Friday.
    ("deals closing this week", ["2026-12-04", "2026-11-30..2026-12-06"]),
    ("what changed last week", ["2026-11-23..2026-11-29"]),
  ])
  func periods(_ line: String, _ expected: [String]) {
    #expect(Self.keys(line) == expected, "“\(line)”")
  }

  @Test func lastMonthInJanuaryIsLastYearsDecember() {
    #expect(Self.keys("last month", today: Day(year: 2027, month: 1, day: 12)) == ["2026-12"])
  }

  @Test func aMonthNotYetBegunIsLastYears() {
    #expect(Self.keys("in march", today: Day(year: 2026, month: 2, day: 10)) == ["2025-03"])
  }

  @Test func wordsThatAreAlsoMonthsOrYearsStayWords() {
    #expect(Self.keys("may I see the pipeline") == [])
    // A year needs a word that makes it one ("in", "for", "FY"): an amount stays a number.
    let kinds = Self.matcher.entities(in: "deals over 2025", today: Day(year: 2026, month: 12, day: 2))
      .flatMap(\.values).map(\.kind)
    #expect(kinds == [.number])
  }

  /// "since Monday" is the Monday just past, whatever today is: never a date to come.
  @Test(arguments: 0..<7)
  func sinceAWeekdayIsNeverInTheFuture(_ offset: Int) throws {
    let today = Day(year: 2026, month: 11, day: 30).adding(days: offset)  // Monday + offset
    let since = try #require(Self.keys("what changed since monday", today: today).first.flatMap(Day.init(iso:)))
    #expect(since <= today && since.weekday == 1 && since.days(to: today) < 7)
    let last = try #require(Self.keys("what changed last friday", today: today).first.flatMap(Day.init(iso:)))
    #expect(last < today && last.weekday == 5 && last.days(to: today) <= 7)
    let next = try #require(Self.keys("by friday", today: today).first.flatMap(Day.init(iso:)))
    #expect(next >= today && next.weekday == 5)
  }

  @Test(arguments: [
    ("by dec 15", ["2026-12-15"]), ("due december 15th", ["2026-12-15"]), ("by nov 3", ["2027-11-03"]),
    ("since nov 3", ["2026-11-03"]), ("by 12/15", ["2026-12-15"]), ("by 3/1", ["2027-03-01"]),
    ("since 11/3", ["2026-11-03"]), ("due 1/15/2027", ["2027-01-15"]), ("by the 15th", ["2026-12-15"]),
    ("by the 1st", ["2027-01-01"]), ("since the 1st", ["2026-12-01"]),
  ])
  func daysOfAMonth(_ line: String, _ expected: [String]) {
    #expect(Self.keys(line) == expected, "“\(line)”")
  }

  /// "since Monday" is the Monday just past on every day of the week (that day itself on a
  /// Monday), never one ahead; "by Monday" is the next one.
  @Test(arguments: 0..<7)
  func sinceMondayIsThePastMondayOnEachWeekday(_ offset: Int) throws {
    let today = Day(year: 2026, month: 11, day: 30).adding(days: offset)
    let since = try #require(Self.keys("what changed since monday", today: today).first.flatMap(Day.init(iso:)))
    #expect(since.weekday == 1 && since <= today && since.days(to: today) == offset, "on \(today.iso)")
    let by = try #require(Self.keys("due by monday", today: today).first.flatMap(Day.init(iso:)))
    #expect(by.weekday == 1 && by >= today, "on \(today.iso)")
  }

  /// A date the calendar lacks is named as such, never read as a number or another day.
  @Test(arguments: ["by feb 30", "due 2026-02-30", "by 4/31", "on 2/30/2027", "by april 31st"])
  func anImpossibleDateIsNamed(_ line: String) {
    let kinds = Self.matcher.entities(in: line, today: Day(year: 2026, month: 12, day: 2)).flatMap(\.kinds)
    #expect(kinds == [.impossibleDate], "“\(line)”")
  }

  /// Dates the review of this parser found misread: an ISO date without its zeros, a leap
  /// day outside a leap year, "in a week", and "due on" a day ahead.
  @Test(arguments: [
    ("by 2026-3-5", ["2026-03-05"]), ("by 2/29", ["2028-02-29"]), ("by feb 29", ["2028-02-29"]),
    ("in a week", ["2026-12-09", "7"]), ("due on the 1st", ["2027-01-01"]), ("what changed on the 1st", ["2026-12-01"]),
  ])
  func datesAsTheyAreMeant(_ line: String, _ expected: [String]) {
    #expect(Self.keys(line) == expected, "“\(line)”")
  }

  @Test(arguments: [
    ("stuck for over a month", ["30"]), ("quiet for a week", ["7"]), ("stuck > 21d", ["21"]),
    ("untouched 3w", ["21"]), ("bookings in Q1 next year", ["2027-Q1"]), ("bookings next year", ["2027"]),
    ("Q4 last year", ["2025-Q4"]),
  ])
  func spansAndPeriodsSaidTheShortOrTheLongWay(_ line: String, _ expected: [String]) {
    #expect(Self.keys(line) == expected, "“\(line)”")
  }

  @Test(arguments: [
    ("stuck for 2 weeks", ["14"]), ("no change for 3 months", ["90"]), ("stuck for 45 days", ["45"]),
    ("due in 2 weeks", ["2026-12-16", "14"]), ("in 3 days", ["2026-12-05", "3"]),
  ])
  func spansOfDays(_ line: String, _ expected: [String]) {
    #expect(Self.keys(line) == expected, "“\(line)”")
  }

  @Test(arguments: [
    ("2026-03", "March 2026", "2026-03-01", "2026-03-31"), ("2024-02", "February 2024", "2024-02-01", "2024-02-29"),
    ("2026-H2", "H2 2026", "2026-07-01", "2026-12-31"),
    ("2026-11-26..2026-12-02", "2026-11-26 to 2026-12-02", "2026-11-26", "2026-12-02"),
  ])
  func periodKeysReadBack(_ key: String, _ name: String, _ start: String, _ end: String) throws {
    let period = try #require(Period(key: key))
    #expect(period.name == name && period.start.iso == start && period.end.iso == end)
    #expect(period.quarter == nil)
  }

  @Test func malformedPeriodKeysAreNotPeriods() {
    for key in ["2026-13", "2026-H3", "2026-12-02..2026-11-26", "2026-11-26..", "later"] {
      #expect(Period(key: key) == nil, "\(key)")
    }
  }
}
