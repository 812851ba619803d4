import BatonModel

/// A span of the line that names something, with every reading of it (a phrase such as
/// "closed-won handoff" can be a responsibility and a handoff rule at once).
public struct RecognizedEntity: Hashable, Sendable {
  /// The readings, best first; slot filling takes the one whose kind the slot needs.
  public var values: [EntityValue]
  /// Token positions in the normalized line.
  public var range: Range<Int>
  /// The words as typed.
  public var surface: String
  /// Whether a typo was corrected to recognize it.
  public var corrected: Bool

  public var kinds: [EntityKind] { values.map(\.kind) }

  public func value(of kind: EntityKind) -> EntityValue? { values.first { $0.kind == kind } }
}
