import BatonModel
import Foundation
internal import GRDB

/// A baton workspace: the revenue team's records and audit log, in one SQLite file or in a
/// database on a PostgreSQL server that a team shares.
///
/// Actions see only this type's methods and plain model values, never GRDB or the server's
/// client: every question and change reads the same on both stores.
public final class Workspace: Sendable {
  /// Where the file is, or `:memory:`; for a server, its location without the password.
  public let path: String
  /// Where the records are.
  let store: Store
  /// Changes made but not yet committed, when the workspace groups commits.
  let group: CommitGroup?
  /// This session's share of the file (a restore needs it alone); nil in memory.
  let useLock: WorkspaceUseLock?

  /// A file (or memory), through GRDB, or a server, through one session.
  enum Store: Sendable {
    case file(DatabaseQueue)
    case server(PostgresSession)
  }

  init(path: String, queue: DatabaseQueue, groupsCommits: Bool = false) {
    self.path = path
    store = .file(queue)
    group = groupsCommits ? CommitGroup() : nil
    useLock = path == ":memory:" ? nil : WorkspaceUseLock(workspace: path)
  }

  init(server session: PostgresSession) {
    path = session.location.description
    store = .server(session)
    group = nil
    useLock = nil
  }

  /// Whether the workspace is a database on a shared server.
  public var isShared: Bool {
    if case .server = store { return true }
    return false
  }

  /// The file's connection, for what only a file has (a backup, SQLite's own settings).
  ///
  /// - Throws: `WorkspaceError.fileOnly` on a server, naming `what`.
  func fileQueue(_ what: String) throws -> DatabaseQueue {
    switch store {
    case .file(let queue): return queue
    case .server: throw WorkspaceError.fileOnly(location: path, what: what)
    }
  }

  /// What a new workspace holds.
  public enum Content: Sendable {
    /// The starter operating model (the standard lifecycle, metrics, handoff rules and the
    /// functions' RACI by team) and one administrator (`admin`), the default user.
    case empty
    /// The demo company, with dates laid out relative to `today`.
    case demo(today: Day, extraDeals: Int = 0)
    /// An operating model from a file, with no accounts, deals or leads.
    case model(OperatingModel, today: Day)
  }

  /// Opens the workspace at `path`, creating it with the demo company when the file does not
  /// exist yet.
  ///
  /// - Throws: `WorkspaceError` when the file is locked, corrupt, unwritable or newer.
  ///
  /// With `groupsCommits`, consecutive changes share one commit until `commitPending()`: a
  /// script's changes then cost one disk sync a group instead of one each. Each change is
  /// still all or nothing (a savepoint), and nothing is committed behind the caller's back.
  public static func open(path named: String, createIfMissing today: Day?, groupsCommits: Bool = false) throws
    -> Workspace
  {
    let path = try WorkspacePath.resolve(named)
    try WorkspacePath.checkExisting(path)
    if !FileManager.default.fileExists(atPath: path) {
      guard let today else {
        throw WorkspaceError.unwritable(path: path, detail: "no such file")
      }
      try create(at: path, content: .demo(today: today), force: false)
    }
    return try mapErrors(path: path) {
      var configuration = configuration()
      // A group's transaction stays open between accesses; GRDB refuses that unless told.
      configuration.allowsUnsafeTransactions = groupsCommits
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      try prepare(queue, path: path)
      return Workspace(path: path, queue: queue, groupsCommits: groupsCommits)
    }
  }

  /// Closes the connection, after copying what the write-ahead log holds into the main
  /// file: a copy of the `.sqlite` file taken after baton exits holds every change, and a
  /// backup copied back over it meets no stale `-wal` (SQLite removes it when the last
  /// connection closes). Errors are ignored: another session may still be reading.
  public func close() {
    switch store {
    case .file(let queue):
      try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
      try? queue.close()
    case .server(let session):
      session.close()
    }
  }

  /// A private workspace in memory, for tests and benchmarks.
  public static func inMemory(_ content: Content) throws -> Workspace {
    try mapErrors(path: ":memory:") {
      let queue = try DatabaseQueue(configuration: configuration())
      try Migrations.migrator.migrate(queue)
      try queue.write { db in try withNamesTokenOnce(db) { try fill(db, with: content) } }
      return Workspace(path: ":memory:", queue: queue)
    }
  }

  /// The folder part of `path` ("" for a bare file name): by bytes, since Foundation's
  /// `deletingLastPathComponent` traps on a one-character relative path such as "z".
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Makes a new workspace file. It is built beside `path` and renamed into place, so a
  /// failure or a kill part-way leaves no half-made workspace.
  public static func create(at named: String, content: Content, force: Bool) throws {
    try create(at: named, force: force) { queue in
      try Migrations.migrator.migrate(queue)
      try queue.write { db in try withNamesTokenOnce(db) { try fill(db, with: content) } }
    }
  }

