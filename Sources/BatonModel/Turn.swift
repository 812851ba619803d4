/// One line of the conversation and what came of it: what `--json` prints.
public struct Turn: Sendable, Equatable {
  public var input: String
  /// The intent run, or nil when the line was not understood.
  public var intent: String?
  public var slots: [String: SlotValue]
  public var reply: Reply
  /// Whether the conversation ends after this turn (`quit`).
  public var endsSession: Bool

  public init(
    input: String, intent: String?, slots: [String: SlotValue], reply: Reply,
    endsSession: Bool = false
  ) {
    self.input = input
    self.intent = intent
    self.slots = slots
    self.reply = reply
    self.endsSession = endsSession
  }
}
