import BatonModel
import Foundation
import WorkspaceStore

/// Where baton's files are and what day it is, from flags and the environment.
struct BatonEnvironment {
  var variables: [String: String]

  init(_ variables: [String: String] = ProcessInfo.processInfo.environment) {
    self.variables = variables
  }

  /// `--workspace`, then `BATON_WORKSPACE`, then `$XDG_DATA_HOME/baton/workspace.sqlite`.
  func workspacePath(_ flag: String?) -> String {
    if let flag, !flag.isEmpty { return flag }
    if let path = variables["BATON_WORKSPACE"], !path.isEmpty { return path }
    return dataHome().appendingPathComponent("baton/workspace.sqlite").path
  }

  /// The shared workspace `url` names, read with this environment's `PG…` variables and
  /// files. `fromFlag`: typed on the command line, where a password is refused.
  func postgresLocation(_ url: String, fromFlag: Bool) throws -> PostgresLocation {
    try PostgresLocation.parse(
      url, environment: variables, passwordAllowed: !fromFlag, files: PostgresFiles(home: home().path))
  }

  /// `$XDG_DATA_HOME`, else `~/.local/share`.
  func dataHome() -> URL {
    if let path = variables["XDG_DATA_HOME"], !path.isEmpty { return URL(fileURLWithPath: path) }
    return home().appendingPathComponent(".local/share")
  }

  /// Where built engines are kept between runs: `BATON_CACHE_DIR`, else
  /// `$XDG_CACHE_HOME/baton`, else `~/.cache/baton`; nil when `BATON_NO_CACHE` is set.
  func cacheDirectory() -> URL? {
    if let off = variables["BATON_NO_CACHE"], !off.isEmpty { return nil }
    if let path = variables["BATON_CACHE_DIR"], !path.isEmpty { return URL(fileURLWithPath: path) }
    if let path = variables["XDG_CACHE_HOME"], !path.isEmpty {
      return URL(fileURLWithPath: path).appendingPathComponent("baton")
    }
    return home().appendingPathComponent(".cache/baton")
  }

  func home() -> URL {
    URL(fileURLWithPath: variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
  }

  /// The built-in intents, then `~/.config/baton/intents` if present, then `--intents` /
  /// `BATON_INTENTS`: later folders add intents and phrasings.
  func intentDirectories(_ flag: String?) throws -> [URL] {
    var directories = [try builtInIntents()]
    let config =
      variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
      ?? home().appendingPathComponent(".config")
    let user = config.appendingPathComponent("baton/intents")
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: user.path, isDirectory: &isFolder), isFolder.boolValue {
      directories.append(user)
    }
    if let extra = flag ?? variables["BATON_INTENTS"], !extra.isEmpty {
      directories.append(URL(fileURLWithPath: extra))
    }
    return directories
  }

  /// The copy of the top-level `intents/` folder bundled with the executable.
  func builtInIntents() throws -> URL {
    // Beside the executable first, where SwiftPM puts this target's resources: one readlink
    // and one stat, where setting up `Bundle.module` cost about a millisecond of every start.
    var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &path, Int(PATH_MAX))
    if length > 0 {
      let executable = String(decoding: path[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let beside = URL(fileURLWithPath: executable).deletingLastPathComponent()
        .appendingPathComponent("baton_BatonCLI.resources/intents")
      var status = stat()
      if stat(beside.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR { return beside }
    }
    guard let url = Bundle.module.url(forResource: "intents", withExtension: nil) else {
      throw Failure(
        exit: .internalError, message: "the built-in intents are missing from the bundle; please report this")
    }
    return url
  }

  /// Today, or `BATON_TODAY` (an ISO date) so transcripts and tests have a fixed clock.
  func today() throws -> Day {
    if let text = variables["BATON_TODAY"], !text.isEmpty {
      guard let day = Day(iso: text) else {
        throw Failure(exit: .usage, message: "BATON_TODAY must be a date like 2026-11-23, not '\(text)'")
      }
      return day
    }
    return Day(Date())
  }
}
