import BatonModel
import Foundation
import Yams

/// Reads intent files (`*.yaml` in one or more folders) into a catalog and diagnostics.
///
/// Pure: it reads the folders it is given and nothing else (no working directory, no
/// environment), so the CLI decides where intents come from and tests can point anywhere.
public enum IntentLoader {
  /// The newest file format this baton reads.
  public static let supportedVersion = 1

  private static let fileKeys: Set<String> = [
    "version", "intents", "vocabulary", "followups", "references", "out_of_scope",
  ]
  private static let intentKeys: Set<String> = [
    "name", "description", "action", "side_effects", "slots", "examples", "refused_by",
  ]

  /// Loads every `*.yaml` file of `directories`, in order; a later folder adds intents and
  /// phrasings to the earlier ones (a user's folder extends the built-in one).
  public static func load(directories: [URL]) -> (IntentCatalog, [Diagnostic]) {
    let (files, unread) = sources(directories: directories)
    let (catalog, diagnostics) = load(sources: files)
    return (catalog, unread + diagnostics)
  }

  /// The intent files of `directories` as they are on disk, in the order `load` reads them:
  /// what a saved engine is keyed by.
  public static func sources(directories: [URL]) -> ([IntentSource], [Diagnostic]) {
    var sources: [IntentSource] = []
    var diagnostics: [Diagnostic] = []
    // Every start does this: the folder is made standard once, its files named from it by
    // plain string, where a URL standardized per file cost more than reading the files.
    let cwd = FileManager.default.currentDirectoryPath + "/"
    for directory in directories {
      let folder = directory.standardizedFileURL.path
      let files: [String]
      do {
        files = try FileManager.default.contentsOfDirectory(atPath: folder)
          .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      } catch {
        diagnostics.append(
          Diagnostic(.error, file: directory.path, line: 1, column: 1, "cannot read the folder"))
        continue
      }
      for name in files {
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        // Shown relative to the working folder when under it, as compilers do.
        let display = path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= Self.largestFile else {
          diagnostics.append(
            Diagnostic(
              .error, file: display, line: 1, column: 1,
              "the file is \(size) bytes; an intent file is at most \(Self.largestFile) (1 MB)"))
          continue
        }
        guard let data = FileManager.default.contents(atPath: path) else {
          diagnostics.append(Diagnostic(.error, file: display, line: 1, column: 1, "cannot read"))
          continue
        }
        sources.append(IntentSource(name: display, bytes: Array(data)))
      }
    }
    return (sources, diagnostics)
  }

  /// Parses `sources` in order into one catalog.
  public static func load(sources: [IntentSource]) -> (IntentCatalog, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var intents: [IntentDefinition] = []
    var vocabulary: [NamedEntity] = []
    var followups: [String] = []
    var references: [String] = []
    var outOfScope: [String] = []
    for source in sources {
      let parsed = parse(String(decoding: source.bytes, as: UTF8.self), file: source.name)
      diagnostics += parsed.diagnostics
      vocabulary += parsed.vocabulary
      followups += parsed.followups
      references += parsed.references
      outOfScope += parsed.outOfScope
      for intent in parsed.intents {
        if let index = intents.firstIndex(where: { $0.name == intent.name }) {
          // Same name again: its examples are extra phrasings for the existing intent.
          intents[index].examples += intent.examples
          intents[index].refusedBy += intent.refusedBy.filter { !intents[index].refusedBy.contains($0) }
        } else {
          intents.append(intent)
        }
      }
    }
    return (
      IntentCatalog(
        intents: intents, vocabulary: vocabulary, followupCues: followups, references: references,
        outOfScope: outOfScope),
      diagnostics
    )
  }

  /// The largest intent file read: the product's are about 30 KB, and a file of many
  /// megabytes made every later start read a saved engine as large.
  static let largestFile = 1_048_576

