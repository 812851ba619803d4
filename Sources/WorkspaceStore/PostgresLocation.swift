import Foundation

/// Where a shared workspace's PostgreSQL database is and who connects to it, read as libpq
/// reads it: the URL's parts first, then the service file's (`service=` or `PGSERVICE`),
/// then `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, then libpq's defaults (the
/// Unix socket in `/var/run/postgresql`, port 5432, the system user, a database named as
/// the user). A password comes from `PGPASSWORD` or the password file, never from a URL
/// typed as a flag.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
  /// A host name or address, or, starting with "/", the folder of a Unix socket.
  public var host: String
  public var port: Int
  public var user: String
  public var database: String
  public var password: String?
  public var sslMode: SSLMode

  /// libpq's `sslmode`: whether the connection is encrypted and how the server is checked.
  public enum SSLMode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
  }

  /// Whether `text` names a PostgreSQL database rather than a file.
  public static func isURL(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  /// Whether the connection is through a Unix socket rather than TCP.
  public var isSocket: Bool { host.hasPrefix("/") }

  /// The socket file for a socket connection: `.s.PGSQL.<port>` in the host folder.
  public var socketPath: String { host + "/.s.PGSQL.\(port)" }

  /// The location as it may be shown and logged: never the password.
  public var description: String {
    let place = isSocket ? "\(host) (socket)" : "\(host):\(port)"
    return "postgres://\(user)@\(place)/\(database)"
  }

  /// Reads `url` (`postgres://[user@][host][:port][/database][?param=value&…]`) with the
  /// environment's defaults and files.
  ///
  /// - Parameter passwordAllowed: false where the URL came from a flag, which other users
  ///   of the machine can read in the process list: a password in it is refused.
  /// - Throws: `WorkspaceError.badLocation` naming what is wrong.
  public static func parse(
    _ url: String, environment: [String: String], passwordAllowed: Bool, files: PostgresFiles = PostgresFiles()
  ) throws -> PostgresLocation {
    var given = try PostgresURL.parameters(of: url)
    if given["password"] != nil && !passwordAllowed {
      throw WorkspaceError.badLocation(
        location: PostgresURL.withoutPassword(url),
        detail: "a password in a URL given as a flag is visible to every user of this machine; "
          + "put it in ~/.pgpass or PGPASSWORD instead")
    }
    if let service = given["service"] ?? environment["PGSERVICE"].flatMap({ $0.isEmpty ? nil : $0 }) {
      let values = try files.service(named: service, environment: environment)
      for (key, value) in values where given[key] == nil { given[key] = value }
    }
    let fromEnvironment = [
      "host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "dbname": "PGDATABASE", "sslmode": "PGSSLMODE",
      "password": "PGPASSWORD",
    ]
    for (key, variable) in fromEnvironment where given[key] == nil {
      if let value = environment[variable], !value.isEmpty { given[key] = value }
    }
    let host = given["host"] ?? defaultSocketFolder
    guard !host.contains(",") else {
      throw WorkspaceError.badLocation(
        location: PostgresURL.withoutPassword(url), detail: "several hosts are not supported; name one")
    }
    let portText = given["port"] ?? "5432"
    guard let port = Int(portText), (1...65535).contains(port) else {
      throw WorkspaceError.badLocation(
        location: PostgresURL.withoutPassword(url), detail: "'\(portText)' is not a port number")
    }
    let modeText = given["sslmode"] ?? SSLMode.prefer.rawValue
    guard let sslMode = SSLMode(rawValue: modeText) else {
      throw WorkspaceError.badLocation(
        location: PostgresURL.withoutPassword(url),
        detail: "sslmode '\(modeText)' is none of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let user = given["user"] ?? files.systemUser
    var location = PostgresLocation(
      host: host, port: port, user: user, database: given["dbname"] ?? user, password: given["password"],
      sslMode: sslMode)
    if location.password == nil {
      location.password = files.password(for: location, environment: environment)
    }
    return location
  }

  /// Where Debian's libpq looks for the server's socket when no host is named.
  static let defaultSocketFolder = "/var/run/postgresql"
}
