/// Why a line was refused: the `reason` in a refused reply's data. `--json` prints it and
/// scripts branch on it, so the raw values are a public interface.
public enum RefusalReason: String, Sendable, CaseIterable, Codable {
  /// The actor's role does not allow it.
  case permission
  /// A record the line named is not in the workspace.
  case notFound = "not_found"
  /// Someone else changed the record between the check and the write.
  case conflict
  /// A script's side effect without `--yes`.
  case confirmationRequired = "confirmation_required"
  /// A deal's move skips exit criteria it has no evidence for.
  case exitCriteria = "exit_criteria"
  /// A deal cannot be in the stage named (a lifecycle or customer stage).
  case notADealStage = "not_a_deal_stage"
  /// The deal is in the wrong stage for the workflow (a handoff before Closed-Won).
  case wrongStage = "wrong_stage"
  /// An override or a rejection without the reason it needs.
  case reasonRequired = "reason_required"
  /// A handoff whose rule's required context is missing.
  case missingContext = "missing_context"
  /// The workspace has no rule for the workflow.
  case noRule = "no_rule"
  /// No customer success manager to hand the account to.
  case noCSM = "no_csm"
  /// No rep covers the lead's territory.
  case noTerritory = "no_territory"
  /// Every rep of the territory is at capacity.
  case atCapacity = "at_capacity"
  /// A disqualified lead is not routed.
  case disqualified
  /// A due date in the past.
  case pastDueDate = "past_due_date"
  /// `undo` with no change of the caller's left to reverse.
  case nothingToUndo = "nothing_to_undo"
  /// A number the line gave is out of range ("stuck for -3 days").
  case invalidNumber = "invalid_number"
  /// A company size the decision rule cannot read.
  case unreadableSize = "unreadable_size"
  /// A side effect's line names something the workflow cannot use, so it is not guessed at.
  case unusedWords = "unused_words"
  /// A proposed change names no part of the operating model.
  case notAChange = "not_a_change"
  /// The line names a date the calendar does not have ("2026-02-30").
  case impossibleDate = "impossible_date"
  /// A confirmed side effect whose plan is no longer the one shown (a record changed since).
  case planChanged = "plan_changed"
  /// A tool call (an agent over MCP) whose arguments cannot be used.
  case invalidArguments = "invalid_arguments"
  /// A confirm token that is unknown, used already, expired or another actor's.
  case invalidToken = "invalid_token"
  /// Evidence given a value that is not a yes ("budget confirmed … to no"): nothing recorded.
  case notEvidence = "not_evidence"
  /// A record named by what it holds ("the forecast task") that several records hold.
  case ambiguous
}

extension Reply {
  /// A refusal: `text` for people, `reason` and `data` for programs.
  public static func refused(_ text: String, reason: RefusalReason, _ data: [String: JSONValue] = [:]) -> Reply {
    var data = data
    data["reason"] = .string(reason.rawValue)
    return Reply(kind: .refused, text: text, data: .object(data))
  }

  /// A refusal of several paragraphs.
  public static func refused(blocks: [Block], reason: RefusalReason, _ data: [String: JSONValue] = [:]) -> Reply {
    var data = data
    data["reason"] = .string(reason.rawValue)
    return Reply(kind: .refused, blocks: blocks, data: .object(data))
  }

  /// The reason of a refusal, when it carries one.
  public var refusalReason: RefusalReason? {
    guard kind == .refused, case .object(let object) = data, case .string(let raw)? = object["reason"] else {
      return nil
    }
    return RefusalReason(rawValue: raw)
  }
}

extension Reply {
  /// A record the line named is not in the workspace: "No deal 4242 in the workspace.
  /// Nearest: deal 220, deal 219.", with `missing` and `nearest` for programs.
  public static func notFound(_ what: String, nearest: [String] = [], _ data: [String: JSONValue] = [:]) -> Reply {
    let hint = nearest.isEmpty ? "" : " Nearest: \(nearest.joined(separator: ", "))."
    var data = data
    data["missing"] = .string(what)
    data["nearest"] = .array(nearest.map(JSONValue.string))
    return .refused("No \(what) in the workspace.\(hint)", reason: .notFound, data)
  }
}
