import BatonModel
import Foundation
import IntentMatching
import WorkspaceStore
import Yams

/// Walks a model file's YAML tree into an `OperatingModel`, collecting a diagnostic at the
/// line and column of each problem. Unknown keys are errors: a misspelt key in a model file
/// would otherwise drop what it holds without a word.
struct ModelFields {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  static let fileKeys: Set<String> = [
    "version", "company", "decision_rule", "decision_signals", "ops_models", "teams", "people", "responsibilities",
    "stages", "handoff_rules", "metrics", "targets", "routing_rules", "deal_fields",
  ]

  mutating func error(at node: Node?, _ message: String, notes: [String] = []) {
    let mark = node?.mark
    diagnostics.append(
      Diagnostic(.error, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message, notes: notes))
  }

  mutating func yamlError(_ error: YamlError) {
    diagnostics.append(Diagnostic.yaml(error, file: file))
  }

  /// `node` as a mapping whose keys are all among `keys`, or nil with an error.
  mutating func mapping(_ node: Node, _ what: String, keys: Set<String>) -> Node.Mapping? {
    guard case .mapping(let mapping) = node else {
      error(at: node, "\(what) is a mapping of keys to values")
      return nil
    }
    for (key, _) in mapping {
      guard let name = key.string, !keys.contains(name) else { continue }
      error(
        at: key, "unknown key '\(name)' in \(what)",
        notes: EditDistance.suggestions(for: name, among: keys.sorted(), limit: 1).map { "did you mean '\($0)'?" })
    }
    return mapping
  }

  /// The items of a list under `key` (none when the key is absent).
  mutating func items(_ mapping: Node.Mapping, _ key: String) -> [Node] {
    guard let node = mapping[key] else { return [] }
    guard case .sequence(let sequence) = node else {
      error(at: node, "`\(key)` is a list")
      return []
    }
    return Array(sequence)
  }

  mutating func text(_ mapping: Node.Mapping, _ key: String, in parent: Node, required: Bool = true) -> String? {
    guard let node = mapping[key] else {
      if required { error(at: parent, "missing `\(key)`") }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      error(at: node, "`\(key)` is a single value")
      return nil
    }
    // An empty value (`key:`) is unset, as an export writes an unset value by leaving it out;
    // so is YAML's null (`~`, `null`) written plain, never the text "null".
    if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
      if required { error(at: node, "`\(key)` is empty") }
      return nil
    }
    return scalar.string
  }

  mutating func number(_ mapping: Node.Mapping, _ key: String, in parent: Node, required: Bool = false) -> Int? {
    guard let text = text(mapping, key, in: parent, required: required) else { return nil }
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
      error(at: mapping[key], "`\(key)` is a whole number, not “\(text)”")
      return nil
    }
    return value
  }

  mutating func flag(_ mapping: Node.Mapping, _ key: String) -> Bool {
    guard let node = mapping[key] else { return false }
    guard let value = node.bool else {
      error(at: node, "`\(key)` is true or false")
      return false
    }
    return value
  }

  /// A list of words: `[a, b]` or a block list.
  mutating func words(_ mapping: Node.Mapping, _ key: String) -> [String] {
    items(mapping, key).compactMap { item in
      guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
        error(at: item, "each of `\(key)` is a word or phrase")
        return nil
      }
      return scalar.string
    }
  }
}
