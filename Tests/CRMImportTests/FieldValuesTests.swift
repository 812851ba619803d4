import BatonModel
import Testing

@testable import CRMImport

/// The values CRM exports write, read as a user would expect them.
struct FieldValuesTests {
  @Test(arguments: [
    ("125000", Int64(125_000)), ("$125,000.00", 125_000), ("USD 1,250", 1_250), ("€ 99.5", 100), ("0", 0),
  ])
  func money(text: String, value: Int64) {
    #expect(FieldValues.money(text) == value)
  }

  @Test(arguments: ["lots", "12abc", "-5", "1e30", "$", ""])
  func notMoney(text: String) {
    #expect(FieldValues.money(text) == nil)
  }

  @Test(arguments: [
    ("2026-03-15", "2026-03-15"), ("2026-03-15 14:02", "2026-03-15"), ("2026-03-15T14:02:00Z", "2026-03-15"),
    ("3/15/2026", "2026-03-15"), ("15/3/2026", "2026-03-15"), ("3/15/26", "2026-03-15"), ("2/29/2028", "2028-02-29"),
  ])
  func days(text: String, iso: String) {
    #expect(FieldValues.day(text)?.iso == iso)
  }

  @Test(arguments: ["31/31/2026", "2/30/2026", "2026-13-01", "March 3", "3/15/202"])
  func notDays(text: String) {
    #expect(FieldValues.day(text) == nil)
  }

  @Test func headersMatchTheirLayoutWhateverTheirCase() throws {
    let layouts = try #require(try CRMLayout.bundled()[.deals])
    let plan = try ColumnPlan(
      header: ["Record ID", "DEAL NAME", "deal stage", "Amount", "Pipeline", "Notes"], kind: .deals, layouts: layouts,
      overrides: [("Notes", "-")], path: "x.csv")
    #expect(plan.layoutName == "HubSpot deals export")
    #expect(plan.columns == ["crm_id": 0, "name": 1, "stage": 2, "amount": 3])
    #expect(plan.unused == ["Pipeline", "Notes"])
  }
}
