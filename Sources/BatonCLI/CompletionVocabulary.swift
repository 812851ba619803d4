import BatonModel
import Conversation
import IntentMatching

/// What Tab offers at the prompt: the intents' words and the workspace's names, or, while a
/// question waits, only the names of the kind it asks for ("yes"/"no" for a confirmation).
public struct CompletionVocabulary {
  /// Every word worth completing, sorted: the examples' words and the names' words, three
  /// letters or more.
  public let general: [String]
  private let names: [NamedEntity]

  public init(catalog: IntentCatalog, names: [NamedEntity]) {
    var words = Set<String>()
    for intent in catalog.intents {
      for example in intent.examples {
        for case .literal(let text) in example.template.parts {
          words.formUnion(text.split(separator: " ").map(String.init))
        }
      }
    }
    for name in names {
      for phrase in name.phrases { words.formUnion(phrase.split(separator: " ").map(String.init)) }
    }
    general = words.filter { $0.count > 2 }.sorted()
    self.names = names
  }

  /// The words Tab offers now.
  public func candidates(awaiting: Awaiting?) -> [String] {
    switch awaiting {
    case nil: return general
    case .confirmation: return ["yes", "no"]
    case .value(let kind):
      var words = Set<String>()
      for name in names where name.kind == kind {
        if Int64(name.key) != nil { words.insert(name.key) }
        for phrase in name.phrases { words.formUnion(phrase.split(separator: " ").map(String.init)) }
      }
      return words.sorted()
    }
  }
}
