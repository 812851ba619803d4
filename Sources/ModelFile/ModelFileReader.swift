import BatonModel
import Foundation
import IntentMatching
import WorkspaceStore
import Yams

/// Reads an operating-model file into a model, reporting each problem compiler-style at its
/// line and column: YAML errors, unknown keys, missing or mistyped values, and the model's
/// own problems (a stage no handoff rule can find, a person in no team…).
public enum ModelFileReader {
  /// The largest model file read; a company's model is tens of kilobytes.
  public static let largestFile = 4_194_304

  public static func read(_ text: String, file: String) -> (model: OperatingModel?, diagnostics: [Diagnostic]) {
    var fields = ModelFields(file: file)
    if text.utf8.count > largestFile {
      fields.error(at: nil, "the file is \(text.utf8.count) bytes; a model file is at most \(largestFile)")
      return (nil, fields.diagnostics)
    }
    if let (line, column) = IntentLoader.firstAlias(in: text) {
      let problem = "YAML anchors and aliases are not allowed in a model file"
      return (nil, [Diagnostic(.error, file: file, line: line, column: column, problem)])
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      fields.yamlError(error)
      return (nil, fields.diagnostics)
    } catch {
      fields.error(at: nil, "\(error)")
      return (nil, fields.diagnostics)
    }
    guard let root, let mapping = fields.mapping(root, "a model file", keys: ModelFields.fileKeys) else {
      if root == nil { fields.error(at: nil, "the file is empty; `baton model export` writes one to start from") }
      return (nil, fields.diagnostics)
    }
    if let version = mapping["version"] {
      if let number = version.int, number > ModelFileWriter.version {
        fields.error(at: version, "version \(number) is newer than this baton reads (\(ModelFileWriter.version))")
      } else if version.int == nil {
        fields.error(at: version, "`version` is a whole number")
      }
    } else {
      fields.error(at: root, "missing `version: \(ModelFileWriter.version)`")
    }
    let model = fields.model(mapping, root: root)
    guard fields.diagnostics.isEmpty, let model else { return (nil, fields.diagnostics) }
    for problem in model.problems() {
      fields.error(at: node(at: problem.path, in: root), problem.message, notes: problem.notes)
    }
    return fields.diagnostics.isEmpty ? (model, []) : (nil, fields.diagnostics)
  }

  /// The node a model path names, or the nearest one above it that the file has.
  static func node(at path: [ModelPathComponent], in root: Node) -> Node {
    var node = root
    for component in path {
      switch (component, node) {
      case (.key(let key), .mapping(let mapping)):
        guard let next = mapping[key] else { return node }
        node = next
      case (.index(let index), .sequence(let sequence)):
        guard index < sequence.count else { return node }
        node = sequence[index]
      default:
        return node
      }
    }
    return node
  }
}
