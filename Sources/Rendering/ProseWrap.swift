/// Wraps prose to a width at word boundaries, as a terminal reader expects: a line longer
/// than the width breaks at its last space that fits; what follows keeps the line's indent
/// (and a list item's, after "- "). A word longer than the width stays whole on its own
/// line: a name or an amount is never cut.
struct ProseWrap {
  var width: Int

  func wrap(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrapLine(String($0)) }
      .joined(separator: "\n")
  }

  private func wrapLine(_ line: String) -> [String] {
    guard Self.width(of: line) > width else { return [line] }
    let indent = String(line.prefix { $0 == " " })
    let body = line.dropFirst(indent.count)
    let hanging = indent + (body.hasPrefix("- ") ? "  " : "")
    // Less room than a few characters after the indent: wrapping would read worse.
    guard width - Self.width(of: hanging) >= 20 else { return [line] }
    var lines: [String] = []
    var current = indent
    var currentWidth = Self.width(of: indent)
    var atStart = true
    for word in body.split(separator: " ", omittingEmptySubsequences: false) {
      let wordWidth = Self.width(of: String(word))
      if !atStart && currentWidth + 1 + wordWidth > width {
        lines.append(current)
        current = hanging + word
        currentWidth = Self.width(of: hanging) + wordWidth
      } else {
        current += (atStart ? "" : " ") + word
        currentWidth += (atStart ? 0 : 1) + wordWidth
      }
      atStart = false
    }
    lines.append(current)
    return lines
  }

  /// Characters, counted by bytes when the text is ASCII.
  private static func width(of text: String) -> Int {
    text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
  }
}
