extension Array {
  /// The elements by `position`, those with equal positions in the order they were read:
  /// what `ORDER BY position` over the same rows gave, without the temporary b-tree SQLite
  /// sorted them in (a third of reading one stage or one responsibility).
  func inPositionOrder(_ position: (Element) -> Int) -> [Element] {
    enumerated().sorted { (position($0.element), $0.offset) < (position($1.element), $1.offset) }.map(\.element)
  }
}
