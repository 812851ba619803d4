/// Reads lines from standard input with no prompt, no editing and no history: the scripted mode.
///
/// `Swift.readLine` strips `\n` and `\r\n`, returns a last line that has no newline, and turns
/// invalid UTF-8 into U+FFFD, which is what a script runner wants.
public struct PlainLineReader: LineReader {
  public init() {}

  public mutating func readLine(prompt: String) -> LineEvent {
    guard let line = Swift.readLine(strippingNewline: true) else { return .eof }
    return .line(line)
  }
}

/// Hands out a fixed list of events: for `-c` commands, files read whole, and tests.
public struct ScriptedLineReader: LineReader {
  private var events: [LineEvent]
  private var next = 0

  public init(events: [LineEvent]) { self.events = events }
  public init(lines: [String]) { self.events = lines.map(LineEvent.line) }

  public mutating func readLine(prompt: String) -> LineEvent {
    guard next < events.count else { return .eof }
    defer { next += 1 }
    return events[next]
  }
}
