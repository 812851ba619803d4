import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// baton's own history file: one entry per line, appended as each line is entered.
///
/// libedit's `H_SAVE` rewrites the whole file in its own `_HiStOrY_V2_` format, so two
/// sessions at once clobber each other, and `H_LOAD` refuses plain files. Appending one line
/// per entry with `O_APPEND` (as psql does with `append_history`) keeps both sessions' lines.
public struct HistoryStore: Sendable {
  /// Where the entries live.
  public let url: URL
  /// How many entries are kept; the file is trimmed to this on load.
  public let capacity: Int

  public init(url: URL, capacity: Int = 1000) {
    self.url = url
    self.capacity = max(1, capacity)
  }

  /// The default location: `$BATON_HISTORY`, else `$XDG_STATE_HOME/baton/history`, else
  /// `~/.local/state/baton/history`.
  public static func defaultURL(environment: [String: String]) -> URL {
    if let path = environment["BATON_HISTORY"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let state =
      environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
      .appendingPathComponent(".local/state")
    return state.appendingPathComponent("baton/history")
  }

  /// Reads the entries, oldest first, and trims the file when it holds more than `capacity`.
  public func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    let entries = String(decoding: data, as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: true)
      .map { Self.unescape(String($0)) }
    guard entries.count > capacity else { return entries }
    let kept = Array(entries.suffix(capacity))
    rewrite(kept)
    return kept
  }

  /// Appends one entry. Lines starting with a space are not recorded (psql's `ignorespace`).
  public func append(_ entry: String) {
    guard !entry.isEmpty, !entry.hasPrefix(" ") else { return }
    ensureDirectory()
    let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    defer { close(fd) }
    let bytes = Array((Self.escape(entry) + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
  }

  private func rewrite(_ entries: [String]) {
    let text = entries.map(Self.escape).joined(separator: "\n") + "\n"
    let temp = url.appendingPathExtension("tmp")
    guard
      FileManager.default.createFile(
        atPath: temp.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else { return }
    _ = rename(temp.path, url.path)
  }

  private func ensureDirectory() {
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
  }

  /// Newlines and backslashes are escaped so that a pasted multi-line entry stays one line.
  static func escape(_ entry: String) -> String {
    entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
  }

  static func unescape(_ line: String) -> String {
    var result = ""
    var escaping = false
    for character in line {
      if escaping {
        result.append(character == "n" ? "\n" : character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
