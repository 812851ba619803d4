import Foundation

/// A calendar day, with no time or zone: close dates, due dates, periods.
///
/// Stored as ISO text (`2026-11-23`) so the workspace sorts and compares days as strings.
/// Arithmetic goes through the day number of the proleptic Gregorian calendar, which is exact
/// and needs no `Calendar`.
public struct Day: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public var ordinal: Int

  public init(ordinal: Int) { self.ordinal = ordinal }

  public init(year: Int, month: Int, day: Int) {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    ordinal = era * 146_097 + doe - 719_468
  }

  /// The day `date` falls on in UTC.
  public init(_ date: Date) {
    ordinal = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
  }

  /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
  public init?(iso text: String) {
    // Concrete and over the contiguous bytes: dates are read for every deal row a summary
    // lists, and a generic parser (unspecialized across modules) is costly on every one.
    var text = text
    guard let day = text.withUTF8(Self.parse) else { return nil }
    self = day
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = Int(bytes[index]) - 0x30
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let result = Day(year: year, month: month, day: day)
    // February 30th and the like come back as another day: not a date.
    guard result.components == (year, month, day) else { return nil }
    return result
  }

  /// Year, month and day.
  public var components: (year: Int, month: Int, day: Int) {
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// ISO 8601: `2026-11-23`.
  public var iso: String {
    let (year, month, day) = components
    guard (0...9999).contains(year) else {
      func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
      }
      return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
    // Ten bytes written in place (a small string: no allocation). Formatting each part as a
    // string and joining them costs many times as much, and summaries print dates in every row.
    return String(unsafeUninitializedCapacity: 10) { buffer in
      func put(_ value: Int, at start: Int, width: Int) {
        var rest = value
        for index in (start..<start + width).reversed() {
          buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      put(year, at: 0, width: 4)
      buffer[4] = UInt8(ascii: "-")
      put(month, at: 5, width: 2)
      buffer[7] = UInt8(ascii: "-")
      put(day, at: 8, width: 2)
      return 10
    }
  }

  public var description: String { iso }

  /// 1 is Monday … 7 is Sunday (ISO).
  public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

  /// The day `count` days later (earlier when negative).
  public func adding(days count: Int) -> Day { Day(ordinal: ordinal + count) }

  /// Days from `self` to `other`.
  public func days(to other: Day) -> Int { other.ordinal - ordinal }

  /// The year and month `offset` months after `month` of `year` (before it when negative):
  /// December's next is the next year's January.
  public static func month(_ offset: Int, after year: Int, _ month: Int) -> (year: Int, month: Int) {
    let count = year * 12 + month - 1 + offset
    return (count / 12, count % 12 + 1)
  }

  /// The quarter this day is in.
  public var quarter: Quarter {
    let (year, month, _) = components
    return Quarter(year: year, number: (month - 1) / 3 + 1)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// A calendar quarter, the period targets and forecasts use.
public struct Quarter: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  public var year: Int
  /// 1 to 4.
  public var number: Int

  public init(year: Int, number: Int) {
    self.year = year
    self.number = number
  }

  /// The first day of the quarter.
  public var start: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1) }
  /// The last day of the quarter.
  public var end: Day { next.start.adding(days: -1) }
  public var next: Quarter {
    number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1)
  }
  public var previous: Quarter {
    number == 1 ? Quarter(year: year - 1, number: 4) : Quarter(year: year, number: number - 1)
  }

  /// `2026-Q4`: the key targets are stored under.
  public var key: String { "\(year)-Q\(number)" }
  public var description: String { "Q\(number) \(year)" }

  public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
    (lhs.year, lhs.number) < (rhs.year, rhs.number)
  }
}
