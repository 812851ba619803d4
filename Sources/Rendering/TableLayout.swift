import BatonModel

/// Lays out a table in aligned columns that fit a width, shortening the widest cells with an
/// ellipsis rather than wrapping them.
public struct TableLayout: Sendable {
  public var width: Int?

  public init(width: Int?) { self.width = width }

  public func render(_ table: Table) -> [String] {
    let columns = table.header.count
    let cells = ([table.header] + table.rows).map { row in
      (0..<columns).map { index in index < row.count ? TerminalSafe.escape(row[index]) : "" }
    }
    var widths = (0..<columns).map { column in cells.map { $0[column].count }.max() ?? 0 }
    let gap = 2
    if let width {
      // Shrink the widest text column one character at a time until the row fits; numbers
      // (right-aligned columns) are cut only when the text columns are down to 4 characters,
      // since a cut number misleads where a cut name does not.
      let numeric = Set((0..<columns).filter { $0 < table.alignments.count && table.alignments[$0] == .right })
      for shrinkNumbers in [false, true] {
        while widths.reduce(0, +) + gap * (columns - 1) > width {
          guard
            let widest = widths.indices.filter({ shrinkNumbers || !numeric.contains($0) })
              .max(by: { widths[$0] < widths[$1] }), widths[widest] > 4
          else { break }
          widths[widest] -= 1
        }
      }
    }
    var lines: [String] = []
    for (rowIndex, row) in cells.enumerated() {
      let parts = row.enumerated().map { column, cell -> String in
        let fitted = fit(cell, widths[column])
        let padding = String(repeating: " ", count: max(0, widths[column] - fitted.count))
        let right = column < table.alignments.count && table.alignments[column] == .right
        return right ? padding + fitted : fitted + padding
      }
      lines.append(trimTrailing(parts.joined(separator: String(repeating: " ", count: gap))))
      if rowIndex == 0 {
        lines.append(
          widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gap)))
      }
    }
    return lines
  }

  private func fit(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
  }

  /// Without trailing spaces, found byte by byte: a space is one byte, so the position after
  /// the last other byte is a character boundary (walking characters back is far slower).
  private func trimTrailing(_ text: String) -> String {
    guard let last = text.utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
    return String(text[..<text.utf8.index(after: last)])
  }
}
