/// What one attempt to read a line produced.
public enum LineEvent: Equatable, Sendable {
  /// A line, without its trailing newline.
  case line(String)
  /// Ctrl-C at the prompt: the partial line is dropped and the caller prompts again.
  case interrupted
  /// End of input: Ctrl-D on an empty line, or the end of a piped file.
  case eof
}

/// A source of input lines: libedit at a terminal, a pipe or file otherwise, a list in tests.
public protocol LineReader {
  /// Reads one line, showing `prompt` where the reader shows prompts at all.
  mutating func readLine(prompt: String) -> LineEvent

  /// Whether `readLine` would return at once, without waiting for someone to type or write.
  /// A caller holding work back for a group (uncommitted changes) finishes it first
  /// otherwise.
  mutating func hasLineReady() -> Bool

  /// Whether the next line read goes into the history: a command does, the answer to
  /// baton's own question ("y", "negotiation") does not, so Up recalls commands.
  mutating func remembersNextLine(_ remembers: Bool)
}

extension LineReader {
  /// A person at a terminal may take any time to type: never ready.
  public mutating func hasLineReady() -> Bool { false }

  /// Readers without a history have nothing to remember.
  public mutating func remembersNextLine(_ remembers: Bool) {}
}
