import Assistant
import BatonModel
import Foundation
import LineEditing
import Rendering

/// The read–answer loop shared by the REPL, scripts and `-c`: read a line, hand it to the
/// session, render the turn, remember whether any line failed.
public struct ConversationLoop {
  /// How replies are written and failures treated.
  public struct Options: Sendable {
    public var json = false
    public var echo = false
    public var strict = false
    public var explain = false
    public var interactive = false
    public var colour = false
    public var width: Int?
    /// Named in diagnostics: a file name, `<stdin>` or `-c`.
    public var source = "<stdin>"

    public init() {}
  }

  public var options: Options

  public init(options: Options) { self.options = options }

  /// Runs until end of input, `quit`, or (with `--strict`) the first failing line.
  /// Returns whether every line succeeded.
  public func run(
    reader: inout some LineReader, session: Session, output: some Output
  ) -> Bool {
    var allSucceeded = true
    var lineNumber = 0
    let textRenderer = TextRenderer(width: options.width, colour: options.colour)
    while true {
      let prompt = options.interactive ? self.prompt(session.focusDescription) : ""
      let event = reader.readLine(prompt: prompt)
      let line: String
      switch event {
      case .eof: return allSucceeded
      case .interrupted: continue
      case .line(let text): line = text
      }
      lineNumber += 1
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      // Blank lines and comments are skipped, so a script can be annotated.
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if options.echo { output.write("> " + trimmed) }
      let turn = session.handle(trimmed)
      if options.json {
        output.write(JSONRenderer().render(turn))
      } else {
        output.write(textRenderer.render(turn.reply))
        if options.explain, let match = session.lastMatch {
          output.write(textRenderer.render(Explanation.reply(for: match, intent: turn.intent)))
        }
        if options.interactive { output.write("") }
      }
      if !turn.reply.ok {
        allSucceeded = false
        if !options.interactive {
          let first =
            TextRenderer(width: nil, colour: false).render(turn.reply)
            .split(separator: "\n").first.map(String.init) ?? ""
          output.diagnose("baton:\(options.source):\(lineNumber): \(turn.reply.kind.rawValue): \(first)")
          if options.strict { return false }
        }
      }
      if turn.endsSession { return allSucceeded }
    }
  }

  /// `baton › `, or `baton [deal 42] › ` with something in focus; green on a colour terminal.
  public func prompt(_ focus: String?) -> String {
    let text = focus.map { "baton [\($0)] › " } ?? "baton › "
    guard options.colour else { return text }
    // \u{1} brackets the escapes so libedit does not count them in the prompt's width.
    return "\u{1}\u{1B}[1;32m\u{1}" + text + "\u{1}\u{1B}[0m\u{1}"
  }
}
