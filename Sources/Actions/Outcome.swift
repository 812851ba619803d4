import BatonModel
import WorkspaceStore

/// What a side-effect action answers before anything is written: a reply (a refusal, or
/// "already done"), or a plan to confirm.
public enum Outcome {
  case reply(Reply)
  case plan(Plan)
}

/// A checked side effect, ready to run: what it will do, and the closure that does it in one
/// transaction.
public struct Plan {
  /// "Move deal 42 (Globex Renewal) from Proposal to Negotiation."
  public var summary: String
  public var data: JSONValue
  /// Writes the change and says what was done. Its reply's data carries `audit_id`.
  public var perform: () throws -> Reply
  /// A second side effect to offer once this one is done ("move its open deals too?"): the
  /// question and the workflow action that answers yes.
  public var followUp: FollowUp?

  public init(summary: String, data: JSONValue, followUp: FollowUp? = nil, perform: @escaping () throws -> Reply) {
    self.summary = summary
    self.data = data
    self.followUp = followUp
    self.perform = perform
  }
}

/// A further side effect a plan offers after it is done.
public struct FollowUp: Sendable {
  public var question: String
  public var action: String

  public init(question: String, action: String) {
    self.question = question
    self.action = action
  }
}
