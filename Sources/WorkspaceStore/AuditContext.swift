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
  /// How the words reached baton: the command line or an AI agent over MCP.
  public var channel: AuditChannel

  public init(
    actor: String, input: String, intent: String?, action: String, at: String, channel: AuditChannel = .commandLine
  ) {
    self.actor = actor
    self.input = input
    self.intent = intent
    self.action = action
    self.at = at
    self.channel = channel
  }
}

/// How a change's words reached baton, as the audit log records it beside the actor.
public struct AuditChannel: Sendable, Hashable, CustomStringConvertible {
  /// `cli` (a terminal or a script) or `mcp` (an AI agent through `baton mcp`).
  public var name: String
  /// The program on the other end, as it named itself: an MCP client's name and version.
  public var client: String?

  public init(name: String, client: String? = nil) {
    self.name = name
    self.client = client
  }

  /// A terminal or a script: `baton` itself.
  public static let commandLine = AuditChannel(name: "cli")

  /// "mcp (claude-code 2.1)", or the name alone.
  public var description: String { client.map { "\(name) (\($0))" } ?? name }
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
  /// How the words reached baton.
  public var channel: AuditChannel = .commandLine
}
