import BatonModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension Workspace {
  /// Opens the shared workspace in the database at `location`.
  ///
  /// - Throws: `WorkspaceError.server` when the server cannot be reached or refuses the
  ///   login, `.notAWorkspace` when the database holds no workspace, and `.newerSchema` or
  ///   `.olderSchema` when its schema is not this baton's.
  public static func open(server location: PostgresLocation, groupsReads: Bool = false) throws -> Workspace {
    let session = try PostgresSession.connect(location)
    do {
      let store = Executor(session)
      // From the catalogue, which a login without privileges on the tables still reads.
      let made = try store.row(
        """
        SELECT to_regclass('grdb_migrations') IS NOT NULL AND to_regclass('names_token') IS NOT NULL,
               to_regprocedure('baton_changed()') IS NOT NULL
        """)
      guard let made, try made[0] as Bool? == true else {
        throw WorkspaceError.notAWorkspace(location: location.description)
      }
      // A workspace whose tables announce their changes: reads may keep their answers.
      if try made[1] as Bool? == true { session.keepAnswers() }
      // A login granted nothing reads nothing, its schema version either: it is told it is
      // no one (`actorOfLogin`).
      if try store.value("SELECT has_table_privilege('grdb_migrations', 'SELECT')") as Bool? == true {
        let applied: [String] = try store.values("SELECT identifier FROM grdb_migrations ORDER BY rowid")
        guard applied.allSatisfy(Migrations.identifiers.contains) else {
          throw WorkspaceError.newerSchema(path: location.description)
        }
        // An older workspace is brought up to date by its owner, as a file is by whoever
        // opens it; anyone else opens one whose tables are current (baton's own checks
        // stand while its server parts wait for the owner) and is refused an older schema.
        if try applied != Migrations.identifiers || serverRevision(store) < serverRevision {
          if try ownsSchema(store) {
            try mapErrors(path: location.description) { try upgrade(session, database: location.database) }
            session.keepAnswers()
          } else if applied != Migrations.identifiers {
            throw WorkspaceError.olderSchema(location: location.description)
          }
        }
      }
      if groupsReads { session.holdReads() }
      return Workspace(server: session)
    } catch {
      session.close()
      throw error
    }
  }

  /// How long a change that keeps meeting others' is tried again, in milliseconds: as long
  /// as a file's writer waits for the lock.
  static let serverRetryBudget = 3_000

  /// Runs one change on the server, serializable: two changes that read and write the same
  /// records never both pass their checks on what the other was changing. The one that
  /// meets the other's is run again, reading what the other saved, so its checks say what
  /// moved under it ("deal 42 was moved to Negotiation by someone else just now"). Sessions
  /// writing at once retry after a random pause that grows with each try (up to 64 ms), so
  /// they fall out of step; past the budget the workspace is reported locked.
  func serverChange<T>(_ session: PostgresSession, keep: Bool = true, _ body: (Executor) throws -> T) throws -> T {
    var attempt = 0
    var waited = 0
    while true {
      do {
        return try session.transaction(begin: "BEGIN ISOLATION LEVEL SERIALIZABLE", keep: keep) {
          try body(Executor(session))
        }
      } catch is PostgresSession.Contended {
        guard waited < Self.serverRetryBudget else { throw WorkspaceError.locked(path: path) }
        attempt += 1
        let pause = Int.random(in: 1...(1 << min(attempt, 6)))
        usleep(UInt32(pause * 1_000))
        waited += pause
      }
    }
  }

  /// Whether another session announced a change to the names since this was last asked
  /// (a server's `NOTIFY`, heard between statements); always false for a file, whose
  /// session rereads names after its own changes only.
  public func takeNamesNotice() -> Bool {
    guard case .server(let session) = store else { return false }
    return session.namesNotices.take() > 0
  }

  /// The login this session connected as: on a shared workspace, who is acting.
  public func login() throws -> String? {
    guard isShared else { return nil }
    return try read { db in try db.value("SELECT current_user") }
  }

  /// The person the session's login is mapped to, as an actor; nil for a login mapped to no
  /// one (who may then do nothing) and on a workspace file.
  public func actorOfLogin() throws -> Actor? {
    guard isShared else { return nil }
    return try read { db in
      guard try db.value("SELECT has_table_privilege('login', 'SELECT')") as Bool? == true else { return nil }
      return try db.firstRow(
        "SELECT p.id, p.handle, p.name, p.role FROM login l JOIN person p ON p.id = l.person_id WHERE l.name = current_user"
      ) { row -> Actor? in
        guard let role = Role(rawValue: try row[3]) else { return nil }
        return Actor(personID: try row[0], handle: try row[1], name: try row[2], role: role)
      } ?? nil
    }
  }
}

extension Workspace {
  /// The logins mapped to people on a shared workspace, by login, with the person's handle.
  public func logins() throws -> [(login: String, handle: String)] {
    try read { db in
      try db.rows("SELECT l.name, p.handle FROM login l JOIN person p ON p.id = l.person_id ORDER BY l.name") {
        (login: try $0[0], handle: try $0[1])
      }
    }
  }

  /// Maps `login` to `person` (in place of any earlier mapping) and makes the login a member
  /// of the person's role's group alone (`PostgresRoles`), as one audited change.
  ///
  /// - Throws: `WorkspaceError.fileOnly` on a workspace file, whose user says who they are.
  @discardableResult
  public func mapLogin(_ login: String, to person: Actor, _ context: AuditContext) throws -> Int64 {
    guard isShared else { throw WorkspaceError.sharedOnly(path: path, what: "mapping a login") }
    // Checked before the change, so a login the server lacks is refused with nothing begun.
    try Logins.requireOnServer(login, Executor(try session(for: "mapping a login")))
    return try change(context, note: "\(login) is \(person.handle)") { recorder in
      try Logins.map(login, to: person.handle, role: person.role, recorder.db)
    }.auditID
  }

  /// Takes `login`'s mapping away, as one audited change; false when it had none.
  public func unmapLogin(_ login: String, _ context: AuditContext) throws -> Bool {
    guard isShared else { throw WorkspaceError.sharedOnly(path: path, what: "mapping a login") }
    let known = try logins().contains { $0.login == login }
    guard known else { return false }
    _ = try change(context, note: "\(login) is no one") { recorder in try Logins.unmap(login, recorder.db) }
    return true
  }

  /// The server's session, for what only a shared workspace does.
  private func session(for what: String) throws -> PostgresSession {
    guard case .server(let session) = store else { throw WorkspaceError.sharedOnly(path: path, what: what) }
    return session
  }

}
