/// Formats amounts of the workspace's currency for people: `$1,234,500`.
public enum Money {
  public static func format(_ amount: Int64, currency: String = "USD") -> String {
    let symbol = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : ""
    let digits = String(amount.magnitude)
    var grouped = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(character)
    }
    let sign = amount < 0 ? "-" : ""
    return symbol.isEmpty ? "\(sign)\(grouped) \(currency)" : "\(sign)\(symbol)\(grouped)"
  }
}
