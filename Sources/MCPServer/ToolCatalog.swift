import Actions
import BatonModel
import IntentMatching

/// A tool an agent can call: `ask` (a line in words), `confirm` (a token), or one intent
/// with typed arguments, generated from the intent files.
struct Tool {
  var name: String
  /// The intent a typed tool runs; nil for `ask` and `confirm`.
  var intent: IntentDefinition?
  /// The tool as `tools/list` describes it.
  var definition: JSONValue
}

/// The tools of one workspace: one per workflow and per question in the intent catalogue
/// (a team's own intents included), with input schemas from their slots: a stage is one of
/// the workspace's stages, a date an ISO date, a deal its number.
struct ToolCatalog {
  let tools: [Tool]
  private let byName: [String: Int]

  static let ask = "ask"
  static let confirm = "confirm"

  /// - Parameter executesAtOnce: whether side effects run when called (`--yes`) rather
  ///   than returning a plan and a token.
  init(catalog: IntentCatalog, names: WorkspaceNames, registry: ActionRegistry, executesAtOnce: Bool) {
    var tools = [Self.askTool(executesAtOnce: executesAtOnce)]
    if !executesAtOnce { tools.append(Self.confirmTool) }
    var taken: Set<String> = [Self.ask, Self.confirm]
    let actions = registry.names
    for intent in catalog.intents where actions.contains(intent.action) {
      // Two intents whose names read the same as a tool's ("deal.move", "deal_move"), or a
      // team's intent called "ask": the later one is not shadowed but numbered.
      var name = Self.name(of: intent)
      var number = 2
      while !taken.insert(name).inserted {
        name = "\(Self.name(of: intent))_\(number)"
        number += 1
      }
      tools.append(
        Self.tool(
          for: intent, named: name, changes: registry.workflow(for: intent.action) != nil, names: names,
          executesAtOnce: executesAtOnce))
    }
    self.tools = tools
    var byName: [String: Int] = [:]
    for (index, tool) in tools.enumerated() where byName[tool.name] == nil { byName[tool.name] = index }
    self.byName = byName
  }

  func tool(named name: String) -> Tool? { byName[name].map { tools[$0] } }

  /// A tool's name for an intent: `deal.move` is `deal_move`, as every client accepts
  /// (ASCII letters, digits, `_` and `-`, at most 64).
  static func name(of intent: IntentDefinition) -> String {
    String(
      intent.name.unicodeScalars.map {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") ? Character($0) : "_"
      }.prefix(60))
  }

  private static func askTool(executesAtOnce: Bool) -> Tool {
    let effects =
      executesAtOnce
      ? "A line that asks for a change carries it out at once (this server runs with --yes)."
      : "A line that asks for a change returns its plan and a token; `confirm` with the token carries it out."
    return Tool(
      name: ask, intent: nil,
      definition: [
        "name": .string(ask), "title": "Ask baton",
        "description": .string(
          "Ask baton a question or give it an instruction in words, as a person types them at baton's prompt: "
            + "“who owns stage exit criteria”, “what was our win rate in 2025”, “move deal 42 to Negotiation”. "
            + "One conversation: “it” and “and who is consulted?” follow on from earlier lines. \(effects) "
            + "The result has the reply's text and, as structured content, what `baton --json` prints."),
        "inputSchema": [
          "type": "object",
          "properties": ["line": ["type": "string", "description": "the line, in words"]],
          "required": ["line"], "additionalProperties": false,
        ],
        "annotations": ["readOnlyHint": false, "destructiveHint": false, "openWorldHint": false],
      ])
  }

  private static let confirmTool = Tool(
    name: confirm, intent: nil,
    definition: [
      "name": .string(confirm), "title": "Confirm a planned change",
      "description":
        "Carry out a change that a tool call planned, with the token it returned. A token is used once, by the person this server acts for, within a few minutes; it is refused if the plan would differ now (a record changed since).",
      "inputSchema": [
        "type": "object",
        "properties": ["token": ["type": "string", "description": "the confirm token of the plan"]],
        "required": ["token"], "additionalProperties": false,
      ],
      "annotations": ["readOnlyHint": false, "destructiveHint": false, "openWorldHint": false],
    ])

  /// - Parameter changes: whether its action is a workflow: what the hints say follows what
  ///   the action does, not what its intent file declares.
  private static func tool(
    for intent: IntentDefinition, named name: String, changes: Bool, names: WorkspaceNames, executesAtOnce: Bool
  ) -> Tool {
    var properties: [String: JSONValue] = [:]
    for slot in intent.slots { properties[slot.name] = schema(of: slot, names: names) }
    var description = intent.description.prefix(1).uppercased() + intent.description.dropFirst() + "."
    if changes {
      description +=
        executesAtOnce
        ? " Changes the workspace at once (this server runs with --yes), checked and audited."
        : " Changes the workspace: returns the plan and a token; `confirm` with the token carries it out."
    }
    return Tool(
      name: name, intent: intent,
      definition: [
        "name": .string(name), "description": .string(description),
        "inputSchema": [
          "type": "object", "properties": .object(properties),
          "required": .array(intent.slots.filter(\.required).map { .string($0.name) }),
          "additionalProperties": false,
        ],
        "annotations": [
          "readOnlyHint": .bool(!changes), "destructiveHint": false, "idempotentHint": .bool(!changes),
          "openWorldHint": false,
        ],
      ])
  }

  /// The JSON schema of a slot's argument.
  static func schema(of slot: SlotDefinition, names: WorkspaceNames) -> JSONValue {
    switch slot.type {
    case .deal, .lead, .task, .change:
      return [
        "type": "integer", "minimum": 1,
        "description": .string("the \(slot.type == .change ? "change request" : slot.type.rawValue)'s number"),
      ]
    case .number: return ["type": "integer", "description": "a whole number"]
    case .date: return ["type": "string", "format": "date", "description": "an ISO date: 2026-12-15"]
    case .period:
      return [
        "type": "string",
        "description": "a period: 2026-Q4, Q3 2025, 2025, December 2026, H1 2026, this quarter, last 30 days",
      ]
    case .size: return ["type": "string", "description": "a company's size: 200 employees, or $50M ARR"]
    case .text: return ["type": "string", "description": .string("free text: the \(slot.name)")]
    case .account: return ["type": "string", "description": "an account's name"]
    case .impossibleDate: return ["type": "string"]
    default:
      let choices = names.choices(slot.type)
      var schema: [String: JSONValue] = [
        "type": "string", "description": .string("a \(slot.type.rawValue) of the workspace, by name"),
      ]
      if !choices.isEmpty && choices.count <= 200 { schema["enum"] = .array(choices.map(JSONValue.string)) }
      return .object(schema)
    }
  }
}
