import BatonModel

/// Lays out a table in aligned columns that fit a width, shortening the widest cells with an
/// ellipsis rather than wrapping them.
public struct TableLayout: Sendable {
  public var width: Int?

  public init(width: Int?) { self.width = width }

  public func render(_ table: Table) -> [String] {
    let columns = table.header.count
    let cells = ([table.header] + table.rows).map { row in
      (0..<columns).map { index in
        let text = index < row.count ? TerminalSafe.escape(row[index]) : ""
        return (text: text, width: Self.width(of: text))
      }
    }
    var widths = (0..<columns).map { column in cells.map { $0[column].width }.max() ?? 0 }
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
    let rightAligned = (0..<columns).map { $0 < table.alignments.count && table.alignments[$0] == .right }
    var lines: [String] = []
    for (rowIndex, row) in cells.enumerated() {
      // One byte buffer a row: appending strings cell by cell would be most of the cost of
      // printing a table of deals.
      var line: [UInt8] = []
      line.reserveCapacity(widths.reduce(gap * columns, +) + 8)
      for (column, cell) in row.enumerated() {
        if column > 0 { line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: gap)) }
        let (fitted, fittedWidth) =
          cell.width <= widths[column]
          ? (cell.text, cell.width) : (String(cell.text.prefix(max(0, widths[column] - 1))) + "…", widths[column])
        let padding = repeatElement(UInt8(ascii: " "), count: max(0, widths[column] - fittedWidth))
        if rightAligned[column] {
          line.append(contentsOf: padding)
          line.append(contentsOf: fitted.utf8)
        } else {
          line.append(contentsOf: fitted.utf8)
          line.append(contentsOf: padding)
        }
      }
      // Without trailing spaces: a space is one byte, so the end of the last other byte is
      // a character boundary.
      while line.last == UInt8(ascii: " ") { line.removeLast() }
      lines.append(String(decoding: line, as: UTF8.self))
      if rowIndex == 0 {
        lines.append(
          widths.map { String.repeated("-", $0) }.joined(separator: String.repeated(" ", gap)))
      }
    }
    return lines
  }

  /// Characters, counted by bytes when the text is ASCII (nearly every cell): counting
  /// characters walks Unicode's grapheme rules.
  private static func width(of text: String) -> Int {
    text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
  }
}
