import Foundation

/// Why a workspace cannot be used. Each case says what to do; the CLI maps all of them to
/// exit status 74.
public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
  /// Another process holds the write lock longer than the busy timeout.
  case locked(path: String)
  /// The file is not a SQLite database, or SQLite found it damaged.
  case corrupt(path: String, detail: String)
  /// The file or its folder cannot be written or created.
  case unwritable(path: String, detail: String)
  /// A newer baton made this workspace; this one does not know its schema.
  case newerSchema(path: String)
  /// `baton init` would overwrite a workspace without `--force`.
  case alreadyExists(path: String)
  /// The demo data file is missing or broken; a packaging bug.
  case demoData(String)
  /// Changes grouped for one commit were lost before it: none of them was saved.
  case unsaved(path: String, detail: String)
  /// A URL where a file's path belongs (a backup's, a restore's, `Workspace.open(path:)`'s).
  case notAPath(path: String)
  /// A PostgreSQL location that cannot be read ("sslmode 'maybe' is none of …").
  case badLocation(location: String, detail: String)
  /// A database on a server that holds no baton workspace.
  case notAWorkspace(location: String)
  /// A shared workspace made by an earlier baton, opened by a login that may not bring it up
  /// to date (only the owner of its tables may).
  case olderSchema(location: String)
  /// What only a shared workspace has (logins), asked of a file.
  case sharedOnly(path: String, what: String)
  /// What only a workspace file can do, asked of a shared one ("a backup").
  case fileOnly(location: String, what: String)
  /// The PostgreSQL server refused or dropped the connection, or a statement failed.
  case server(location: String, detail: String)

  public var description: String {
    switch self {
    case .locked(let path):
      return "the workspace \(path) is locked by another baton; try again when it has finished"
    case .corrupt(let path, let detail):
      return
        "the workspace \(path) is not a usable baton workspace (\(detail)); restore it from a backup or make a new one with `baton init --force`"
    case .unwritable(let path, let detail):
      return "cannot write the workspace \(path): \(detail)"
    case .newerSchema(let path):
      return "the workspace \(path) was made by a newer baton; upgrade baton to open it"
    case .alreadyExists(let path):
      return "a workspace already exists at \(path); add --force to replace it"
    case .demoData(let detail):
      return "the demo company data is unusable: \(detail). Please file a bug."
    case .unsaved(let path, let detail):
      return "the changes not yet saved to \(path) were lost, none of them was kept: \(detail)"
    case .notAPath(let path):
      if PostgresLocation.isURL(path) {
        return
          "\(path) is a PostgreSQL database, and a file's path is needed here (a shared workspace is copied with pg_dump)"
      }
      return "\(path) is a URL, not a file: a workspace is a SQLite file; give its path"
    case .badLocation(let location, let detail):
      return "cannot read the PostgreSQL location \(location): \(detail)"
    case .notAWorkspace(let location):
      return "there is no baton workspace in \(location); an admin makes one with `baton init \(location)`"
    case .olderSchema(let location):
      return
        "the shared workspace \(location) was made by an earlier baton; the login that owns it (its admin) opens it once with this baton to bring it up to date"
    case .sharedOnly(let path, let what):
      return
        "\(path) is a workspace file, whose user says who they are with --as: \(what) is for a shared workspace on PostgreSQL"
    case .fileOnly(let location, let what):
      return "\(location) is a shared workspace on PostgreSQL: \(what) works on a workspace file only"
    case .server(let location, let detail):
      return "the PostgreSQL workspace \(location) cannot be used: \(detail)"
    }
  }
}
