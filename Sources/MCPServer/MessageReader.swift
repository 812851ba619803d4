import Foundation

/// Reads MCP's stdio framing: one JSON-RPC message per line, from a file descriptor, as
/// it arrives. A message longer than `limit` bytes is skipped to its end without being
/// kept, so an oversized or endless line neither exhausts memory nor stalls the messages
/// after it.
public final class MessageReader {
  /// What the next line holds.
  public enum Next: Equatable {
    /// One message's bytes, without its newline.
    case message(Data)
    /// A message longer than the limit, skipped; its length in bytes.
    case tooLarge(Int)
    /// The input has ended (or can no longer be read), every line before the end given.
    case end
  }

  private let fileDescriptor: Int32
  public let limit: Int
  private var buffer: [UInt8] = []
  /// Where the unread bytes of `buffer` start.
  private var start = 0
  /// Where the search for the next newline resumes.
  private var scanned = 0
  private var ended = false
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)

  /// - Parameter limit: the longest message read, in bytes; 4 MiB by default.
  public init(fileDescriptor: Int32, limit: Int = 4 << 20) {
    self.fileDescriptor = fileDescriptor
    self.limit = limit
  }

  public func next() -> Next {
    // Bytes of the current line already dropped for being over the limit.
    var skipped = 0
    while true {
      if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = buffer[start..<newline]
        start = newline + 1
        scanned = start
        let length = skipped + line.count
        skipped = 0
        if length > limit { return .tooLarge(length) }
        if Self.isBlank(line) { continue }
        return .message(Data(line.last == UInt8(ascii: "\r") ? line.dropLast() : line))
      }
      scanned = buffer.count
      if buffer.count - start > limit {
        // Too long already: forget what is held and skip to the line's end.
        skipped += buffer.count - start
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
      }
      if ended {
        let rest = buffer[start...]
        let length = skipped + rest.count
        buffer.removeAll()
        start = 0
        scanned = 0
        if length > limit { return .tooLarge(length) }
        if Self.isBlank(rest) { return .end }
        return .message(Data(rest.last == UInt8(ascii: "\r") ? rest.dropLast() : rest))
      }
      fill()
    }
  }

  /// A line of nothing but spaces, tabs and carriage returns: no message.
  private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
    line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
  }

  /// Reads what the descriptor has, at least one byte, or notes its end.
  private func fill() {
    if start > 0 && start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
      scanned = 0
    } else if start > 1 << 16 {
      buffer.removeSubrange(0..<start)
      scanned -= start
      start = 0
    }
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: chunk[0..<count])
        return
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        // A descriptor left non-blocking by whoever started baton: wait for input.
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, -1)
        continue
      }
      ended = true
      return
    }
  }
}
