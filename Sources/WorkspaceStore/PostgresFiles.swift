import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The files libpq reads for a connection: the service file (named sets of parameters) and
/// the password file, where they are and as libpq reads them.
public struct PostgresFiles: Sendable {
  /// The home folder, for `~/.pg_service.conf` and `~/.pgpass`.
  public var home: String
  /// The user baton runs as: the login when none is named.
  public var systemUser: String
  /// The folder of the system-wide service file (`PGSYSCONFDIR`, else Debian's).
  public var systemFolder: String

  public init(
    home: String = NSHomeDirectory(), systemUser: String = NSUserName(),
    systemFolder: String = "/etc/postgresql-common"
  ) {
    self.home = home
    self.systemUser = systemUser
    self.systemFolder = systemFolder
  }

  /// The parameters of service `name`: from `PGSERVICEFILE` (else `~/.pg_service.conf`),
  /// then the system's `pg_service.conf`, the first file that defines it.
  ///
  /// - Throws: `WorkspaceError.badLocation` when no file defines it, or one is malformed
  ///   (with its file and line).
  func service(named name: String, environment: [String: String]) throws -> [String: String] {
    let personal = environment["PGSERVICEFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.pg_service.conf"
    let system = (environment["PGSYSCONFDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? systemFolder) + "/pg_service.conf"
    for file in [personal, system] {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
      if let values = try Self.section(name, of: text, file: file) { return values }
    }
    throw WorkspaceError.badLocation(
      location: "service=\(name)", detail: "no service called '\(name)' in \(personal) or \(system)")
  }

  /// The `[name]` section of a service file, nil when it has none.
  static func section(_ name: String, of text: String, file: String) throws -> [String: String]? {
    var current: String?
    var values: [String: String]?
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") && line.hasSuffix("]") {
        if values != nil { return values }
        current = String(line.dropFirst().dropLast())
        if current == name { values = [:] }
        continue
      }
      guard let equals = line.firstIndex(of: "=") else {
        throw WorkspaceError.badLocation(
          location: "\(file):\(number + 1)", detail: "'\(line)' is neither [service] nor key=value")
      }
      if current == name {
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        values?[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return values
  }

  /// The password the password file (`PGPASSFILE`, else `~/.pgpass`) gives `location`'s
  /// host, port, database and user, nil when none does. As libpq, a file that others may
  /// read is ignored (its passwords are no secret), a `*` field matches anything, and a
  /// socket connection to the default folder matches `localhost`.
  func password(for location: PostgresLocation, environment: [String: String]) -> String? {
    let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.pgpass"
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & (S_IRWXG | S_IRWXO) == 0,
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return nil }
    let hosts =
      location.host == PostgresLocation.defaultSocketFolder ? [location.host, "localhost"] : [location.host]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = Self.fields(of: line)
      guard fields.count == 5 else { continue }
      let wanted = [hosts, ["\(location.port)"], [location.database], [location.user]]
      if zip(fields, wanted).allSatisfy({ field, values in field == "*" || values.contains(field) }) {
        return fields[4]
      }
    }
    return nil
  }

  /// A password-file line's fields: split at ":", with `\:` and `\\` standing for themselves.
  static func fields(of line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" && fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}
