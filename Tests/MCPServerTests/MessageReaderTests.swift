import BatonTestSupport
import Foundation
import MCPServer
import Testing

/// MCP's stdio framing: one message a line, whatever the reads' boundaries; a message over
/// the limit skipped, not kept, and the next one read.
@Suite(.tags(.fast)) struct MessageReaderTests {
  let folder = TemporaryFolder("mcp-framing")

  /// Every `next()` of a reader over `bytes`, to the end.
  private func read(_ bytes: [UInt8], limit: Int = 4 << 20) throws -> [MessageReader.Next] {
    let path = folder.path("input-\(UUID().uuidString)")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let descriptor = open(path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let reader = MessageReader(fileDescriptor: descriptor, limit: limit)
    var all: [MessageReader.Next] = []
    while true {
      let next = reader.next()
      all.append(next)
      if next == .end || all.count > 100_000 { return all }
    }
  }

  private func message(_ text: String) -> MessageReader.Next { .message(Data(text.utf8)) }

  @Test func linesAreMessagesAndBlankLinesNothing() throws {
    let input = "{\"a\":1}\n\n  \r\n{\"b\":2}\r\n{\"c\":3}"
    #expect(try read(Array(input.utf8)) == [message("{\"a\":1}"), message("{\"b\":2}"), message("{\"c\":3}"), .end])
  }

  @Test func aMessageLongerThanOneReadArrivesWhole() throws {
    let long = "{\"line\":\"" + String(repeating: "x", count: 1_000_000) + "\"}"
    #expect(try read(Array((long + "\n{}\n").utf8)) == [message(long), message("{}"), .end])
  }

  @Test func aMessageOverTheLimitIsSkippedAndTheNextOneRead() throws {
    let huge = String(repeating: "y", count: 300_000)
    let answers = try read(Array(("{}\n" + huge + "\n{\"after\":1}\n" + huge).utf8), limit: 100_000)
    #expect(answers == [message("{}"), .tooLarge(300_000), message("{\"after\":1}"), .tooLarge(300_000), .end])
  }

  @Test func theLimitHoldsWhenTheNewlineComesInTheSameRead() throws {
    let over = String(repeating: "w", count: 101)
    let exact = String(repeating: "v", count: 100)
    #expect(try read(Array("\(over)\n\(exact)\n".utf8), limit: 100) == [.tooLarge(101), message(exact), .end])
  }

  @Test func messagesArriveWholeThroughAPipeWrittenInSmallPieces() throws {
    var descriptors: [Int32] = [0, 0]
    try #require(pipe(&descriptors) == 0)
    let text = (1...200).map { #"{"jsonrpc":"2.0","id":\#($0),"method":"ping"}"# }.joined(separator: "\n") + "\n"
    let bytes = Array(text.utf8)
    let writer = descriptors[1]
    // Seven bytes at a time from another thread, so reads see messages cut anywhere.
    let thread = Thread {
      var offset = 0
      while offset < bytes.count {
        let piece = Array(bytes[offset..<min(offset + 7, bytes.count)])
        offset += piece.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
      }
      close(writer)
    }
    thread.start()
    let reader = MessageReader(fileDescriptor: descriptors[0])
    var ids: [Int] = []
    while case .message(let data) = reader.next() {
      let line = String(decoding: data, as: UTF8.self)
      if let number = line.split(separator: ":")[2].split(separator: ",").first.flatMap({ Int($0) }) {
        ids.append(number)
      }
    }
    close(descriptors[0])
    #expect(ids == Array(1...200))
  }

  @Test func anEmptyInputEndsAtOnce() throws {
    #expect(try read([]) == [.end])
  }
}
