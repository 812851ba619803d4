import BatonModel

/// Renders replies as text for people: paragraphs wrapped at word boundaries and aligned
/// tables, both to the width when there is one, and colour only where the caller says colour
/// is allowed.
public struct TextRenderer: Sendable {
  public var width: Int?
  public var colour: Bool
  /// Whether charts are drawn; `--json`'s text leaves them out, its data has the numbers.
  public var charts: Bool

  public init(width: Int?, colour: Bool, charts: Bool = true) {
    self.width = width
    self.colour = colour
    self.charts = charts
  }

  public func render(_ reply: Reply) -> String {
    var lines: [String] = []
    for block in reply.blocks {
      switch block {
      case .text(let text):
        let safe = TerminalSafe.escape(text)
        lines.append(width.map { ProseWrap(width: $0).wrap(safe) } ?? safe)
      case .table(let table): lines += TableLayout(width: width).render(table)
      case .chart(let chart): if charts { lines += BarChartLayout(width: width).render(chart) }
      }
    }
    let text = lines.joined(separator: "\n")
    guard colour else { return text }
    switch reply.kind {
    case .refused, .error, .notUnderstood: return "\u{1B}[31m" + text + "\u{1B}[0m"
    case .question: return "\u{1B}[33m" + text + "\u{1B}[0m"
    default: return text
    }
  }
}
