import BatonModel
import BatonTestSupport
import Rendering
import Testing

/// Prose wrapped to the width at word boundaries: continuation lines keep the indent (and a
/// list item's), a word longer than the width is never cut, and no width means no wrapping.
@Suite(.tags(.fast)) struct ProseWrapTests {
  private func render(_ text: String, width: Int?) -> String {
    TextRenderer(width: width, colour: false).render(Reply(kind: .answer, text: text))
  }

  @Test func longLinesBreakAtTheLastSpaceThatFits() {
    let text = "Pipeline coverage for Q1 2027: 3.0x over a $2,800,000 target; healthy is 3x to 4x."
    #expect(
      render(text, width: 30) == """
        Pipeline coverage for Q1 2027:
        3.0x over a $2,800,000 target;
        healthy is 3x to 4x.
        """)
    #expect(render(text, width: nil) == text)
  }

  @Test func continuationLinesKeepTheIndentAndTheListItem() {
    let text = "Open deals:\n  - Hooli Expansion (Proposal) and Hooli Renewal (Discovery), worth $1,187,000."
    #expect(
      render(text, width: 36) == """
        Open deals:
          - Hooli Expansion (Proposal) and
            Hooli Renewal (Discovery), worth
            $1,187,000.
        """)
  }

  @Test func aWordLongerThanTheWidthStaysWhole() {
    let id = "0065g00000abcdefghijklmnopqrstu"
    let rendered = render("The opportunity \(id) is not in the workspace.", width: 24)
    #expect(rendered.split(separator: "\n").contains { $0 == id })
  }
}
