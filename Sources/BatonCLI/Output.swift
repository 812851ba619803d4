import Foundation
import Synchronization

/// Where the loop writes: stdout for replies, stderr for diagnostics. A protocol so the loop
/// can be tested without a process. Sendable: a script's replies are written from another
/// thread (`Printer`), one write at a time.
public protocol Output: AnyObject, Sendable {
  func write(_ text: String)
  func diagnose(_ text: String)
  /// Sends what was written on its way now (standard output to a pipe is buffered).
  func flush()
}

/// The process's real standard output and error.
final class StandardOutput: Output {
  func write(_ text: String) {
    print(text)
  }

  func diagnose(_ text: String) {
    fflush(nil)  // replies written so far come before the diagnostic
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  func flush() { fflush(nil) }  // every output stream; standard error holds nothing back anyway
}

/// Collects what the loop writes, for tests.
public final class CapturedOutput: Output {
  private let lines = Mutex((stdout: [String](), stderr: [String]()))

  public init() {}

  public var stdout: [String] { lines.withLock { $0.stdout } }
  public var stderr: [String] { lines.withLock { $0.stderr } }

  public func write(_ text: String) { lines.withLock { $0.stdout.append(text) } }
  public func diagnose(_ text: String) { lines.withLock { $0.stderr.append(text) } }
  public func flush() {}
}
