import Foundation
import BatonModel

/// Reading the values CRM exports write: money with symbols and separators, dates in the
/// forms Salesforce and HubSpot use, whole numbers. Each returns nil for a value it cannot
/// read, so the row can say which.
enum FieldValues {
  /// "125000", "$125,000.00", "USD 1,250", "€ 99.5": whole units, rounded.
  static func money(_ text: String) -> Int64? {
    var rest = text.trimmed
    if let first = rest.first, "$€£¥".contains(first) { rest = rest.dropFirst() }
    if rest.prefix(3).allSatisfy(\.isUppercase), rest.prefix(3).count == 3, rest.first?.isLetter == true {
      rest = rest.dropFirst(3)
    }
    let digits = String(rest.trimmed.filter { $0 != "," })
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let value = Double(digits), value < 1e15
    else { return nil }
    return Int64(value.rounded())
  }

  /// A whole number, separators allowed ("1,200").
  static func integer(_ text: String) -> Int? {
    let digits = String(text.trimmed.filter { $0 != "," })
    guard !digits.isEmpty, digits.count < 16, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(digits)
  }

  /// "2026-03-15", "2026-03-15 14:02", "2026-03-15T14:02:00Z", "3/15/2026", "15/3/2026"
  /// (month first, as Salesforce's US exports write it, unless the first number is past 12),
  /// "3/15/26".
  static func day(_ text: String) -> Day? {
    let trimmed = text.trimmed
    let datePart = trimmed.prefix { $0 != " " && $0 != "T" }
    if let day = Day(iso: datePart) { return day }
    let parts = datePart.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1]), var year = Int(parts[2])
    else { return nil }
    if parts[2].count == 2 { year += 2000 }
    guard parts[2].count == 2 || parts[2].count == 4 else { return nil }
    let (month, day) = first > 12 ? (second, first) : (first, second)
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    let result = Day(year: year, month: month, day: day)
    return result.components == (year, month, day) ? result : nil
  }
}

extension StringProtocol {
  /// Without leading and trailing white space. Looks at the ends only, so it is cheap on
  /// the millions of cells an import reads (Foundation's trimming bridges to NSString).
  var trimmed: SubSequence {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
    return self[start..<Swift.max(start, end)]
  }
}
