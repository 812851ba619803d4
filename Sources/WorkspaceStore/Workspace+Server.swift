import BatonModel
import Foundation

extension Workspace {
  /// Opens the shared workspace in the database at `location`.
  ///
  /// - Throws: `WorkspaceError.server` when the server cannot be reached or refuses the
  ///   login, `.notAWorkspace` when the database holds no workspace, and `.newerSchema` or
  ///   `.olderSchema` when its schema is not this baton's.
  public static func open(server location: PostgresLocation) throws -> Workspace {
    let session = try PostgresSession.connect(location)
    do {
      let store = Executor(session)
      guard try store.hasTable("grdb_migrations"), try store.hasTable("names_token") else {
        throw WorkspaceError.notAWorkspace(location: location.description)
      }
      let applied: [String] = try store.values("SELECT identifier FROM grdb_migrations ORDER BY rowid")
      guard applied.allSatisfy(Migrations.identifiers.contains) else {
        throw WorkspaceError.newerSchema(path: location.description)
      }
      guard applied == Migrations.identifiers else {
        throw WorkspaceError.olderSchema(location: location.description)
      }
      return Workspace(server: session)
    } catch {
      session.close()
      throw error
    }
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
      try db.firstRow(
        "SELECT p.id, p.handle, p.name, p.role FROM login l JOIN person p ON p.id = l.person_id WHERE l.name = current_user"
      ) { row -> Actor? in
        guard let role = Role(rawValue: try row[3]) else { return nil }
        return Actor(personID: try row[0], handle: try row[1], name: try row[2], role: role)
      } ?? nil
    }
  }
}
