import BatonModel
import Conversation
import IntentMatching

/// What Tab offers at the prompt, by where the cursor is: a request's first word at the
/// start, stage names after "move … to", people after "reassign … to", deals after "deal",
/// the intents' words and the workspace's names elsewhere; while a question waits, only the
/// names of the kind it asks for ("yes"/"no" for a confirmation).
public struct CompletionVocabulary {
  /// Every word worth completing, sorted: the examples' words and the names' words, three
  /// letters or more.
  public let general: [String]
  /// The words requests start with ("show", "move", "who"), sorted.
  public let commands: [String]
  private let names: [NamedEntity]

  /// How many examples must open with a word for Tab to offer it at the start of a line.
  private static let commonOpener = 4

  /// First words of a request whose "to" names a stage, and whose "to" names a person.
  private static let movers: Set<String> = ["move", "advance", "push", "progress", "set", "update", "put"]
  private static let givers: Set<String> = [
    "reassign", "assign", "give", "hand", "transfer", "route", "send", "route", "tell", "ask",
  ]

  public init(catalog: IntentCatalog, names: [NamedEntity]) {
    var words = Set<String>()
    var openers: [String: Int] = [:]
    for intent in catalog.intents {
      for example in intent.examples {
        if case .literal(let text)? = example.template.parts.first,
          let first = text.split(separator: " ").first, first.count > 1, first.allSatisfy(\.isLetter)
        {
          openers[first.lowercased(), default: 0] += 1
        }
        for case .literal(let text) in example.template.parts {
          words.formUnion(text.split(separator: " ").map(String.init))
        }
      }
    }
    // The words several examples open with: how requests usually start, a short list.
    commands = openers.filter { $0.value >= Self.commonOpener }.map(\.key).sorted()
    for name in names {
      for phrase in name.phrases { words.formUnion(phrase.split(separator: " ").map(String.init)) }
    }
    // Words as typed, without the punctuation an example carries ("no, cancel").
    general = words.filter { word in
      word.count > 2 && word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" }
    }.sorted()
    self.names = names
  }

  /// The words Tab offers now, for the text before the cursor.
  public func candidates(before text: String = "", awaiting: Awaiting?) -> [String] {
    switch awaiting {
    case .confirmation: return ["yes", "no"]
    case .value(let kind): return self.names(of: [kind])
    case nil: break
    }
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
    // The words before the one being typed (none yet after a space: all of them).
    let done = text.last.map { $0 == " " || $0 == "\t" } ?? false ? words[...] : words.dropLast()
    guard let previous = done.last, let first = done.first else {
      // The first word: how requests open, or any word when none of those fits what is typed.
      let typing = words.last.map { String($0) } ?? ""
      return typing.isEmpty || commands.contains(where: { $0.hasPrefix(typing) }) ? commands : general
    }
    switch previous {
    case "to", "into":
      if Self.movers.contains(String(first)) { return names(of: [.stage]) }
      if Self.givers.contains(String(first)) { return names(of: [.person]) }
      return names(of: [.stage, .person])
    case "deal", "opportunity", "opp": return names(of: [.deal])
    default: return general
    }
  }

  /// The words of the names of `kinds`, and their numbers ("42" for deal 42), sorted.
  private func names(of kinds: Set<EntityKind>) -> [String] {
    var words = Set<String>()
    for name in names where kinds.contains(name.kind) {
      if Int64(name.key) != nil { words.insert(name.key) }
      for phrase in name.phrases { words.formUnion(phrase.split(separator: " ").map(String.init)) }
    }
    return words.sorted()
  }
}
