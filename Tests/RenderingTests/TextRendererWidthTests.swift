import BatonModel
import BatonTestSupport
import Rendering
import Testing

/// `TextRenderer` at a given width: tables are cut to fit with an ellipsis, numbers last;
/// paragraphs are left to the terminal.
@Suite(.tags(.fast)) struct TextRendererWidthTests {
  let deals = Table(
    header: ["#", "Deal", "Amount"], rows: [["42", "Nakatomi Expansion", "$373,000"], ["5", "Globex", "$1,000"]],
    alignments: [.right, .left, .right])

  private func render(_ blocks: [Block], width: Int?) -> String {
    TextRenderer(width: width, colour: false).render(Reply(kind: .table, blocks: blocks))
  }

  @Test func aTableWiderThanTheWidthCutsItsWidestTextColumn() {
    let text = render([.table(deals)], width: 20)
    #expect(
      text == """
         #  Deal      Amount
        --  ------  --------
        42  Nakat…  $373,000
         5  Globex    $1,000
        """)
    for line in text.split(separator: "\n") { #expect(line.count <= 20, "\(line)") }
  }

  @Test func aNumberIsNeverCutEvenWhenTheTableIsWiderThanTheScreen() {
    let text = render([.table(deals)], width: 16)
    #expect(
      text == """
         #  Deal    Amount
        --  ----  --------
        42  Nak…  $373,000
         5  Glo…    $1,000
        """)
  }

  @Test func aTextColumnIsLeftOutRatherThanANumberCut() {
    let owned = Table(
      header: ["#", "Deal", "Owner", "Amount"],
      rows: [["42", "Nakatomi Expansion", "Sam Carter", "$373,000"], ["5", "Globex", "Priya", "$1,000"]],
      alignments: [.right, .left, .left, .right])
    let text = render([.table(owned)], width: 22)
    #expect(
      text == """
         #  Deal        Amount
        --  --------  --------
        42  Nakatom…  $373,000
         5  Globex      $1,000
        (left out to fit the width: Owner)
        """)
  }

  @Test func withoutAWidthNothingIsCut() {
    let wide = Table(header: ["Deal"], rows: [[String(repeating: "x", count: 300)]])
    #expect(render([.table(wide)], width: nil).split(separator: "\n").last?.count == 300)
  }

  @Test func aLongParagraphIsWrappedToTheWidth() {
    let paragraph = Array(repeating: "Stage exit criteria are governed by RevOps.", count: 4).joined(separator: " ")
    let lines = render([.text(paragraph)], width: 40).split(separator: "\n")
    #expect(lines.count > 1 && lines.allSatisfy { $0.count <= 40 })
    #expect(lines.joined(separator: " ") == paragraph)
  }

  @Test func aChartFitsTheWidth() {
    let chart = BarChart(bars: [
      .init(label: "Discovery", value: 5_663_000, display: "$5,663,000"),
      .init(label: "Proposal", value: 4_728_500, display: "$4,728,500"),
      .init(label: "Negotiation", value: 2_616_500, display: "$2,616,500"),
    ])
    let text = render([.chart(chart)], width: 40)
    #expect(
      text == """
        Discovery    ███████████████  $5,663,000
        Proposal     ████████████▌    $4,728,500
        Negotiation  ██████▉          $2,616,500
        """)
    for line in text.split(separator: "\n") { #expect(line.count == 40, "\(line)") }
  }
}
