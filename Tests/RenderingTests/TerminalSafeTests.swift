import BatonModel
import BatonTestSupport
import Rendering
import Testing

/// `TerminalSafe` and the text renderer: control characters in workspace text are shown
/// escaped, never sent raw to the terminal.
@Suite(.tags(.fast)) struct TerminalSafeTests {
  let renderer = TextRenderer(width: nil, colour: false)

  @Test func plainTextIsUnchanged() {
    #expect(TerminalSafe.escape("Deal 42: Nakatomi Expansion — $373,000") == "Deal 42: Nakatomi Expansion — $373,000")
    #expect(TerminalSafe.escape("two\nlines") == "two\nlines")
  }

  @Test func controlCharactersAreShownInCaretNotation() {
    #expect(TerminalSafe.escape("a\u{1B}[2Jb") == "a^[[2Jb")
    #expect(TerminalSafe.escape("ring\u{07}") == "ring^G")
    #expect(TerminalSafe.escape("tab\there") == "tab^Ihere")
    #expect(TerminalSafe.escape("over\rwrite") == "over^Mwrite")
  }

  @Test func deleteAndC1ControlsAreShownAsScalars() {
    #expect(TerminalSafe.escape("a\u{7F}b") == "a\\u{7f}b")
    // U+009B is a one-character CSI: as dangerous as ESC [.
    #expect(TerminalSafe.escape("a\u{9B}31mb") == "a\\u{9b}31mb")
  }

  @Test func aReplysTextReachesTheTerminalWithoutRawControls() {
    let reply = Reply(kind: .refused, text: "No deal \u{1B}]0;pwned\u{07}\u{1B}[2J here.")
    let text = renderer.render(reply)
    #expect(text == "No deal ^[]0;pwned^G^[[2J here.")
    #expect(!text.unicodeScalars.contains("\u{1B}"))
    #expect(!text.unicodeScalars.contains("\u{07}"))
  }

  @Test func tableCellsAndChartLabelsAreEscapedToo() {
    let table = Table(header: ["Deal"], rows: [["Evil\u{1B}[31m Corp"]])
    let chart = BarChart(bars: [.init(label: "Evil\u{07}", value: 1, display: "$1")])
    let text = renderer.render(Reply(kind: .table, blocks: [.table(table), .chart(chart)]))
    #expect(!text.unicodeScalars.contains("\u{1B}"))
    #expect(!text.unicodeScalars.contains("\u{07}"))
    #expect(text.contains("Evil^[[31m Corp"))
    #expect(text.contains("Evil^G"))
  }

  @Test func bidiControlsAreShownEscaped() {
    // The overrides and isolates would reorder what the terminal shows ("fdp.exe" as "exe.pdf").
    let spoofed = "Invoice \u{202E}fdp.exe\u{202C} and \u{2066}isolated\u{2069}, \u{200F}mark"
    #expect(
      TerminalSafe.escape(spoofed)
        == "Invoice \\u{202e}fdp.exe\\u{202c} and \\u{2066}isolated\\u{2069}, \\u{200f}mark")
    let text = renderer.render(Reply(kind: .answer, text: spoofed))
    #expect(
      !text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
  }
}
