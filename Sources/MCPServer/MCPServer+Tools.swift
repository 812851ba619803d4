import Assistant
import BatonModel
import Conversation
import Foundation
import IntentMatching
import Rendering

/// `tools/call`: a line in words, a typed intent, or a confirmation, each answered as a
/// tool result. A refusal or a line not understood is a result with `isError`; only a
/// malformed call is a protocol error.
extension MCPServer {
  func callTool(_ params: JSONValue) throws -> JSONValue {
    guard case .object(let members) = params, case .string(let name)? = members["name"] else {
      throw RPCError.invalidParams("tools/call needs the tool's name")
    }
    var arguments: [String: JSONValue] = [:]
    switch members["arguments"] {
    case nil, .null?: break
    case .object(let given)?: arguments = given
    default: throw RPCError.invalidParams("a tool's arguments are an object")
    }
    guard let tool = tools.tool(named: name) else {
      throw RPCError.invalidParams("no tool “\(name)”; tools/list lists them")
    }
    if let intent = tool.intent { return typed(tool, intent, arguments) }
    switch name {
    case ToolCatalog.confirm:
      guard case .string(let token)? = arguments["token"], arguments.count == 1 else {
        return Self.invalidResult(
          tool.name, [.init(argument: "token", message: "is required, a string; and nothing else")])
      }
      return confirm(token)
    default:
      guard case .string(let line)? = arguments["line"], arguments.count == 1 else {
        return Self.invalidResult(
          tool.name, [.init(argument: "line", message: "is required, a string; and nothing else")])
      }
      return result(session.handle(line))
    }
  }

  private func typed(_ tool: Tool, _ intent: IntentDefinition, _ arguments: [String: JSONValue]) -> JSONValue {
    let reader = ToolArguments(names: names, matcher: session.matcher, today: session.day)
    // The words the audit log records: the call as made.
    let input = "\(tool.name) \(JSONValue.object(arguments).jsonText)"
    switch reader.slots(for: intent, arguments) {
    case .problems(let problems):
      let (text, data) = Self.invalid(tool.name, problems)
      // A change refused for its arguments is audited as any refused change is.
      let reply =
        session.changesWorkspace(intent.action)
        ? session.audited(
          .refused(text, reason: .invalidArguments, data), action: intent.action, intent: intent.name, input: input)
        : .refused(text, reason: .invalidArguments, data)
      return Self.errorResult(reply.firstLine, ["ok": false, "kind": .string(reply.kind.rawValue), "data": reply.data])
    case .slots(let slots):
      return result(session.run(intent, slots: slots, input: input))
    }
  }

  private func confirm(_ token: String) -> JSONValue {
    switch tokens.redeem(token, actor: session.actor.handle, now: clock()) {
    case .success(let pending): return result(session.carryOut(pending))
    case .failure(let refusal):
      let why: String
      var action = ToolCatalog.confirm
      var intent: String?
      switch refusal {
      case .unknown:
        why =
          "Not done: this token is not one this server issued, or it was used already. Call the tool again for a new plan."
      case .expired(let pending):
        why = "Not done: this token has expired. Call the tool again for a new plan."
        (action, intent) = (pending.action, pending.intent)
      case .otherActor(let handle, let pending):
        why = "Not done: this token was issued to \(handle), not to \(session.actor.handle)."
        (action, intent) = (pending.action, pending.intent)
      }
      let reply = session.audited(
        .refused(why, reason: .invalidToken), action: action, intent: intent, input: "confirm \(token)")
      return Self.errorResult(reply.firstLine, ["ok": false, "kind": .string(reply.kind.rawValue), "data": reply.data])
    }
  }

  /// A turn as a tool result: the reply's text, and what `--json` prints as structured
  /// content; a side effect waiting for "yes" is held under a token instead.
  private func result(_ turn: Turn) -> JSONValue {
    var turn = turn
    var token: String?
    if let pending = session.takeConfirmation() {
      let issued = tokens.issue(for: pending, actor: session.actor.handle, now: clock())
      token = issued
      turn.reply.blocks = turn.reply.blocks.map { block in
        guard case .text(let text) = block, text.hasSuffix("[y/N]") else { return block }
        let question = text.dropLast("[y/N]".count).trimmingCharacters(in: .whitespaces)
        let minutes = Int(tokens.lifetime.components.seconds / 60)
        let instruction =
          "Not done yet: to carry it out, call confirm with the token \(issued) (valid \(minutes) minutes, once)."
        return .text(question == "Proceed?" ? instruction : "\(question) \(instruction)")
      }
    }
    var structured = JSONRenderer().object(turn)
    if let token, case .object(var members) = structured {
      members["confirm"] = [
        "token": .string(token), "expires_in_seconds": .int(tokens.lifetime.components.seconds),
      ]
      structured = .object(members)
    }
    let text = TextRenderer(width: nil, colour: false, charts: false).render(turn.reply)
    return [
      "content": [["type": "text", "text": .string(text)]], "structuredContent": structured,
      "isError": .bool(!turn.reply.ok),
    ]
  }

  /// What is said of a call whose arguments cannot be used: each named, with what is wrong.
  static func invalid(_ tool: String, _ problems: [ToolArguments.Problem]) -> (String, [String: JSONValue]) {
    let text =
      "Not done: \(tool) was called with arguments it cannot use: "
      + problems.map { "`\($0.argument)` \($0.message)" }.joined(separator: "; ") + "."
    return (
      text,
      ["arguments": .array(problems.map { ["argument": .string($0.argument), "problem": .string($0.message)] })]
    )
  }

  /// `ask` or `confirm` called without their one argument: nothing to audit, as nothing was
  /// asked for.
  static func invalidResult(_ tool: String, _ problems: [ToolArguments.Problem]) -> JSONValue {
    let (text, data) = invalid(tool, problems)
    var structured = data
    structured["reason"] = .string(RefusalReason.invalidArguments.rawValue)
    return errorResult(text, ["ok": false, "kind": "refused", "data": .object(structured)])
  }

  private static func errorResult(_ text: String, _ structured: JSONValue) -> JSONValue {
    ["content": [["type": "text", "text": .string(text)]], "structuredContent": structured, "isError": true]
  }
}
