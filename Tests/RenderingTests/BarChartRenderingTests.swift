import BatonModel
import BatonTestSupport
import Rendering
import Testing

/// Bar charts for people: block characters with eighths at the ends, labels and figures
/// aligned; left out when the caller turns charts off.
@Suite(.tags(.fast)) struct BarChartRenderingTests {
  let chart = BarChart(bars: [
    .init(label: "Discovery", value: 5_663_000, display: "$5,663,000"),
    .init(label: "Proposal", value: 4_728_500, display: "$4,728,500"),
    .init(label: "Negotiation", value: 2_616_500, display: "$2,616,500"),
  ])

  @Test func theLargestBarFillsFortyCellsAndTheOthersScale() {
    let text = TextRenderer(width: nil, colour: false).render(Reply(kind: .table, blocks: [.chart(chart)]))
    #expect(
      text == """
        Discovery    ████████████████████████████████████████  $5,663,000
        Proposal     █████████████████████████████████▍        $4,728,500
        Negotiation  ██████████████████▌                       $2,616,500
        """)
  }

  @Test func chartsOffLeavesOnlyTheText() {
    let reply = Reply(kind: .table, blocks: [.text("Open pipeline by stage:"), .chart(chart)])
    #expect(TextRenderer(width: nil, colour: false, charts: false).render(reply) == "Open pipeline by stage:")
  }

  @Test func zeroAndNegativeValuesDrawNoBar() {
    let flat = BarChart(bars: [
      .init(label: "Won", value: 10, display: "10"), .init(label: "Lost", value: 0, display: "0"),
      .init(label: "Odd", value: -5, display: "-5"),
    ])
    let lines = TextRenderer(width: nil, colour: false).render(Reply(kind: .table, blocks: [.chart(flat)]))
      .split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1] == "Lost  " + String(repeating: " ", count: 40) + "   0")
    #expect(lines[2] == "Odd   " + String(repeating: " ", count: 40) + "  -5")
  }
}
