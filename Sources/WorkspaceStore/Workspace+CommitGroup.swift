import Foundation
internal import GRDB
import Synchronization

/// The changes a workspace that groups commits holds open: one transaction, begun by the
/// first change and committed by `commitPending()`.
///
/// Why: at `synchronous = FULL` every commit waits for the disk, and a script of changes
/// committed one by one spends most of its time there. Grouping them makes a script's
/// changes cost one wait a group. The caller keeps the promise that what it reports is saved
/// by reporting a group's lines only after `commitPending()` returns.
///
/// Reads are grouped too: the first read of a group begins a deferred transaction that the
/// following reads share until `commitPending()` (or a change) ends it, so a script's
/// questions take SQLite's read snapshot once a group, not once a read (a noticeable part of
/// a question). A group is short (the caller ends it before waiting for input, after 100 ms
/// and after 1,000 lines), so the snapshot is never older than that.
final class CommitGroup: Sendable {
  struct State {
    /// Whether the group's write transaction was begun (and not yet committed or rolled back).
    var open = false
    /// Whether a read transaction is open instead, with no change in it.
    var reading = false
    var changes = 0
    var openedAt = ContinuousClock.now
  }

  let state = Mutex(State())
}

extension Workspace {
  /// How many changes are made but not yet committed (always 0 unless the workspace groups
  /// commits).
  public var uncommittedChanges: Int { group?.state.withLock { $0.open ? $0.changes : 0 } ?? 0 }

  /// How long the group's transaction (its oldest uncommitted change, or its first read) has
  /// been open, or nil when none is.
  public var uncommittedFor: Duration? {
    if case .server(let session) = store { return session.readsHeldFor }
    return group?.state.withLock { $0.open || $0.reading ? ContinuousClock.now - $0.openedAt : nil } ?? nil
  }

  /// Commits the changes a grouping workspace holds open, or ends its reads' transaction;
  /// does nothing when neither is open. On a server, where each change commits itself,
  /// only the reads' transaction is ended (`PostgresSession.holdReads`).
  ///
  /// - Throws: `WorkspaceError.unsaved` when the group was lost (SQLite rolled it back after
  ///   an I/O error, say) or the commit failed: then none of its changes was saved.
  public func commitPending() throws {
    if case .server(let session) = store {
      return try session.letGoOfReads()
    }
    guard let group else { return }
    if group.state.withLock({ $0.reading }) { return try Self.mapErrors(path: path) { try endReading(group) } }
    guard group.state.withLock({ $0.open }) else { return }
    defer { group.state.withLock { $0 = CommitGroup.State() } }
    do {
      try fileQueue("grouped commits").writeWithoutTransaction { db in
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
    // The reads before this change saw a snapshot of their own; the change begins afresh.
    if group.state.withLock({ $0.reading }) { try endReading(group, db) }
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

  /// Runs a read of a grouping workspace: in the group's read transaction (begun here when
  /// no transaction is open), or in a savepoint of its write transaction, so that it sees
  /// the group's uncommitted changes. A read that fails ends the read transaction.
  func groupedRead<T>(_ group: CommitGroup, _ db: Database, _ body: () throws -> T) throws -> T {
    if group.state.withLock({ $0.open }) { return try Self.savepoint("baton_read", db, body) }
    if !db.isInsideTransaction {
      try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
      group.state.withLock {
        $0.reading = true
        $0.openedAt = .now
      }
    }
    do {
      return try body()
    } catch {
      try? endReading(group, db)
      throw error
    }
  }

  /// Ends the group's read transaction (nothing was written in it, so a commit and a
  /// rollback are the same; a rollback also undoes a read that wrote, which then fails).
  private func endReading(_ group: CommitGroup, _ db: Database? = nil) throws {
    group.state.withLock { $0.reading = false }
    let end = { (db: Database) in if db.isInsideTransaction { try db.rollback() } }
    if let db { try end(db) } else { try fileQueue("grouped commits").writeWithoutTransaction(end) }
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
