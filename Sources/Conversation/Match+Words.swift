import IntentMatching

extension Match {
  /// The normalized words `entity` spans on the line.
  func words(of entity: RecognizedEntity) -> [String] {
    entity.range.clamped(to: tokens.indices).map { tokens[$0].text }
  }

  /// The normalized word just before `entity` ("to" in "to avery"), if any.
  func word(before entity: RecognizedEntity) -> String? {
    let start = entity.range.lowerBound
    return start > 0 && start <= tokens.count ? tokens[start - 1].text : nil
  }
}
