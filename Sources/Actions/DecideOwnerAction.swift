import BatonModel
import WorkspaceStore

/// `ownership.decide`: places a described problem by the workspace's decision rule: inside
/// the sales team, Sales Ops owns it; crossing marketing, sales, CS, finance or systems,
/// RevOps governs it. Says which words led there.
enum DecideOwnerAction {
  static let run: ActionHandler = { request, workspace in
    guard let problem = request.key("problem"), !problem.isEmpty else { return Replies.missing("problem") }
    let signals = try workspace.decisionSignals()
    let rule = try workspace.setting("decision_rule") ?? ""
    let found = functions(in: problem, signals: signals)
    let named = found.keys.sorted()
    let evidence = named.map { "\(label($0)) (\(Replies.list(found[$0] ?? [])))" }
    let owner: String
    let reasoning: String
    let outside = Set(named).subtracting(["sales"])
    let aboutOneRep = (found["sales"] ?? []).contains { ["rep", "ae", "account executive"].contains($0) }
    if named.isEmpty {
      return Reply(
        kind: .answer,
        text:
          "I cannot tell which teams “\(problem)” touches. Name them (sales, marketing, CS, finance, systems) and ask again. The rule: \(rule)",
        data: ["problem": .string(problem), "owner": .null, "rule": .string(rule)])
    } else if outside.isEmpty {
      owner = "Sales Ops"
      reasoning = "it sits inside the sales team"
    } else if outside == ["finance"] && aboutOneRep {
      owner = "Sales Ops, with Finance consulted"
      reasoning = "it concerns one rep inside the sales team; Finance holds the numbers"
    } else {
      owner = "RevOps (governs)"
      reasoning = "it crosses \(Replies.list(named.map(label)))"
    }
    return Reply(
      kind: .answer,
      text: "\(owner): \(reasoning). Words that decided: \(evidence.joined(separator: "; ")). The rule: \(rule)",
      data: [
        "problem": .string(problem), "owner": .string(owner), "rule": .string(rule),
        "functions": .object(found.mapValues { .array($0.map(JSONValue.string)) }),
      ])
  }

  /// The functions a problem names, with the words that named each; longer phrases first, so
  /// "lead scoring" is marketing's before "lead" is read alone.
  static func functions(in problem: String, signals: [String: [String]]) -> [String: [String]] {
    let words = problem.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    var taken = [Bool](repeating: false, count: words.count)
    var found: [String: [String]] = [:]
    var phrases: [(function: String, words: [String], text: String)] = []
    for (function, list) in signals {
      for text in list { phrases.append((function, text.split(separator: " ").map(String.init), text)) }
    }
    phrases.sort { left, right in
      left.words.count != right.words.count
        ? left.words.count > right.words.count : (left.function, left.text) < (right.function, right.text)
    }
    for (function, phrase, _) in phrases where !phrase.isEmpty && phrase.count <= words.count {
      for start in 0...(words.count - phrase.count)
      where Array(words[start..<start + phrase.count]) == phrase && !taken[start..<start + phrase.count].contains(true)
      {
        for index in start..<start + phrase.count { taken[index] = true }
        let text = phrase.joined(separator: " ")
        if !(found[function] ?? []).contains(text) { found[function, default: []].append(text) }
      }
    }
    return found
  }

  private static func label(_ function: String) -> String {
    ["cs": "CS", "sales": "sales", "marketing": "marketing", "finance": "finance", "systems": "systems"][function]
      ?? function
  }
}

/// `advice.model`: which operations model fits a company of a size (headcount or ARR).
enum AdviceModelAction {
  static let run: ActionHandler = { request, workspace in
    guard let size = request.key("size") else { return Replies.missing("size") }
    let models = try workspace.opsModels()
    let parts = size.split(separator: ":")
    guard parts.count == 2, let value = Int64(parts[1]), !models.isEmpty else {
      return .refused("Give a company size as people (“120 people”) or ARR (“$30M ARR”).", reason: .unreadableSize)
    }
    let fit: OpsModel
    if parts[0] == "arr" {
      // ARR places a company only past a threshold (~$25M: retention must feed planning).
      guard let model = models.last(where: { ($0.fromARR ?? .max) <= value }) else {
        return Reply(
          kind: .answer,
          text: "Below the ARR thresholds headcount decides the model: ask with the number of people (“120 people”).",
          data: ["size": .string(size), "model": .null])
      }
      fit = model
    } else {
      fit = models.first { model in model.upToEmployees.map { value <= Int64($0) } ?? true } ?? models[models.count - 1]
    }
    let display = request.slots["size"]?.value.display ?? size
    return Reply(
      kind: .answer,
      text:
        "For \(display): \(fit.model), because \(fit.why). The title follows the mandate: renaming Sales Ops to RevOps without widening its authority is the common mistake.",
      data: ["size": .string(size), "model": .string(fit.model), "why": .string(fit.why)])
  }
}
