/// A catalogue made from labelled utterances alone, as public intent benchmarks give them
/// (CLINC150): one intent per label, its utterances as examples, no slots and no actions.
/// The same matcher is built from it as from the product's intent files.
extension IntentCatalog {
  public static func labelled(_ utterances: [(text: String, label: String)]) -> IntentCatalog {
    var order: [String] = []
    var examples: [String: [Example]] = [:]
    for (index, utterance) in utterances.enumerated() {
      // Braces would read as slot markers; a benchmark's text has none to mark.
      let text = String(utterance.text.map { $0 == "{" ? "(" : $0 == "}" ? ")" : $0 })
      if examples[utterance.label] == nil { order.append(utterance.label) }
      examples[utterance.label, default: []].append(Example(text: text, line: index + 1))
    }
    let intents = order.map { label in
      // A label names what its utterances are for ("insurance_change"): read as words, it is
      // the intent's description, which the matcher learns from as it does a product's.
      IntentDefinition(
        name: label, description: String(label.map { $0 == "_" ? " " : $0 }), action: "none", sideEffects: false,
        slots: [],
        examples: examples[label] ?? [], file: "", line: 0)
    }
    return IntentCatalog(intents: intents, vocabulary: [])
  }
}
