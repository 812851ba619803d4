/// An example's text read once into literal text and `{slot}` markers: the one reading of
/// the marker syntax that the loader, the matcher, the slot filler and the help text share.
///
/// `{` opens a marker and `}` closes it; a `{` inside an open marker leaves the earlier one
/// as literal text, and so does a marker never closed. A `}` outside a marker is literal.
public struct SlotTemplate: Hashable, Sendable {
  /// One piece of the text, in order.
  public enum Part: Hashable, Sendable {
    case literal(String)
    /// A `{name}` marker.
    case marker(String)
  }

  public let parts: [Part]

  public init(_ text: String) {
    var parts: [Part] = []
    var literal = ""
    var marker: String?
    for character in text {
      if character == "{" {
        if let open = marker { literal += "{" + open }
        marker = ""
      } else if character == "}", let name = marker {
        if !literal.isEmpty { parts.append(.literal(literal)) }
        literal = ""
        parts.append(.marker(name))
        marker = nil
      } else if marker != nil {
        marker?.append(character)
      } else {
        literal.append(character)
      }
    }
    if let open = marker { literal += "{" + open }
    if !literal.isEmpty { parts.append(.literal(literal)) }
    self.parts = parts
  }

  /// The slot names marked, in order.
  public var markers: [String] {
    parts.compactMap { if case .marker(let name) = $0 { name } else { nil } }
  }

  /// The text with each marker replaced by `value(name)`, or kept as written when nil.
  public func filled(_ value: (String) -> String?) -> String {
    parts.map { part in
      switch part {
      case .literal(let text): text
      case .marker(let name): value(name) ?? "{\(name)}"
      }
    }.joined()
  }

  /// The literal text before and after the one marker called `name`, other markers left
  /// out (a space each); nil unless `name` is marked exactly once.
  public func split(at name: String) -> (before: String, after: String)? {
    let hits = parts.indices.filter { parts[$0] == .marker(name) }
    guard hits.count == 1, let index = hits.first else { return nil }
    return (Self.literalText(parts[..<index]), Self.literalText(parts[(index + 1)...]))
  }

  /// The literal text, each marker a space.
  private static func literalText(_ parts: ArraySlice<Part>) -> String {
    parts.map { part in
      switch part {
      case .literal(let text): text
      case .marker: " "
      }
    }.joined()
  }
}