  /// Makes a new workspace file at `named` whose records `fill` writes into a private
  /// database beside it, then renamed into place: in WAL mode, synced, and never beside an
  /// older workspace's `-wal` (which SQLite would replay onto the new file's pages).
  static func create(at named: String, force: Bool, _ fill: (DatabaseQueue) throws -> Void) throws {
    let path = try WorkspacePath.resolve(named)
    let manager = FileManager.default
    if manager.fileExists(atPath: path) && !force {
      throw WorkspaceError.alreadyExists(path: path)
    }
    let folder = Self.folder(of: path)
    if !folder.isEmpty {
      do {
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw WorkspaceError.unwritable(path: path, detail: "cannot create the folder \(folder)")
      }
    }
    let temporary = "\(path).creating-\(ProcessInfo.processInfo.processIdentifier)"
    defer { try? manager.removeItem(atPath: temporary) }
    try mapErrors(path: path) {
      let queue = try DatabaseQueue(path: temporary, configuration: configuration())
      try queue.writeWithoutTransaction { db in try db.execute(sql: privateFilling) }
      try fill(queue)
      // In WAL mode from its first moment: sessions that open a new workspace at once would
      // otherwise race to switch it, and the losers were told "locked".
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
      }
      try queue.close()
    }
    try place(temporary, at: path)
  }

  /// How a private file (a new workspace, a backup, a copy) is filled: it is renamed into
  /// place or thrown away, never written by sessions meanwhile, so it needs no journal or
  /// syncing while it fills, and a large cache, which makes a large one much faster to make.
  static let privateFilling = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072"

  /// Puts the private file `temporary`, filled unsynced, at `path`: synced first, and never
  /// beside an older file's `-wal` and `-shm` (which SQLite would replay onto its pages).
  static func place(_ temporary: String, at path: String) throws {
    if let file = FileHandle(forWritingAtPath: temporary) {
      try? file.synchronize()
      try? file.close()
    }
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    guard rename(temporary, path) == 0 else {
      throw WorkspaceError.unwritable(path: path, detail: String(cString: strerror(errno)))
    }
  }

  /// About 3 seconds of 1 ms naps (each try also costs SQLite a lock attempt).
  static let busyTries = 2_500

  /// The connection settings every workspace uses.
  static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Wait for another session's write rather than fail at once; past 3 s, "locked". Trying
    // every millisecond rather than with SQLite's own timeout, which backs off to 100 ms
    // naps: a script committing in groups frees the lock only for moments between them.
    configuration.busyMode = .callback { tries in
      guard tries < Self.busyTries else { return false }
      usleep(1_000)
      return true
    }
    configuration.label = "baton.workspace"
    return configuration
  }

  /// Checks the file, turns on WAL and brings an older schema up to date.
  private static func prepare(_ queue: DatabaseQueue, path: String) throws {
    let (superseded, complete) = try queue.read { db in
      try db.execute(sql: "SELECT count(*) FROM sqlite_master")  // fails on a non-database file
      // The usual case, an up-to-date workspace, read directly: GRDB's migrator reads the
      // same table into a set of a type nothing else at start uses, whose first use costs the
      // runtime more than this whole check.
      if try Migrations.applied(db) == Migrations.identifiers { return (false, true) }
      return (
        try Migrations.migrator.hasBeenSuperseded(db),
        try Migrations.migrator.hasCompletedMigrations(db)
      )
    }
    if superseded { throw WorkspaceError.newerSchema(path: path) }
    try queue.writeWithoutTransaction { db in
      // WAL lets a reader go on while another session writes.
      if try String.fetchOne(db.cachedStatement(sql: "PRAGMA journal_mode")) != "wal" {
        try db.execute(sql: "PRAGMA journal_mode = WAL")
      }
    }
    if !complete { try Migrations.migrator.migrate(queue) }
  }

  private static func fill(_ db: Database, with content: Content) throws {
    switch content {
    case .empty:
      // The starter operating model and one administrator, so a team's export imports into
      // it and the administrator can fill in the rest.
      try DemoSeeder(today: Day(Date())).seedStarter(db)
    case .demo(let today, let extraDeals):
      try DemoSeeder(today: today, extraDeals: extraDeals).seed(db)
    case .model(let model, let today):
      let problems = model.normalized().problems()
      guard problems.isEmpty else { throw ChangeConflict(problems.map(\.description).joined(separator: "; ")) }
      let store = Executor(db)
      try store.execute("INSERT INTO setting(key, value) VALUES ('created', ?)", [today.iso])
      try ModelWriter.write(store, from: ModelReader.read(store), to: model.normalized())
    }
  }

  /// Runs `body` and turns SQLite's errors into the `WorkspaceError` a user can act on.
  static func mapErrors<T>(path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw WorkspaceError(error, path: path)
    }
  }
}

extension WorkspaceError {
  init(_ error: DatabaseError, path: String) {
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      self = .locked(path: path)
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      self = .corrupt(path: path, detail: error.message ?? "not a database")
    case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL:
      self = .unwritable(path: path, detail: error.message ?? "\(error.resultCode)")
    default:
      self = .corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
    }
  }
}
