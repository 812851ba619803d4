/// How people say a piece of deal evidence, from its key: `budget_confirmed` is "budget
/// confirmed" and "confirmed the budget"; `handoff_accepted` "accepted the handoff". The
/// matcher reads these as names of the field, and a refusal that lacks the evidence names
/// the line that records it.
public enum EvidencePhrases {
  /// The phrases that name the evidence `kind:key`.
  public static func phrases(kind: String, key: String) -> [String] {
    let words = key.split(separator: "_").map(String.init)
    let base = words.joined(separator: " ")
    var phrases = [base]
    if words.count >= 2, let last = words.last, last.hasSuffix("ed") {
      let rest = words.dropLast().joined(separator: " ")
      phrases += ["\(last) \(rest)", "\(last) the \(rest)", "\(rest) is \(last)", "\(rest) was \(last)"]
    }
    switch kind {
    case "document": phrases += ["\(base) sent", "\(base) attached", "\(base) went out", "\(base) document"]
    case "contact_role": phrases += ["\(base) identified", "\(base) named"]
    default: break
    }
    return phrases
  }

  /// The line that records the evidence on deal `id`: "record budget confirmed on deal 42".
  public static func recordingLine(kind: String, key: String, deal id: Int64) -> String {
    "record \(key.split(separator: "_").joined(separator: " ")) on deal \(id)"
  }
}
