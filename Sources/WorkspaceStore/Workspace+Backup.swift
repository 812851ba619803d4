import Foundation
internal import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Workspace {
  /// Copies the workspace to `path` with SQLite's online backup: a consistent copy while
  /// other sessions write, every change the log holds included. Written beside `path` and
  /// renamed into place, so a failure leaves no half-copied file.
  public func backup(to named: String, force: Bool) throws {
    let path = try WorkspacePath.resolve(named)
    if FileManager.default.fileExists(atPath: path) && !force {
      throw WorkspaceError.alreadyExists(path: path)
    }
    let temporary = "\(path).backing-up-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    try Self.mapErrors(path: path) {
      let destination = try DatabaseQueue(path: temporary, configuration: Self.configuration())
      try fileQueue("a backup (use pg_dump for a server's)").backup(to: destination)
      // One self-contained file: a backup is copied and kept, not written by sessions.
      try destination.writeWithoutTransaction { db in
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
      }
      try destination.close()
    }
    guard rename(temporary, path) == 0 else {
      throw WorkspaceError.unwritable(path: path, detail: String(cString: strerror(errno)))
    }
  }

  /// Replaces the workspace's contents with the backup at `path`, through SQLite (so the
  /// file, its `-wal` and `-shm` change together, never a file copied over a live log), once
  /// the backup is checked: a baton workspace no newer than this baton, whole
  /// (`integrity_check`).
  ///
  /// - Throws: `ChangeConflict` while another baton session has the workspace open.
  public func restore(from named: String) throws {
    let path = try WorkspacePath.resolve(named)
    try WorkspacePath.checkExisting(path)
    guard FileManager.default.fileExists(atPath: path) else {
      throw WorkspaceError.unwritable(path: path, detail: "no such file")
    }
    var configuration = Self.configuration()
    configuration.readonly = true
    guard let useLock else { return try copy(from: path, configuration) }
    guard try useLock.alone({ try copy(from: path, configuration) }) != nil else {
      throw ChangeConflict(
        "another baton session has \(self.path) open; restoring would change everything under it. Close the other sessions (scripts included) and restore again"
      )
    }
  }

  /// Records a restore in the restored workspace's audit log: the rows before it are the
  /// backup's, not those of the contents it replaced.
  public func recordRestore(_ context: AuditContext, from file: String) throws {
    try write { db in
      _ = try Self.writeAudit(
        db, context, outcome: "done", changes: [], undoes: nil,
        note: "restored from \(file); the rows before this one are the backup's")
    }
  }

  /// Checks the backup at `path` and copies it in.
  private func copy(from path: String, _ configuration: Configuration) throws {
    try Self.mapErrors(path: path) {
      let source = try DatabaseQueue(path: path, configuration: configuration)
      try source.read { db in
        let applied = try Migrations.applied(db)
        guard !applied.isEmpty, applied.allSatisfy(Migrations.identifiers.contains) else {
          throw WorkspaceError.corrupt(
            path: path, detail: applied.isEmpty ? "not a baton workspace" : "made by a newer baton")
        }
        let check = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? ""
        guard check == "ok" else { throw WorkspaceError.corrupt(path: path, detail: check) }
      }
      try source.backup(to: fileQueue("a restore"))
      try source.close()
    }
    // An older backup's schema is brought up to date, as any workspace is when opened.
    try Self.mapErrors(path: self.path) { try Migrations.migrator.migrate(fileQueue("a restore")) }
  }
}
