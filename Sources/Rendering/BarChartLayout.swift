import BatonModel

/// Draws a bar chart with Unicode block characters, eighths of a cell for the ends, so bars
/// of close values still differ; the whole fits the width.
struct BarChartLayout {
  var width: Int?

  private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  func render(_ chart: BarChart) -> [String] {
    let displayWidth = chart.bars.map(\.display.count).max() ?? 0
    let available = (width ?? 80) - displayWidth - 4
    // Labels give way before bars go under 8 cells: a name cut with an ellipsis still reads.
    let labelWidth = min(chart.bars.map { TerminalSafe.escape($0.label).count }.max() ?? 0, max(6, available - 8))
    let barWidth = max(8, min(40, available - labelWidth))
    let largest = chart.bars.map(\.value).max() ?? 0
    return chart.bars.map { bar in
      var label = TerminalSafe.escape(bar.label)
      if label.count > labelWidth { label = String(label.prefix(labelWidth - 1)) + "…" }
      let eighthsLong = largest > 0 ? Int((max(0, bar.value) / largest * Double(barWidth * 8)).rounded()) : 0
      let drawn = String.repeated("█", eighthsLong / 8) + Self.eighths[eighthsLong % 8]
      // The bar's cells by arithmetic: counting the characters of a string of block
      // elements walks Unicode's grapheme rules for every one, most of drawing a chart.
      let cells = eighthsLong / 8 + (eighthsLong % 8 > 0 ? 1 : 0)
      let padding = String.repeated(" ", barWidth - cells)
      let display = String.repeated(" ", displayWidth - bar.display.count) + bar.display
      return label + String.repeated(" ", labelWidth - label.count) + "  " + drawn + padding + "  " + display
    }
  }
}
