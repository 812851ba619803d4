import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a workspace path names before SQLite is let near it: a URL is not a path, a
/// symbolic link is followed (never replaced by a file), one that loops is refused, and a
/// zero-byte file is not a workspace (SQLite would quietly give it a schema and no users).
public enum WorkspacePath {
  /// The path a workspace at `path` is read from or made at: `path` itself, or where its
  /// symbolic link leads.
  public static func resolve(_ path: String) throws -> String {
    if path.contains("://") {
      throw WorkspaceError.notAPath(path: path)
    }
    var status = stat()
    guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return path }
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(validatingCString: resolved) ?? path
    }
    if errno == ELOOP { throw WorkspaceError.unwritable(path: path, detail: "its symbolic links loop") }
    // A dangling link: the file it names, made there rather than over the link.
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return path }
    let folder = Workspace.folder(of: path)
    return target.hasPrefix("/") || folder.isEmpty ? target : folder + "/" + target
  }

  /// Whether the file at `path` is an SQLite database (it begins with SQLite's header): a
  /// workspace file, as opposed to a model file.
  public static func isDatabase(_ path: String) -> Bool {
    guard let file = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? file.close() }
    let header = (try? file.read(upToCount: 16)) ?? Data()
    return header == Data("SQLite format 3\0".utf8)
  }

  /// Refuses a file that cannot be a workspace before it is opened: one of zero bytes.
  static func checkExisting(_ path: String) throws {
    var status = stat()
    guard stat(path, &status) == 0 else { return }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      throw WorkspaceError.corrupt(path: path, detail: "it is a folder")
    }
    if status.st_size == 0 {
      throw WorkspaceError.corrupt(path: path, detail: "the file is empty (0 bytes)")
    }
  }
}
