import BatonModel
import Foundation

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
    // Read as bytes: an import reads two dates a row, and splitting strings would dominate it.
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count, bytes[index] == 32 { index += 1 }
    func number() -> (value: Int, digits: Int) {
      var value = 0
      var digits = 0
      while index < bytes.count, (48...57).contains(bytes[index]), digits < 5 {
        value = value * 10 + Int(bytes[index] - 48)
        digits += 1
        index += 1
      }
      return (value, digits)
    }
    let first = number()
    guard index < bytes.count else { return nil }
    let separator = bytes[index]
    guard separator == 45 || separator == 47 else { return nil }  // "-" or "/"
    index += 1
    let second = number()
    guard index < bytes.count, bytes[index] == separator else { return nil }
    index += 1
    let third = number()
    // After the date only a time may follow ("2026-03-15 14:02", "…T14:02:00Z").
    guard index == bytes.count || bytes[index] == 32 || bytes[index] == 84 else { return nil }
    var (year, month, day): (Int, Int, Int)
    if separator == 45 {
      guard first.digits == 4, second.digits == 2, third.digits == 2 else { return nil }
      (year, month, day) = (first.value, second.value, third.value)
    } else {
      guard (1...2).contains(first.digits), (1...2).contains(second.digits), third.digits == 2 || third.digits == 4
      else { return nil }
      year = third.digits == 2 ? 2000 + third.value : third.value
      (month, day) = first.value > 12 ? (second.value, first.value) : (first.value, second.value)
    }
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
