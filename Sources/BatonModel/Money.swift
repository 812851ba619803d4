/// Formats amounts of the workspace's currency for people: `$1,234,500`.
public enum Money {
  public static func format(_ amount: Int64, currency: String = "USD") -> String {
    let symbol = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : ""
    // Grouped by bytes: a table of twenty deals formats sixty amounts, and grouping
    // character by character (with the digits counted again at each) was most of it.
    let digits = Array(String(amount.magnitude).utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count + digits.count / 3)
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(digit)
    }
    let grouped = String(decoding: bytes, as: UTF8.self)
    let sign = amount < 0 ? "-" : ""
    return symbol.isEmpty ? "\(sign)\(grouped) \(currency)" : "\(sign)\(symbol)\(grouped)"
  }
}