  /// Where `text` uses a YAML anchor or alias, if it does: intent files need neither, and
  /// aliases of aliases expand to billions of nodes from a few lines.
  public static func firstAlias(in text: String) -> (line: Int, column: Int)? {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let characters = Array(line)
      var position = 0
      while position < characters.count {
        let character = characters[position]
        if character == "#" || character == "\"" || character == "'" { break }
        // A value starts after the indent, "- ", ": ", "[", "{" or ", ".
        let starts =
          position == 0 || characters[position - 1] == "[" || characters[position - 1] == "{"
          || (position >= 2 && characters[position - 1] == " "
            && ["-", ":", ","].contains(characters[position - 2]))
          || characters[..<position].allSatisfy { $0 == " " }
        if starts, character == "&" || character == "*", position + 1 < characters.count,
          characters[position + 1].isLetter || characters[position + 1].isNumber
        {
          return (index + 1, position + 1)
        }
        position += 1
      }
    }
    return nil
  }

  /// Parses one file's text.
  public static func parse(_ text: String, file: String) -> ParsedFile {
    var reader = FileReader(file: file)
    if let (line, column) = firstAlias(in: text) {
      let problem = "YAML anchors and aliases are not allowed in intent files"
      return ParsedFile(diagnostics: [Diagnostic(.error, file: file, line: line, column: column, problem)])
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      reader.yamlError(error)
      return ParsedFile(diagnostics: reader.diagnostics)
    } catch {
      reader.error(at: nil, "\(error)")
      return ParsedFile(diagnostics: reader.diagnostics)
    }
    guard let root, case .mapping(let mapping) = root else {
      reader.error(at: root, "an intent file is a mapping with `version` and `intents`")
      return ParsedFile(diagnostics: reader.diagnostics)
    }
    reader.warnUnknownKeys(mapping, allowed: fileKeys, what: "file")
    guard let versionNode = mapping["version"] else {
      reader.error(at: root, "missing `version: \(supportedVersion)`")
      return ParsedFile(diagnostics: reader.diagnostics)
    }
    guard let version = versionNode.int, version >= 1 else {
      reader.error(at: versionNode, "`version` must be a whole number")
      return ParsedFile(diagnostics: reader.diagnostics)
    }
    guard version <= supportedVersion else {
      reader.error(
        at: versionNode,
        "version \(version) is newer than this baton reads (\(supportedVersion))",
        notes: ["upgrade baton, or write the file in version \(supportedVersion)"])
      return ParsedFile(diagnostics: reader.diagnostics)
    }
    var intents: [IntentDefinition] = []
    if let list = mapping["intents"] {
      if case .sequence(let sequence) = list {
        for node in sequence {
          if let intent = reader.intent(node, keys: intentKeys) { intents.append(intent) }
        }
      } else {
        reader.error(at: list, "`intents` is a list")
      }
    }
    let vocabulary = mapping["vocabulary"].map { reader.vocabulary($0) } ?? []
    let followups = reader.phrases(mapping["followups"], named: "followups")
    let references = reader.phrases(mapping["references"], named: "references")
    let outOfScope = reader.phrases(mapping["out_of_scope"], named: "out_of_scope")
    return ParsedFile(
      intents: intents, vocabulary: vocabulary, followups: followups, references: references, outOfScope: outOfScope,
      diagnostics: reader.diagnostics)
  }
}

/// One intent file as read from disk: its name as diagnostics show it, and its bytes.
public struct IntentSource: Sendable {
  public var name: String
  public var bytes: [UInt8]

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}

/// What one intent file holds.
public struct ParsedFile: Sendable {
  public var intents: [IntentDefinition] = []
  public var vocabulary: [NamedEntity] = []
  public var followups: [String] = []
  public var references: [String] = []
  /// Lines that are none of baton's business, taught to the ranker as what to refuse.
  public var outOfScope: [String] = []
  public var diagnostics: [Diagnostic] = []
}
