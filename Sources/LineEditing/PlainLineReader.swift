#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a file descriptor (standard input) with no prompt, no editing and no
/// history: the scripted mode.
///
/// Reads as `Swift.readLine` does: `\n` and `\r\n` stripped, a last line without a newline
/// returned, invalid UTF-8 turned into U+FFFD. Buffered here rather than in stdio so that
/// `hasLineReady()` can tell whether the next line is already written, without waiting.
public struct PlainLineReader: LineReader {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  /// Where the unread bytes start.
  private var start = 0
  /// How far past `start` is known to hold no newline, so a long line is scanned once.
  private var scanned = 0
  private var atEnd = false

  public init(descriptor: Int32 = STDIN_FILENO) { self.descriptor = descriptor }

  public mutating func readLine(prompt: String) -> LineEvent {
    while true {
      if let newline = nextNewline() {
        var end = newline
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        consume(through: newline + 1)
        return .line(line)
      }
      if atEnd {
        guard start < buffer.count else { return .eof }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        consume(through: buffer.count)
        return .line(line)
      }
      fill()
    }
  }

  public mutating func hasLineReady() -> Bool {
    while !atEnd && nextNewline() == nil {
      var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      // Nothing written yet (or an error, which the next read reports as the end).
      guard poll(&ready, 1, 0) > 0 else { return false }
      fill()
    }
    return true
  }

  private mutating func nextNewline() -> Int? {
    let from = start + scanned
    guard from < buffer.count else { return nil }
    if let index = buffer[from...].firstIndex(of: UInt8(ascii: "\n")) { return index }
    scanned = buffer.count - start
    return nil
  }

  /// Reads what there is (waiting for it when there is nothing); the end on end of file or
  /// an error.
  private mutating func fill() {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer += chunk[..<count]
        return
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 && errno == EAGAIN {
        // A non-blocking descriptor: wait for it as a blocking one would.
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&ready, 1, -1)
        continue
      }
      atEnd = true
      return
    }
  }

  private mutating func consume(through end: Int) {
    start = end
    scanned = 0
    // Drop what was read once it is most of the buffer, so memory stays flat over a long
    // script.
    if start >= 65_536 && start * 2 >= buffer.count {
      buffer.removeFirst(start)
      start = 0
    }
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

  /// Every line is already here.
  public mutating func hasLineReady() -> Bool { true }
}
