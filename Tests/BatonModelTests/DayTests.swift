import BatonModel
import BatonTestSupport
import Testing

@Suite(.tags(.fast)) struct DayTests {
  @Test(arguments: [
    (2026, 11, 23, "2026-11-23"), (2024, 2, 29, "2024-02-29"), (1, 1, 1, "0001-01-01"), (9999, 12, 31, "9999-12-31"),
    (2000, 3, 1, "2000-03-01"),
  ])
  func writesISODates(_ year: Int, _ month: Int, _ day: Int, _ expected: String) {
    #expect(Day(year: year, month: month, day: day).iso == expected)
  }

  /// Every day of four centuries reads back as itself, in order.
  @Test func everyISODateReadsBack() {
    let first = Day(year: 1900, month: 1, day: 1)
    var previous = ""
    for offset in 0..<(400 * 366) {
      let day = first.adding(days: offset)
      let iso = day.iso
      #expect(Day(iso: iso) == day)
      #expect(iso > previous)
      previous = iso
      if Day(iso: iso) != day { break }
    }
  }

  @Test(arguments: ["2026-02-30", "2026-13-01", "26-11-23", "2026-11-2x", "", "2026/11/23"])
  func refusesWhatIsNotADate(_ text: String) {
    #expect(Day(iso: text) == nil)
  }

  /// Months counted across the turn of a year, both ways.
  @Test func monthsCountAcrossYears() {
    #expect(Day.month(1, after: 2026, 12) == (2027, 1))
    #expect(Day.month(-1, after: 2027, 1) == (2026, 12))
    #expect(Day.month(0, after: 2026, 5) == (2026, 5))
    #expect(Day.month(-13, after: 2026, 3) == (2025, 2))
  }
}
