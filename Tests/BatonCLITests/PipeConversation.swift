import Foundation

/// A baton process driven line by line through pipes, as another program would drive it:
/// write a line, wait for its reply, write the next.
///
/// Unchecked Sendable: one thread may `send` while another reads replies, since sending
/// touches only the input pipe and reading only the output pipe and `pending`.
final class PipeConversation: @unchecked Sendable {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var pending: [UInt8] = []

  init(_ runner: BinaryRunner, _ arguments: [String], extra: [String: String] = [:]) throws {
    process.executableURL = BinaryRunner.executable
    process.arguments = arguments
    process.environment = runner.environment.merging(extra) { $1 }
    process.currentDirectoryURL = runner.home
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  func send(_ line: String) {
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
  }

  /// The next line baton writes, or nil when none comes within `timeout` seconds.
  func reply(timeout: Double = 30) -> String? {
    let descriptor = output.fileHandleForReading.fileDescriptor
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        defer { pending.removeFirst(newline + 1) }
        return String(decoding: pending[..<newline], as: UTF8.self)
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { return nil }
      var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&ready, 1, Int32(left * 1000)) > 0 else { return nil }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return nil }
      pending += chunk[..<count]
    }
  }

  /// Closes baton's input and waits for it to exit; its exit status.
  func finish() throws -> Int32 {
    try input.fileHandleForWriting.close()
    _ = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
