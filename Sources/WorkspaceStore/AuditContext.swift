/// Who makes a change and why: what every audit row records besides the records touched.
public struct AuditContext: Sendable {
  /// The actor's handle.
  public var actor: String
  /// The words typed.
  public var input: String
  public var intent: String?
  public var action: String
  /// When, as ISO 8601 (`2026-11-23T09:00:00Z`); injected so transcripts are stable.
  public var at: String

  public init(actor: String, input: String, intent: String?, action: String, at: String) {
    self.actor = actor
    self.input = input
    self.intent = intent
    self.action = action
    self.at = at
  }
}

/// One row of the audit log, as "what changed" shows it.
public struct AuditEntry: Sendable, Hashable {
  public var id: Int64
  public var at: String
  public var actor: String
  public var input: String
  public var intent: String?
  public var action: String
  /// done, refused or undone.
  public var outcome: String
  /// The records touched: "deal 42", "task 5".
  public var records: [String]
  /// The audit row this one reversed, for an undo.
  public var undoes: Int64?
  /// Why a side effect was refused, or an override's reason.
  public var note: String?
}
