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
        return Self.invalid(tool.name, [.init(argument: "token", message: "is required, a string; and nothing else")])
      }
      return confirm(token)
    default:
      guard case .string(let line)? = arguments["line"], arguments.count == 1 else {
        return Self.invalid(tool.name, [.init(argument: "line", message: "is required, a string; and nothing else")])
      }
      return result(session.handle(line))
    }
  }

  private func typed(_ tool: Tool, _ intent: IntentDefinition, _ arguments: [String: JSONValue]) -> JSONValue {
    let reader = ToolArguments(names: names, matcher: session.matcher, today: session.day)
    switch reader.slots(for: intent, arguments) {
    case .problems(let problems): return Self.invalid(tool.name, problems)
    case .slots(let slots):
      // The words the audit log records: the call as made.
      let input = "\(tool.name) \(JSONValue.object(arguments).jsonText)"
      return result(session.run(intent, slots: slots, input: input))
    }
  }

  private func confirm(_ token: String) -> JSONValue {
    switch tokens.redeem(token, actor: session.actor.handle, now: clock()) {
    case .success(let pending): return result(session.carryOut(pending))
    case .failure(let refusal):
      let why: String
      switch refusal {
      case .unknown:
        why = "This token is not one this server issued, or it was used already. Call the tool again for a new plan."
      case .expired: why = "This token has expired. Call the tool again for a new plan."
      case .otherActor(let handle): why = "This token was issued to \(handle), not to \(session.actor.handle)."
      }
      return Self.errorResult(why, ["ok": false, "kind": "refused", "reason": "invalid_token"])
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

  /// A call whose arguments cannot be used: each named, with what is wrong with it.
  static func invalid(_ tool: String, _ problems: [ToolArguments.Problem]) -> JSONValue {
    let text =
      "Not done: \(tool) was called with arguments it cannot use: "
      + problems.map { "`\($0.argument)` \($0.message)" }.joined(separator: "; ") + "."
    return errorResult(
      text,
      [
        "ok": false, "kind": "refused", "reason": "invalid_arguments",
        "arguments": .array(problems.map { ["argument": .string($0.argument), "problem": .string($0.message)] }),
      ])
  }

  private static func errorResult(_ text: String, _ structured: JSONValue) -> JSONValue {
    ["content": [["type": "text", "text": .string(text)]], "structuredContent": structured, "isError": true]
  }
}
