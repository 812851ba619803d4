/// Formats amounts of the workspace's currency for people: `$1,234,500`.
public enum Money {
  /// The largest amount a deal may have, a trillion: every sum baton makes of amounts (a
  /// million deals, each weighted by a percentage) then stays far inside an Int64.
  public static let largest: Int64 = 1_000_000_000_000

  public static func format(_ amount: Int64, currency: String = "USD") -> String {
    let symbol = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : ""
    // Written by bytes, last digit first, into one buffer then read back once: a table of
    // twenty deals formats sixty amounts, and grouping character by character (with the
    // digits counted again at each), then joining the parts, would be most of the answer.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    var rest = amount.magnitude
    var written = 0
    repeat {
      if written > 0 && written % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
      written += 1
    } while rest > 0
    bytes.append(contentsOf: symbol.utf8.reversed())
    if amount < 0 { bytes.append(UInt8(ascii: "-")) }
    bytes.reverse()
    if symbol.isEmpty {
      bytes.append(UInt8(ascii: " "))
      bytes.append(contentsOf: currency.utf8)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
