import Foundation

/// A database of its own on the test server, made for one test and dropped after it.
public struct ScratchDatabase: Sendable {
  /// The test server's URL, from `BATON_TEST_POSTGRES` (a URL psql accepts); nil without one.
  public static let server = ProcessInfo.processInfo.environment["BATON_TEST_POSTGRES"].flatMap {
    $0.isEmpty ? nil : $0
  }
  /// Whether the PostgreSQL tests must run (`BATON_REQUIRE_POSTGRES`, set under CI).
  public static let required =
    ProcessInfo.processInfo.environment["BATON_REQUIRE_POSTGRES"].map { !$0.isEmpty } ?? false

  public let name = "baton_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
  public let server: String
  /// The scratch database's URL.
  public let url: String

  /// A new empty database, or a copy of the database `template`.
  public init(template: String? = nil) throws {
    guard let server = Self.server, var parts = URLComponents(string: server) else {
      throw Failure("BATON_TEST_POSTGRES is not a URL")
    }
    self.server = server
    parts.path = "/\(name)"
    guard let url = parts.string else { throw Failure("no database URL for \(name)") }
    self.url = url
    try Self.run(server, "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
  }

  /// The URL that connects to this database as `login`.
  public func url(as login: String) -> String {
    url.replacingOccurrences(of: "//postgres@", with: "//\(login)@")
  }

  /// Drops the database, then the roles named after it (a shared workspace's groups, and the
  /// logins a test made with `login(_:)`): roles belong to the whole server.
  public func drop() {
    _ = try? Self.run(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    _ = try? Self.run(
      server,
      """
      DO $$ DECLARE r text; BEGIN
        FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE '\(name)\\_%' LOOP
          EXECUTE format('DROP ROLE %I', r);
        END LOOP;
      END $$
      """)
  }

  /// A login of this test's own (`<database>_<suffix>`), made on the server, and the URL that
  /// connects as it.
  public func login(_ suffix: String) throws -> (name: String, url: String) {
    let login = "\(name)_\(suffix)"
    try Self.run(server, "CREATE ROLE \(login) LOGIN")
    return (login, url(as: login))
  }

  /// Runs `input` through psql as another login (a URL from `login(_:)`).
  @discardableResult
  public func psql(input: String, url other: String) throws -> String { try Self.run(other, input) }

  /// Runs `input` through psql on this database, stopping at the first error; its rows, one a
  /// line, fields separated by "|".
  @discardableResult
  public func psql(input: String) throws -> String { try Self.run(url, input) }

  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
  }

  @discardableResult
  private static func run(_ url: String, _ input: String) throws -> String {
    // The SQL from a file rather than a pipe: a psql that exits early (no server) cannot
    // leave a write to its standard input to end the test run with SIGPIPE.
    let folder = TemporaryFolder("baton-psql")
    let script = folder.path("input.sql")
    try Data(input.utf8).write(to: URL(fileURLWithPath: script))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "psql", "--no-psqlrc", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", script,
    ]
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure("psql exited \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))")
    }
    return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
