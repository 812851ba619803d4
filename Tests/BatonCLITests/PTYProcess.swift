import CPTY
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary on a pseudo-terminal, driven like a person at a keyboard.
final class PTYProcess {
  let pid: pid_t
  let master: Int32
  private var buffer = ""
  /// Everything the terminal received, escapes included.
  private(set) var raw = ""
  private var searchFrom: String.Index

  init(executable: URL, arguments: [String] = [], environment: [String: String]) throws {
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var fd: Int32 = -1
    pid = cpty_spawn(executable.path, argv, envp, &fd)
    guard pid > 0 else { throw PTYError("spawn failed: errno \(errno)") }
    master = fd
    searchFrom = buffer.startIndex
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
  }

  func send(_ keys: String) {
    _ = keys.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
  }

  /// Waits until `needle` appears after the previous match; screen escapes are stripped.
  @discardableResult
  func expect(_ needle: String, timeout: Double = 5) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = buffer.range(of: needle, range: searchFrom..<buffer.endIndex) {
        let seen = String(buffer[searchFrom..<range.upperBound])
        searchFrom = range.upperBound
        return seen
      }
      guard Date() < deadline else {
        throw PTYError("timed out waiting for “\(needle)”; screen so far:\n\(buffer)")
      }
      readAvailable(wait: 50)
    }
  }

  /// Resizes the terminal, as a person resizing the window: the child gets SIGWINCH.
  func resize(rows: UInt16 = 24, columns: UInt16) {
    _ = cpty_resize(master, rows, columns)
  }

  /// libedit prints the prompt before switching the terminal to raw mode; keys sent in that
  /// window are eaten by cooked mode. Wait for raw mode before typing.
  func waitForRawMode(timeout: Double = 5) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while cpty_is_canonical(master) != 0 {
      guard Date() < deadline else { throw PTYError("the terminal never left cooked mode") }
      usleep(5_000)
    }
  }

  /// Waits for the next prompt and for the terminal to be ready to type at.
  func awaitPrompt() throws {
    try expect("› ")
    try waitForRawMode()
  }

  /// Waits until the child is blocked reading the terminal (`/proc/PID/wchan`), so a signal
  /// sent now interrupts that read, as a key pressed after the screen settled would.
  func waitUntilReading(timeout: Double = 5) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let channel = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? ""
      if channel.contains("wait_woken") || channel.contains("tty_read") { return }
      guard Date() < deadline else { throw PTYError("never blocked reading; wchan '\(channel)'") }
      usleep(2_000)
    }
  }

  /// Waits for the process to end and returns its exit status.
  func waitExit(timeout: Double = 5) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      guard Date() < deadline else { throw PTYError("did not exit; screen:\n\(buffer)") }
      readAvailable(wait: 20)
    }
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }

  private func readAvailable(wait milliseconds: Int32) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return }
    var bytes = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &bytes, bytes.count)
    guard count > 0 else { return }  // EIO once the child has closed the terminal
    let text = String(decoding: bytes[0..<count], as: UTF8.self)
    let offset = buffer.distance(from: buffer.startIndex, to: searchFrom)
    buffer += Self.strip(text)
    raw += text
    searchFrom = buffer.index(buffer.startIndex, offsetBy: offset)
  }

  /// Drops CSI escape sequences, carriage returns and bells.
  static func strip(_ text: String) -> String {
    var result = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      if scalar == "\u{1B}" {
        guard let next = iterator.next() else { break }
        if next == "[" {
          while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
        }
      } else if scalar != "\r" && scalar != "\u{07}" && scalar != "\u{01}" {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

struct PTYError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
