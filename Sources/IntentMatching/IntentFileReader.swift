import BatonModel
import Yams

/// Walks one intent file's YAML tree, building definitions and collecting diagnostics with
/// the line and column of each problem.
struct FileReader {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  mutating func error(at node: Node?, _ message: String, notes: [String] = []) {
    let mark = node?.mark
    diagnostics.append(
      Diagnostic(
        .error, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message, notes: notes)
    )
  }

  mutating func warning(at node: Node?, _ message: String, notes: [String] = []) {
    let mark = node?.mark
    diagnostics.append(
      Diagnostic(
        .warning, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message,
        notes: notes))
  }

  mutating func yamlError(_ error: YamlError) {
    diagnostics.append(Diagnostic.yaml(error, file: file))
  }

  /// Unknown keys warn rather than fail, so a newer file still loads in an older baton.
  mutating func warnUnknownKeys(_ mapping: Node.Mapping, allowed: Set<String>, what: String) {
    for (key, _) in mapping {
      guard let name = key.string, !allowed.contains(name) else { continue }
      let suggestions = EditDistance.suggestions(for: name, among: allowed.sorted(), limit: 1)
      warning(
        at: key, "unknown \(what) key '\(name)' is ignored",
        notes: suggestions.map { "did you mean '\($0)'?" })
    }
  }

  mutating func intent(_ node: Node, keys: Set<String>) -> IntentDefinition? {
    guard case .mapping(let mapping) = node else {
      error(at: node, "an intent is a mapping with `name`, `action`, `slots` and `examples`")
      return nil
    }
    warnUnknownKeys(mapping, allowed: keys, what: "intent")
    guard let name = requiredString(mapping, "name", in: node) else { return nil }
    let action = requiredString(mapping, "action", in: node)
    var sideEffects = false
    if let flag = mapping["side_effects"] {
      if let value = flag.bool { sideEffects = value } else { error(at: flag, "`side_effects` is true or false") }
    }
    let slots = mapping["slots"].map { self.slots($0) } ?? []
    var examples: [Example] = []
    if let list = mapping["examples"] {
      if case .sequence(let sequence) = list {
        for item in sequence {
          guard let text = item.string, !text.isEmpty else {
            error(at: item, "an example is a line of text")
            continue
          }
          let example = Example(text: text, line: item.mark?.line ?? 1)
          for marker in example.markers where !slots.contains(where: { $0.name == marker }) {
            error(
              at: item, "the example uses the slot '{\(marker)}', which `slots` does not declare",
              notes: EditDistance.suggestions(for: marker, among: slots.map(\.name), limit: 1)
                .map { "did you mean '{\($0)}'?" })
          }
          examples.append(example)
        }
      } else {
        error(at: list, "`examples` is a list")
      }
    }
    var refusedBy: [String] = []
    if let list = mapping["refused_by"] {
      if case .sequence(let sequence) = list, sequence.allSatisfy({ $0.string?.contains(" ") == false }) {
        refusedBy = sequence.compactMap { $0.string?.lowercased() }
      } else {
        error(at: list, "`refused_by` is a list of single words")
      }
    }
    guard let action else { return nil }
    return IntentDefinition(
      name: name, description: mapping["description"]?.string ?? "", action: action,
      sideEffects: sideEffects, slots: slots, examples: examples, refusedBy: refusedBy, file: file,
      line: node.mark?.line ?? 1)
  }

  private mutating func requiredString(_ mapping: Node.Mapping, _ key: String, in node: Node)
    -> String?
  {
    guard let value = mapping[key] else {
      error(at: node, "missing `\(key)`")
      return nil
    }
    guard let text = value.string, !text.isEmpty else {
      error(at: value, "`\(key)` is a non-empty text")
      return nil
    }
    return text
  }

  /// `slots:` maps a slot name to its type, or to `{type: …, required: true, context: true,
  /// marked: true}`.
  private mutating func slots(_ node: Node) -> [SlotDefinition] {
    guard case .mapping(let mapping) = node else {
      error(at: node, "`slots` maps each slot name to its type")
      return []
    }
    var result: [SlotDefinition] = []
    for (key, value) in mapping {
      guard let name = key.string else { continue }
      var typeNode = value
      var required = false
      var fromContext = false
      var marked = false
      if case .mapping(let details) = value {
        warnUnknownKeys(details, allowed: ["type", "required", "context", "marked"], what: "slot")
        guard let type = details["type"] else {
          error(at: value, "slot '\(name)' has no `type`")
          continue
        }
        typeNode = type
        required = details["required"]?.bool ?? false
        fromContext = details["context"]?.bool ?? false
        marked = details["marked"]?.bool ?? false
        if marked && type.string != EntityKind.text.rawValue {
          error(at: value, "slot '\(name)' is `marked` but not of type text: only free text is set apart")
        }
      }
      guard let typeName = typeNode.string else {
        error(at: typeNode, "slot '\(name)' needs a type name")
        continue
      }
      guard let type = EntityKind(rawValue: typeName) else {
        let known = EntityKind.allCases.map(\.rawValue)
        error(
          at: typeNode, "unknown slot type '\(typeName)'",
          notes: EditDistance.suggestions(for: typeName, among: known, limit: 1).map {
            "did you mean '\($0)'?"
          })
        continue
      }
      result.append(
        SlotDefinition(name: name, type: type, required: required, fromContext: fromContext, takesMarkedText: marked))
    }
    return result
  }

  /// A top-level list of phrases (`followups:`, `references:`); empty when absent.
  mutating func phrases(_ node: Node?, named key: String) -> [String] {
    guard let node else { return [] }
    guard case .sequence(let items) = node else {
      error(at: node, "`\(key)` is a list of phrases")
      return []
    }
    return items.compactMap(\.string)
  }

  /// `vocabulary:` maps a kind to canonical keys and their phrases.
  mutating func vocabulary(_ node: Node) -> [NamedEntity] {
    guard case .mapping(let kinds) = node else {
      error(at: node, "`vocabulary` maps a kind to its words")
      return []
    }
    var result: [NamedEntity] = []
    for (kindNode, entries) in kinds {
      guard let kindName = kindNode.string, let kind = EntityKind(rawValue: kindName) else {
        error(at: kindNode, "unknown vocabulary kind '\(kindNode.string ?? "")'")
        continue
      }
      guard case .mapping(let words) = entries else {
        error(at: entries, "each vocabulary kind maps a key to a list of phrases")
        continue
      }
      for (keyNode, phrasesNode) in words {
        guard let key = keyNode.string, case .sequence(let phrases) = phrasesNode else {
          error(at: keyNode, "a vocabulary entry is a key with a list of phrases")
          continue
        }
        let list = phrases.compactMap(\.string)
        result.append(NamedEntity(kind: kind, key: key, display: list.first ?? key, phrases: list))
      }
    }
    return result
  }
}
