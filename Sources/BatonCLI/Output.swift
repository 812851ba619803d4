import Foundation

/// Where the loop writes: stdout for replies, stderr for diagnostics. A protocol so the loop
/// can be tested without a process.
public protocol Output: AnyObject {
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
  public private(set) var stdout: [String] = []
  public private(set) var stderr: [String] = []

  public init() {}

  public func write(_ text: String) { stdout.append(text) }
  public func diagnose(_ text: String) { stderr.append(text) }
  public func flush() {}
}
