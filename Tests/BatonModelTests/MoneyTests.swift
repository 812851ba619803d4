import BatonModel
import BatonTestSupport
import Testing

@Suite(.tags(.fast)) struct MoneyTests {
  @Test(arguments: [
    (Int64(0), "USD", "$0"), (999, "USD", "$999"), (1_000, "USD", "$1,000"), (1_234_500, "USD", "$1,234,500"),
    (-12_000, "USD", "-$12,000"), (123_456, "EUR", "€123,456"), (1_000_000, "GBP", "£1,000,000"),
    (42_000, "CHF", "42,000 CHF"), (Int64.max, "USD", "$9,223,372,036,854,775,807"),
    (Int64.min, "USD", "-$9,223,372,036,854,775,808"),
  ])
  func groupsThousands(_ amount: Int64, _ currency: String, _ expected: String) {
    #expect(Money.format(amount, currency: currency) == expected)
  }
}
