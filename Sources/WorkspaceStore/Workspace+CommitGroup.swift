import Foundation
internal import GRDB
import Synchronization

/// The changes a workspace that groups commits holds open: one transaction, begun by the
/// first change and committed by `commitPending()`.
///
/// Why: at `synchronous = FULL` every commit waits for the disk, and a script of changes
/// spent most of its time there (a line a millisecond). Grouping them makes a script's
/// changes cost one wait a group. The caller keeps the promise that what it reports is saved
/// by reporting a group's lines only after `commitPending()` returns.
final class CommitGroup: Sendable {
  struct State {
    /// Whether the group's transaction was begun (and not yet committed or rolled back).
    var open = false
    var changes = 0
    var openedAt = ContinuousClock.now
  }

  let state = Mutex(State())
}

extension Workspace {
  /// How many changes are made but not yet committed (always 0 unless the workspace groups
  /// commits).
  public var uncommittedChanges: Int { group?.state.withLock { $0.open ? $0.changes : 0 } ?? 0 }

  /// How long the oldest uncommitted change has waited, or nil when there is none.
  public var uncommittedFor: Duration? {
    group?.state.withLock { $0.open ? ContinuousClock.now - $0.openedAt : nil } ?? nil
  }

  /// Commits the changes a grouping workspace holds open; does nothing when there are none.
  ///
  /// - Throws: `WorkspaceError.unsaved` when the group was lost (SQLite rolled it back after
  ///   an I/O error, say) or the commit failed: then none of its changes was saved.
  public func commitPending() throws {
    guard let group, group.state.withLock({ $0.open }) else { return }
    defer { group.state.withLock { $0 = CommitGroup.State() } }
    do {
      try queue.writeWithoutTransaction { db in
        guard db.isInsideTransaction else {
          throw WorkspaceError.unsaved(path: path, detail: "SQLite rolled them back")
        }
        do {
          try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
        } catch {
          if db.isInsideTransaction { try? db.rollback() }
          throw error
        }
      }
    } catch let error as DatabaseError {
      throw WorkspaceError.unsaved(path: path, detail: error.message ?? "\(error.resultCode)")
    }
  }

  /// Runs one change all or nothing: in a transaction of its own, or, when the workspace
  /// groups commits, in a savepoint of the group's transaction (begun here if none is open).
  /// Immediate either way: the write lock is taken before anything is read, so two sessions
  /// acting on one record queue up instead of both reading the old state.
  func changing<T>(_ db: Database, _ body: () throws -> T) throws -> T {
    guard let group else {
      var result: T?
      try db.inTransaction(.immediate) {
        result = try body()
        return .commit
      }
      guard let result else { throw ChangeConflict("the change was rolled back") }
      return result
    }
    let wasOpen = group.state.withLock { $0.open }
    if wasOpen && !db.isInsideTransaction {
      // An error rolled the whole group back: the changes before this one are gone, and
      // this one must not be saved as if they were not.
      throw WorkspaceError.unsaved(path: path, detail: "SQLite rolled them back")
    }
    if !wasOpen {
      try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
      group.state.withLock {
        $0.open = true
        $0.changes = 0
        $0.openedAt = .now
      }
    }
    let result = try Self.savepoint("baton_change", db, body)
    group.state.withLock { $0.changes += 1 }
    return result
  }

  /// Runs `body` in savepoint `name` of the open transaction: kept when it returns, rolled
  /// back when it throws.
  static func savepoint<T>(_ name: String, _ db: Database, _ body: () throws -> T) throws -> T {
    try db.cachedStatement(sql: "SAVEPOINT \(name)").execute()
    do {
      let result = try body()
      try db.cachedStatement(sql: "RELEASE SAVEPOINT \(name)").execute()
      return result
    } catch {
      if db.isInsideTransaction {
        try? db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT \(name)").execute()
        try? db.cachedStatement(sql: "RELEASE SAVEPOINT \(name)").execute()
      }
      throw error
    }
  }
}
