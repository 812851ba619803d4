import BatonTestSupport
import Foundation

/// Runs the built `baton` binary as a user would, with its own HOME and a fixed clock.
struct BinaryRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The binary beside this test bundle (SwiftPM builds it because the tests depend on it).
  static let executable: URL = {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.path != "/" {
      let candidate = url.deletingLastPathComponent().appendingPathComponent("baton")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      url = url.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/baton")
  }()

  /// The runner's HOME, removed once the last copy of the runner is gone.
  private let folder = TemporaryFolder("baton-e2e")
  var home: URL { folder.url }

  /// Writes `text` to a file called `name` in the home folder; its path.
  func write(_ text: String, _ name: String) throws -> String {
    let path = home.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  init() throws {}

  var environment: [String: String] {
    ["HOME": home.path, "LANG": "C.UTF-8", "NO_COLOR": "1", "BATON_TODAY": "2026-11-23", "PATH": "/usr/bin:/bin"]
  }

  var workspace: String { home.appendingPathComponent(".local/share/baton/workspace.sqlite").path }

  func run(_ arguments: [String], stdin: String = "", extra: [String: String] = [:]) throws -> Result {
    try start(arguments, stdin: stdin, extra: extra).finish()
  }

  /// Runs baton with standard input read from the file at `inputPath`: for input too large
  /// to write ahead of reading the output.
  func run(_ arguments: [String], inputPath: String, extra: [String: String] = [:]) throws -> Result {
    let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
    let running = try launch(arguments, input: input, extra: extra)
    try input.close()
    return running.finish()
  }

  /// A running baton, for tests that race or kill processes.
  struct Running {
    let process: Process
    let output: Pipe
    let errors: Pipe

    /// Reads the output to its end and waits for the exit.
    func finish() -> Result {
      let out = output.fileHandleForReading.readDataToEndOfFile()
      let err = errors.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Result(
        status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: err, as: UTF8.self))
    }
  }

  func start(_ arguments: [String], stdin: String = "", extra: [String: String] = [:]) throws -> Running {
    let input = Pipe()
    let running = try launch(arguments, input: input, extra: extra)
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    return running
  }

  /// baton started with `input` (a pipe or a file) as its standard input, in the runner's
  /// home and environment.
  private func launch(_ arguments: [String], input: Any, extra: [String: String]) throws -> Running {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    process.environment = environment.merging(extra) { $1 }
    process.currentDirectoryURL = home
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    return Running(process: process, output: output, errors: errors)
  }

  /// One value from the workspace through the sqlite3 shell: an independent reader.
  func sql(_ query: String, workspace path: String? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path ?? workspace, query]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
