import BatonModel
import Foundation
import ModelFile
import WorkspaceStore

/// The operating model's tables as MCP resources: the ownership matrix, the stages with
/// their exit criteria, the handoff rules (JSON), and the whole model as its file (YAML),
/// read from the workspace when asked, so they are always current.
enum ModelResources {
  private static let entries: [(uri: String, name: String, title: String, description: String, mime: String)] = [
    (
      "baton://model/ownership", "ownership", "Ownership matrix",
      "Each responsibility with its responsible, accountable, consulted and informed parties", "application/json"
    ),
    (
      "baton://model/stages", "stages", "Stages and exit criteria",
      "The lifecycle and deal stages in order, with probability, forecast category and exit criteria",
      "application/json"
    ),
    (
      "baton://model/handoff-rules", "handoff-rules", "Handoff rules",
      "Each handoff rule: trigger stage, teams, required fields and SLA", "application/json"
    ),
    (
      "baton://model", "operating-model", "Operating model file",
      "The whole operating model as `baton model export` writes it", "application/yaml"
    ),
  ]

  static var list: [JSONValue] {
    entries.map {
      [
        "uri": .string($0.uri), "name": .string($0.name), "title": .string($0.title),
        "description": .string($0.description), "mimeType": .string($0.mime),
      ]
    }
  }

  static func read(_ params: JSONValue, workspace: any WorkspaceAccess) throws -> JSONValue {
    guard case .object(let members) = params, case .string(let uri)? = members["uri"] else {
      throw RPCError.invalidParams("resources/read needs a uri")
    }
    guard let entry = entries.first(where: { $0.uri == uri }) else {
      throw RPCError(-32002, "Resource not found: \(uri)", data: ["uri": .string(uri)])
    }
    let model = try workspace.operatingModel()
    let text: String
    switch entry.name {
    case "ownership": text = try json(model.responsibilities)
    case "stages": text = try json(model.stages)
    case "handoff-rules": text = try json(model.handoffRules)
    default: text = try ModelFileWriter.text(model)
    }
    return ["contents": [["uri": .string(uri), "mimeType": .string(entry.mime), "text": .string(text)]]]
  }

  private static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
