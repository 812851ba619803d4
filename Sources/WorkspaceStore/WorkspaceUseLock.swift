import Foundation
import Synchronization

/// Which baton processes have a workspace open: each holds a shared lock on a file beside
/// it (`PATH.baton-lock`). A restore, which replaces everything under every open session,
/// takes the lock exclusively, and so refuses while another session has the workspace.
/// SQLite itself cannot say how many connections a file has.
final class WorkspaceUseLock: Sendable {
  private let descriptor: Int32

  /// Holds the lock shared; nil where the lock file cannot be made (a read-only folder),
  /// and then nothing is checked.
  init?(workspace path: String) {
    let descriptor = open(path + ".baton-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return nil }
    self.descriptor = descriptor
    _ = flock(descriptor, LOCK_SH)
  }

  /// Runs `body` holding the lock alone; false, without running it, while others hold it.
  func alone<T>(_ body: () throws -> T) throws -> T? {
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      // A failed conversion may have let the shared lock go: take it again.
      _ = flock(descriptor, LOCK_SH)
      return nil
    }
    defer { _ = flock(descriptor, LOCK_SH) }
    return try body()
  }

  deinit { close(descriptor) }
}
