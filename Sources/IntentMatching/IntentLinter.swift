/// Lints a loaded catalogue for `baton intents check`: intents with too few examples, and
/// examples that fit two intents (the matcher cannot tell those apart).
public enum IntentLinter {
  /// Fewer examples than this make an intent hard to recognize reliably.
  public static let minimumExamples = 10

  public static func lint(_ catalog: IntentCatalog) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let normalizer = Normalizer()
    var seen: [[String]: (intent: String, file: String, line: Int)] = [:]
    for intent in catalog.intents {
      if intent.examples.count < minimumExamples {
        findings.append(
          Diagnostic(
            .warning, file: intent.file, line: intent.line, column: 1,
            "intent '\(intent.name)' has \(intent.examples.count) examples; give it at least \(minimumExamples)"))
      }
      for example in intent.examples {
        let words = IntentMatcher.delexicalize(example, intent: intent, normalizer: normalizer)
        if let other = seen[words], other.intent != intent.name {
          findings.append(
            Diagnostic(
              .warning, file: intent.file, line: example.line, column: 1,
              "the example “\(example.text)” fits both '\(intent.name)' and '\(other.intent)'",
              notes: ["'\(other.intent)' has it at \(other.file):\(other.line)"]))
        } else {
          seen[words] = (intent.name, intent.file, example.line)
        }
      }
    }
    return findings
  }
}
