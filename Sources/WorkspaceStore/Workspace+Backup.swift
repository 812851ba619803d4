import Foundation
internal import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Workspace {
  /// Copies the workspace to `path`, a workspace file: a consistent copy while other
  /// sessions write. A file is copied with SQLite's online backup (every change its log
  /// holds included); a shared workspace's tables are read in one snapshot of the server
  /// (`copy(_:into:)`). Written beside `path` and renamed into place, so a failure leaves no
  /// half-copied file.
  public func backup(to named: String, force: Bool) throws {
    let path = try WorkspacePath.resolve(named)
    if FileManager.default.fileExists(atPath: path) && !force {
      throw WorkspaceError.alreadyExists(path: path)
    }
    let temporary = "\(path).backing-up-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    try Self.mapErrors(path: path) {
      let destination = try DatabaseQueue(path: temporary, configuration: Self.configuration())
      switch store {
      case .file(let queue): try queue.backup(to: destination)
      case .server(let session): try Self.copy(session, into: destination)
      }
      // One self-contained file: a backup is copied and kept, not written by sessions.
      try destination.writeWithoutTransaction { db in
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
      }
      try destination.close()
    }
    try Self.place(temporary, at: path)
  }

  /// Replaces the workspace's contents with the backup at `path`, once the backup is
  /// checked: a baton workspace no newer than this baton, whole (`integrity_check`). A file
  /// is replaced through SQLite (so the file, its `-wal` and `-shm` change together, never a
  /// file copied over a live log); a shared workspace is made again from the backup in one
  /// transaction (`create(on:from:force:)`), and the sessions open on it are told.
  ///
  /// - Returns: on a server, the logins the backup maps that the workspace did not (each
  ///   acts again, as its person, once restored: one unmapped since the backup was taken
  ///   included), by name; none for a file, whose logins mean nothing.
  /// - Throws: `ChangeConflict` while another baton session has a workspace file open.
  @discardableResult
  public func restore(from named: String) throws -> [String] {
    if case .server(let session) = store {
      let mapped = Set(try logins().map(\.login))
      // The shared workspace made again from the backup, in one transaction on the
      // server; the sessions open on it hear that everything changed.
      let regained = try Self.withCopy(of: named) { backup in
        let logins: [String] = try backup.read { db in try db.values("SELECT name FROM login ORDER BY name") }
        try Self.create(on: session.location, from: backup, force: true)
        return logins.filter { !mapped.contains($0) }
      }
      session.forgetAnswers()
      return regained
    }
    let path = try WorkspacePath.resolve(named)
    try WorkspacePath.checkExisting(path)
    guard FileManager.default.fileExists(atPath: path) else {
      throw WorkspaceError.unwritable(path: path, detail: "no such file")
    }
    var configuration = Self.configuration()
    configuration.readonly = true
    guard let useLock else {
      try copy(from: path, configuration)
      return []
    }
    guard try useLock.alone({ try copy(from: path, configuration) }) != nil else {
      throw ChangeConflict(
        "another baton session has \(self.path) open; restoring would change everything under it. Close the other sessions (scripts included) and restore again"
      )
    }
    return []
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
      try source.read { db in try Self.checkWhole(db, path: path) }
      try source.backup(to: fileQueue("a restore"))
      try source.close()
    }
    // An older backup's schema is brought up to date, as any workspace is when opened.
    try Self.mapErrors(path: self.path) { try Migrations.migrator.migrate(fileQueue("a restore")) }
  }
}
