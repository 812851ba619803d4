/// One word of a normalized line.
public struct Token: Hashable, Sendable {
  /// The normalized form: lower case, accents folded, punctuation removed.
  public var text: String
  /// The word as typed (case and accents kept), for free-text slots such as a change title.
  public var surface: String

  public init(text: String, surface: String) {
    self.text = text
    self.surface = surface
  }
}
