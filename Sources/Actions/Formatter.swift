import BatonModel
import Foundation
import WorkspaceStore

/// Amounts in the workspace's currency, and ratios, as the summaries print them.
struct Formatter {
  let currency: String

  init(_ workspace: any WorkspaceAccess) throws { currency = try workspace.setting("currency") ?? "USD" }

  func callAsFunction(_ amount: Int64) -> String { Money.format(amount, currency: currency) }

  /// "+$12,000", "-$3,500", "0".
  func signed(_ amount: Int64) -> String { amount > 0 ? "+" + self(amount) : amount == 0 ? "0" : self(amount) }

  /// "3.2x".
  static func ratio(_ value: Double) -> String { String(format: "%.1fx", value) }

  /// "41.7 %".
  static func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }

  /// Two decimals, for JSON.
  static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

  /// "2026-11-23 09:00:00" for the audit log's "2026-11-23T09:00:00Z": one way to write a
  /// moment in every answer.
  static func moment(_ iso: String) -> String {
    iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
  }
}

/// The deal table several answers share.
enum DealTables {
  static func table(_ deals: [Deal], money: Formatter) -> Table {
    Table(
      header: ["#", "Deal", "Owner", "Stage", "Amount", "Close"],
      rows: deals.map {
        [
          String($0.id), $0.name, $0.owner ?? "-", $0.stageName, $0.amount.map(money.callAsFunction) ?? "-",
          $0.closeDate?.iso ?? "-",
        ]
      }, alignments: [.right, .left, .left, .left, .right, .left])
  }
}
