import BatonModel
import BatonTestSupport
import Rendering
import Testing

/// `TextRenderer`: paragraphs and tables as people read them, in colour only when asked.
@Suite(.tags(.fast)) struct TextRendererTests {
  let plain = TextRenderer(width: nil, colour: false)
  let coloured = TextRenderer(width: nil, colour: true)

  let deals = Table(
    header: ["#", "Deal", "Amount"], rows: [["42", "Nakatomi Expansion", "$373,000"], ["5", "Globex", "$1,000"]],
    alignments: [.right, .left, .right])

  @Test func paragraphsAreLinesInOrder() {
    let reply = Reply(kind: .answer, blocks: [.text("First line.\nSecond line."), .text("A second paragraph.")])
    #expect(plain.render(reply) == "First line.\nSecond line.\nA second paragraph.")
  }

  @Test func aTableIsAlignedUnderARuleOfDashes() {
    let reply = Reply(kind: .table, blocks: [.text("Deals:"), .table(deals)])
    #expect(
      plain.render(reply) == """
        Deals:
         #  Deal                  Amount
        --  ------------------  --------
        42  Nakatomi Expansion  $373,000
         5  Globex                $1,000
        """)
  }

  @Test func linesHaveNoTrailingSpaces() {
    let table = Table(header: ["Name", "Note"], rows: [["Globex", ""], ["Initech", "renewal"]])
    let lines = plain.render(Reply(kind: .table, blocks: [.table(table)])).split(separator: "\n")
    #expect(lines == ["Name     Note", "-------  -------", "Globex", "Initech  renewal"])
  }

  @Test func aShortRowIsPaddedWithEmptyCells() {
    let table = Table(header: ["A", "B", "C"], rows: [["1"], ["1", "2", "3"]])
    #expect(plain.render(Reply(kind: .table, blocks: [.table(table)])) == "A  B  C\n-  -  -\n1\n1  2  3")
  }

  @Test func colourOffNeverWritesEscapeCodes() {
    for kind in [Reply.Kind.answer, .table, .done, .refused, .question, .notUnderstood, .error] {
      let text = plain.render(Reply(kind: kind, text: "Deal 42 cannot move."))
      #expect(text == "Deal 42 cannot move.", "\(kind)")
      #expect(!text.unicodeScalars.contains("\u{1B}"), "\(kind)")
    }
  }

  @Test func colourOnMarksRefusalsAndErrorsRedAndQuestionsYellow() {
    for kind in [Reply.Kind.refused, .error, .notUnderstood] {
      #expect(coloured.render(Reply(kind: kind, text: "No.")) == "\u{1B}[31mNo.\u{1B}[0m", "\(kind)")
    }
    #expect(coloured.render(Reply(kind: .question, text: "Which deal?")) == "\u{1B}[33mWhich deal?\u{1B}[0m")
  }

  @Test func colourOnLeavesAnswersPlain() {
    for kind in [Reply.Kind.answer, .table, .done] {
      let reply = Reply(kind: kind, blocks: [.text("Deals:"), .table(deals)])
      #expect(coloured.render(reply) == plain.render(reply), "\(kind)")
    }
  }
}
