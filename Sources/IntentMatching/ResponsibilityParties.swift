import BatonModel

/// "the SLAs between marketing and sales", "the handoff between sales and CS": teams named
/// right after a responsibility or a handoff rule, joined by "between … and …", say which
/// one it is, not a second subject of the line. The responsibility's span takes them, so
/// "which team signs off on the SLA between sales and marketing" is a question about the
/// SLAs (not a comparison of two teams) and every word of it is accounted for.
enum ResponsibilityParties {
  /// The kinds whose name the parties qualify.
  private static let qualified: Set<EntityKind> = [.responsibility, .handoff]
  /// Words that join the two parties; "&" is no word, and the parties are then side by side.
  private static let joiners: Set<String> = ["and", "plus"]

  /// `entities` with each responsibility followed by its parties extended over them.
  static func absorbing(_ entities: [RecognizedEntity], tokens: [String]) -> [RecognizedEntity] {
    guard entities.count >= 3, tokens.contains("between") else { return entities }
    var result: [RecognizedEntity] = []
    var index = 0
    while index < entities.count {
      var entity = entities[index]
      if index + 2 < entities.count, entity.kinds.contains(where: qualified.contains) {
        let first = entities[index + 1]
        let second = entities[index + 2]
        let between = entity.range.upperBound
        if between < tokens.count, tokens[between] == "between", first.range.lowerBound == between + 1,
          first.kinds.contains(.team), second.kinds.contains(.team),
          second.range.lowerBound == first.range.upperBound
            || (second.range.lowerBound == first.range.upperBound + 1
              && joiners.contains(tokens[first.range.upperBound]))
        {
          entity.range = entity.range.lowerBound..<second.range.upperBound
          entity.surface = tokens[entity.range].joined(separator: " ")
          entity.corrected = entity.corrected || first.corrected || second.corrected
          result.append(entity)
          index += 3
          continue
        }
      }
      result.append(entity)
      index += 1
    }
    return result
  }
}
