import BatonModel

/// Lays out a table in aligned columns that fit a width, shortening the widest text cells
/// with an ellipsis, and leaving a text column out (saying so) rather than cutting a number.
public struct TableLayout: Sendable {
  public var width: Int?

  public init(width: Int?) { self.width = width }

  public func render(_ table: Table) -> [String] {
    var shown = Array(0..<table.header.count)
    var widths: [Int] = []
    var cells: [[(text: String, width: Int)]] = []
    let gap = 2
    let numeric = Set(
      (0..<table.header.count).filter { $0 < table.alignments.count && table.alignments[$0] == .right })
    while true {
      cells = ([table.header] + table.rows).map { row in
        shown.map { index in
          let text = index < row.count ? TerminalSafe.escape(row[index]) : ""
          return (text: text, width: Self.width(of: text))
        }
      }
      widths = shown.indices.map { column in cells.map { $0[column].width }.max() ?? 0 }
      guard let width else { break }
      // Shrink the widest text column one character at a time, down to 4, until the row
      // fits. A number is never cut (a cut number misleads where a cut name does not): when
      // the text columns are as narrow as they go, the last text column is left out (never
      // the first, the row's name), and the table says so; with none left to drop, the row is
      // wider than the screen rather than wrong.
      while widths.reduce(0, +) + gap * (widths.count - 1) > width {
        guard
          let widest = widths.indices.filter({ !numeric.contains(shown[$0]) }).max(by: { widths[$0] < widths[$1] }),
          widths[widest] > 4
        else { break }
        widths[widest] -= 1
      }
      let text = shown.filter { !numeric.contains($0) }
      guard widths.reduce(0, +) + gap * (widths.count - 1) > width, text.count > 1, let dropped = text.last
      else { break }
      shown.removeAll { $0 == dropped }
    }
    let left = (0..<table.header.count).filter { !shown.contains($0) }.map { table.header[$0] }
    let lines = layout(cells, widths: widths, shown: shown, table: table, gap: gap)
    return left.isEmpty ? lines : lines + ["(left out to fit the width: \(left.joined(separator: ", ")))"]
  }

  private func layout(
    _ cells: [[(text: String, width: Int)]], widths: [Int], shown: [Int], table: Table, gap: Int
  ) -> [String] {
    let rightAligned = shown.map { $0 < table.alignments.count && table.alignments[$0] == .right }
    var lines: [String] = []
    for (rowIndex, row) in cells.enumerated() {
      // One byte buffer a row: appending strings cell by cell would be most of the cost of
      // printing a table of deals.
      var line: [UInt8] = []
      line.reserveCapacity(widths.reduce(gap * widths.count, +) + 8)
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
