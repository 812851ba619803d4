import Foundation

/// Waits for a condition another process brings about (a lock taken, a process asleep), by
/// looking again every few milliseconds: a readiness signal, not a guess at how long it takes.
/// The limit only ends a test whose condition never comes, so it is generous.
enum ReadinessWait {
  static func until(seconds limit: Double, _ condition: () throws -> Bool) throws -> Bool {
    let deadline = ContinuousClock.now + .seconds(limit)
    while ContinuousClock.now < deadline {
      if try condition() { return true }
      usleep(2_000)
    }
    return try condition()
  }
}

/// Another program holding a workspace's write lock (the sqlite3 shell in an open
/// transaction) until released.
final class LockHolder {
  private let process = Process()
  private let input = Pipe()

  /// Starts the shell on `workspace` and runs `statements`, returning once they hold the lock.
  init(_ workspace: String, statements: String = "BEGIN IMMEDIATE;") throws {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [workspace]
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The shell answers once its transaction holds the lock.
    input.fileHandleForWriting.write(Data((statements + "\nSELECT 'held';\n").utf8))
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("held") {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { throw LockHolderError() }
      seen += chunk
    }
  }

  /// Ends the transaction and the shell: the lock is free once this returns.
  func release() throws {
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  struct LockHolderError: Error {}
}
