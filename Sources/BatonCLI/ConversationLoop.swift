import Assistant
import BatonModel
import Foundation
import LineEditing
import Rendering
import WorkspaceStore

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
  ///
  /// When the workspace groups commits, a line's changes are committed with the lines after
  /// it, and what the lines print is held until their group is committed: every reply that
  /// reaches the screen is saved. A group ends when no next line is waiting (a person or a
  /// slow pipe), after `Self.groupLimit` lines or `Self.groupAge`, and at the end. Output is
  /// flushed whenever baton is about to wait for a line.
  ///
  /// - Throws: `Failure` (exit 74) when a group could not be saved; its lines printed nothing.
  public func run(
    reader: inout some LineReader, session: Session, output: some Output
  ) throws -> Bool {
    var allSucceeded = true
    var lineNumber = 0
    // A script's line that asked a question ("Which stage?") succeeds only once the next
    // line answers it; a question left unanswered fails the line that asked.
    var asked: (line: Int, question: String)?
    let currentWidth: (() -> Int?)? = options.interactive ? { Terminal.columns() } : nil
    let printer = Printer(
      output: output, renderer: TextRenderer(width: options.width, colour: options.colour),
      concurrent: !options.interactive, currentWidth: currentWidth)
    // Whichever way the loop ends, what it printed is out before the caller says more.
    defer { printer.flush() }
    var held = HeldOutput()
    /// Prints now, or holds the item behind the group's uncommitted changes.
    func emit(_ item: Printer.Item) {
      guard session.unsavedChanges > 0 || !held.items.isEmpty else { return printer.print(item) }
      if held.items.isEmpty { held.firstLine = lineNumber }
      held.items.append(item)
    }
    /// Commits the group, then writes what its lines printed.
    func settle() throws {
      do {
        try session.save()
      } catch {
        let lines = held.firstLine == lineNumber ? "line \(lineNumber)" : "lines \(held.firstLine)-\(lineNumber)"
        held = HeldOutput()
        throw Failure(exit: .workspaceUnusable, message: "\(options.source): \(lines): \(error)")
      }
      guard !held.items.isEmpty else { return }
      for item in held.items { printer.print(item) }
      held = HeldOutput()
      // A long script shows its progress group by group.
      printer.flush()
    }
    // A script's waiting lines, read ahead of their turn so they are matched on another core.
    let readAhead = options.interactive ? nil : ReadAhead(matcher: session.matcher)
    defer { readAhead?.stop() }
    while true {
      readAhead?.topUp(from: &reader, day: session.day)
      if readAhead?.isEmpty ?? true, !reader.hasLineReady() {
        // Whoever sends the next line may be waiting for this reply first (a program talking
        // to baton through pipes): everything is saved and shown, and the group's snapshot
        // of the workspace let go, before baton waits. Also after a skipped comment line,
        // and before the first line (start-up read the workspace).
        try settle()
        printer.flush()
      } else if !held.items.isEmpty || session.unsavedFor != nil {
        let age = session.unsavedFor ?? .zero
        if held.items.count >= Self.groupLimit || age >= Self.groupAge { try settle() }
      }
      let prompt = options.interactive ? self.prompt(session.focusDescription) : ""
      reader.remembersNextLine(session.awaiting == nil)
      let ahead = readAhead?.next()
      let line: String
      switch ahead?.event ?? reader.readLine(prompt: prompt) {
      case .eof:
        if let question = asked { emit(.diagnostic(unanswered(question))) }
        try settle()
        return allSucceeded && asked == nil
      case .interrupted:
        // Ctrl-C at "Proceed? [y/N]" cancels the change; elsewhere it only clears the line.
        if let turn = session.cancelConfirmation(input: "^C") {
          emit(.reply(turn.reply))
          if options.interactive { emit(.text("")) }
        }
        continue
      case .line(let text): line = text
      }
      lineNumber += 1
      let trimmed = ahead?.trimmed ?? Self.trimmed(line)
      // Enter alone at "Proceed? [y/N]" is No, as the capital N says.
      if trimmed.isEmpty, options.interactive, let turn = session.cancelConfirmation(input: "") {
        emit(.reply(turn.reply))
        emit(.text(""))
        continue
      }
      // Blank lines and comments are skipped, so a script can be annotated.
      if Self.isSkipped(trimmed) { continue }
      // The line as typed, its control characters shown escaped, never sent to the terminal.
      if options.echo { emit(.text("> " + TerminalSafe.escape(trimmed))) }
      let turn = session.handle(trimmed, prereading: ahead?.pending?.wait())
      if let question = asked, !session.lastLineAnsweredAQuestion {
        allSucceeded = false
        emit(.diagnostic(unanswered(question)))
        if options.strict {
          try settle()
          return false
        }
      }
      asked = nil
      if !options.interactive, turn.reply.kind == .question, session.awaitsAnAnswer {
        asked = (lineNumber, turn.reply.firstLine)
      }
      if options.json {
        emit(.json(turn))
      } else {
        emit(.reply(turn.reply))
        if options.explain, let match = session.lastMatch {
          emit(.reply(Explanation.reply(for: match)))
        }
        if options.interactive { emit(.text("")) }
      }
      if !turn.reply.ok {
        allSucceeded = false
        if !options.interactive {
          let first =
            TextRenderer(width: nil, colour: false).render(turn.reply)
            .split(separator: "\n").first.map(String.init) ?? ""
          emit(.diagnostic("baton:\(options.source):\(lineNumber): \(turn.reply.kind.rawValue): \(first)"))
          // The workspace itself failed (locked past the wait, unwritable): the lines after
          // this one would fail alike, so the run ends here, with the status that says so.
          if case .object(let data) = turn.reply.data, data["error"] == .string("workspace") {
            try settle()
            throw Failure(exit: .workspaceUnusable, message: "\(options.source):\(lineNumber): \(first)")
          }
          if options.strict {
            try settle()
            return false
          }
        }
      }
      if turn.endsSession {
        if let question = asked { emit(.diagnostic(unanswered(question))) }
        try settle()
        return allSucceeded && asked == nil
      }
    }
  }

  /// The diagnostic for a script's line whose question was never answered.
  private func unanswered(_ asked: (line: Int, question: String)) -> String {
    "baton:\(options.source):\(asked.line): question: \(asked.question) (not answered)"
  }

  /// Whether a trimmed line is blank or a comment, which a script may have between commands.
  static func isSkipped(_ trimmed: String) -> Bool { trimmed.isEmpty || trimmed.hasPrefix("#") }

  /// The most lines a group of commits holds, and the longest it keeps a change unsaved (and
  /// other sessions waiting for the write lock).
  static let groupLimit = 1_000
  static let groupAge = Duration.milliseconds(100)

  /// What the lines of an uncommitted group printed, in order.
  private struct HeldOutput {
    var items: [Printer.Item] = []
    var firstLine = 0
  }

  /// `baton › `, or `baton [deal 42] › ` with something in focus; green on a colour terminal.
  public func prompt(_ focus: String?) -> String {
    let text = focus.map { "baton [\($0)] › " } ?? "baton › "
    guard options.colour else { return text }
    // \u{1} brackets the escapes so libedit does not count them in the prompt's width. The
    // reset goes before the prompt's last space: libedit leaves out a bracketed escape at the
    // very end, and the colour would run on into what is typed and every reply after it.
    return "\u{1}\u{1B}[1;32m\u{1}" + text.dropLast() + "\u{1}\u{1B}[0m\u{1} "
  }

  /// The line without surrounding white space. ASCII spaces and tabs are cut byte by byte,
  /// Foundation's character sets only when an end is beyond ASCII: trimming every line with
  /// them cost as much as ranking it.
  static func trimmed(_ line: String) -> String {
    let bytes = line.utf8
    guard let first = bytes.first, let last = bytes.last, first < 0x80, last < 0x80 else {
      return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    guard let start = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    // Both ends sit next to an ASCII byte or the line's ends, so they are character boundaries.
    let inner = String(line[start..<bytes.index(after: last)])
    // An end that was a space may now be other white space beyond ASCII.
    guard let innerFirst = inner.utf8.first, let innerLast = inner.utf8.last, innerFirst < 0x80, innerLast < 0x80
    else { return inner.trimmingCharacters(in: .whitespacesAndNewlines) }
    return inner
  }
}
