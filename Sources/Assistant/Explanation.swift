import BatonModel
import Foundation
import IntentMatching

/// How a line was read, for `why` and `--explain`: the ranked intents with their scores,
/// the entities recognized, typos corrected, and the words that decided.
public enum Explanation {
  public static func reply(for match: Match) -> Reply {
    var lines = ["Read “\(match.input)” as: \(match.tokens.map(\.text).joined(separator: " "))"]
    if !match.corrections.isEmpty {
      lines.append("Typos corrected: " + match.corrections.map { "\($0.typed) → \($0.readAs)" }.joined(separator: ", "))
    }
    if !match.entities.isEmpty {
      lines.append(
        "Recognized: "
          + match.entities.map { entity in
            "“\(entity.surface)” = "
              + entity.values.map { "\($0.kind.rawValue) \($0.display)" }.joined(separator: " or ")
          }.joined(separator: "; "))
    }
    let rows = match.candidates.prefix(3).map { candidate in
      [candidate.intent, String(format: "%.2f", candidate.score), candidate.example]
    }
    let verdict =
      match.intent.map {
        "Understood as \($0.name) (confidence \(String(format: "%.2f", match.confidence)), threshold \(String(format: "%.2f", match.threshold)))."
      }
      ?? contraryVerdict(match)
      ?? "Not understood: the best score \(String(format: "%.2f", match.confidence)) is below the threshold \(String(format: "%.2f", match.threshold))."
    var blocks: [Block] = [
      .text(lines.joined(separator: "\n")), .table(Table(header: ["Intent", "Score", "Nearest example"], rows: rows)),
      .text(verdict),
    ]
    if !match.decidingWords.isEmpty {
      blocks.append(.text("Deciding words: " + match.decidingWords.joined(separator: ", ")))
    }
    let data: JSONValue = [
      "normalized": .string(match.tokens.map(\.text).joined(separator: " ")),
      "candidates": .array(
        match.candidates.map {
          [
            "intent": .string($0.intent), "score": .double(($0.score * 1000).rounded() / 1000),
            "example": .string($0.example),
          ]
        }),
      "entities": .array(
        match.entities.map { entity in
          [
            "text": .string(entity.surface),
            "values": .array(entity.values.map { ["kind": .string($0.kind.rawValue), "key": .string($0.key)] }),
          ]
        }),
      "corrections": .array(match.corrections.map { ["typed": .string($0.typed), "read_as": .string($0.readAs)] }),
      "deciding_words": .array(match.decidingWords.map(JSONValue.string)),
      "threshold": .double(match.threshold),
      "contrary_words": .array(match.contraryWords.map(JSONValue.string)),
      "intent": match.intent.map { .string($0.name) } ?? .null,
    ]
    return Reply(kind: .answer, blocks: blocks, data: data)
  }

  /// Why a line whose best score was enough was still refused, when a word refused it.
  private static func contraryVerdict(_ match: Match) -> String? {
    guard let best = match.candidates.first, !match.contraryWords.isEmpty else { return nil }
    let words = match.contraryWords.map { "“\($0)”" }.joined(separator: ", ")
    let one = match.contraryWords.count == 1
    return "Not understood: \(words) \(one ? "belongs" : "belong") to lines baton refuses, and no example of"
      + " \(best.intent) says \(one ? "it" : "them")"
      + " (best score \(String(format: "%.2f", match.confidence)), threshold \(String(format: "%.2f", match.threshold)))."
  }
}
