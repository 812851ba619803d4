import Assistant
import BatonModel
import Foundation
import IntentMatching
import Synchronization
import WorkspaceStore

/// Builds a session from flags and the environment: intents, workspace, actor, clock. Each
/// failure carries the exit status it deserves (a `WorkspaceError` is 74, by
/// `Failure.reporting`).
struct SessionFactory {
  var environment: BatonEnvironment
  var workspacePath: String?
  var intentsFlag: String?
  var actorFlag: String?
  /// Whether the workspace commits changes in groups, for a script (`Workspace.open`).
  var groupsCommits = false

  func make() throws -> (session: Session, names: [NamedEntity], workspace: Workspace) {
    let today = try environment.today()
    let (sources, unread) = IntentLoader.sources(directories: try environment.intentDirectories(intentsFlag))
    if !unread.isEmpty {
      throw Failure(exit: .badInput, message: unread.map(\.description).joined(separator: "\n"))
    }
    let workspace = try openWorkspace(today: today)
    let actor = try resolveActor(workspace)
    let matcher = try engine(sources: sources, workspace: workspace)
    let fixedClock = !(environment.variables["BATON_TODAY"] ?? "").isEmpty
    let clock = AuditClock()
    let session = Session(
      // Today as the clock says, so a session left open (an MCP server runs for days) moves
      // on with it; fixed under BATON_TODAY.
      workspace: workspace, matcher: matcher, actor: actor, today: fixedClock ? { today } : { Day(Date()) },
      now: fixedClock ? nil : { clock.now() })
    return (session, matcher.names, workspace)
  }

  /// The engine for these intent files and the workspace's names: the one saved last time
  /// when they are the same, else built (and checked) afresh and saved for next time.
  ///
  /// The names token is read before the names: should a name change in between, the engine
  /// is saved under the older token, and the next start reads the names again.
  private func engine(sources: [IntentSource], workspace: Workspace) throws -> IntentMatcher {
    let cache = environment.cacheDirectory().map(EngineCache.init)
    // Read once, tried under either key.
    let bytes = cache?.saved(forWorkspace: workspace.path)
    let build = EngineCache.buildIdentity()
    let namesKey = try workspace.namesToken().map {
      IntentMatcher.snapshotKey(sources: sources, namesToken: $0, build: build)
    }
    if let bytes, let namesKey, let saved = try? IntentMatcher(snapshot: bytes, namesKey: namesKey),
      Session.unmatchedActions(in: saved.catalog).0.isEmpty
    {
      return saved
    }
    let names = try workspace.vocabulary()
    let key = IntentMatcher.snapshotKey(sources: sources, names: names, build: build)
    if let bytes, let saved = try? IntentMatcher(snapshot: bytes, key: key, names: names),
      Session.unmatchedActions(in: saved.catalog).0.isEmpty
    {
      // The same names under a new token (a name changed and changed back, an import that
      // rewrote names as they were): saved again under it, so the next start reads none.
      if let namesKey { cache?.save(saved, key: key, namesKey: namesKey, workspace: workspace.path) }
      return saved
    }
    let (catalog, diagnostics) = IntentLoader.load(sources: sources)
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw Failure(exit: .badInput, message: diagnostics.map(\.description).joined(separator: "\n"))
    }
    let (unhandled, _) = Session.unmatchedActions(in: catalog)
    if let intent = unhandled.first {
      throw Failure(
        exit: .badInput,
        message:
          "\(intent.file):\(intent.line):1: error: intent '\(intent.name)' names the action '\(intent.action)', which baton has no handler for"
      )
    }
    if let intent = Session.misdeclared(in: catalog).first {
      throw Failure(exit: .badInput, message: IntentsCommand.misdeclaration(intent).description)
    }
    let matcher = IntentMatcher(catalog: catalog, names: names)
    // With no token, a names key no start will compute (a hash is never this by chance).
    cache?.save(matcher, key: key, namesKey: namesKey ?? 0, workspace: workspace.path)
    return matcher
  }

  /// The workspace the flags and environment name, made with the demo company when missing
  /// (unless `today` is nil: then a missing workspace is an error).
  func openWorkspace(today: Day?) throws -> Workspace {
    let named = environment.workspacePath(workspacePath)
    // A database on a server a team shares; a password only from the environment.
    if PostgresLocation.isURL(named) {
      let location = try environment.postgresLocation(named, fromFlag: !(workspacePath ?? "").isEmpty)
      return try Workspace.open(server: location, groupsReads: groupsCommits)
    }
    // A URL is refused and a symbolic link followed before anything else is said of it.
    let path: String
    do { path = try WorkspacePath.resolve(named) } catch {
      throw Failure(exit: .workspaceUnusable, message: "\(error)")
    }
    let existed = FileManager.default.fileExists(atPath: path)
    if !existed && today == nil {
      throw Failure(
        exit: .workspaceUnusable, message: "no workspace at \(path); make one first with baton init \(path) --empty")
    }
    // Only the default workspace is made on first use: a path someone named (and may have
    // mistyped) that is not there is an error, never a new demo company.
    let chosen = !(workspacePath ?? "").isEmpty || !(environment.variables["BATON_WORKSPACE"] ?? "").isEmpty
    if !existed && chosen {
      throw Failure(
        exit: .workspaceUnusable,
        message: "no workspace at \(path); make one with baton init \(path) (add --empty for one without the demo)")
    }
    let workspace = try Workspace.open(path: path, createIfMissing: today, groupsCommits: groupsCommits)
    if !existed {
      FileHandle.standardError.write(Data("baton: created a demo workspace at \(path)\n".utf8))
    }
    return workspace
  }

  /// `--as`, then `BATON_USER`, then the workspace's default user; on a shared workspace,
  /// the person the login is mapped to, and no one else.
  func resolveActor(_ workspace: Workspace) throws -> Actor {
    let requested = actorFlag ?? environment.variables["BATON_USER"].flatMap { $0.isEmpty ? nil : $0 }
    if let login = try workspace.login() {
      if let requested {
        throw Failure(
          exit: .usage,
          message:
            "on a shared workspace you act as your PostgreSQL login (\(login)); --as and BATON_USER (\(requested)) are refused"
        )
      }
      guard let actor = try workspace.actorOfLogin() else {
        throw Failure(
          exit: .usage,
          message: "the login \(login) is no one in \(workspace.path); an admin maps it to a person with `baton login`")
      }
      return actor
    }
    let name = try requested ?? workspace.setting("default_user")
    guard let name else {
      throw Failure(exit: .usage, message: "the workspace has no default user; name one with --as HANDLE")
    }
    guard let actor = try workspace.actor(named: name) else {
      throw Failure(
        exit: .usage, message: "no one in the workspace is called '\(name)' (use a handle or a unique first name)")
    }
    return actor
  }
}

/// The time an audit row records. One formatter for the session, made when the first change
/// needs it: making one costs more than the rest of a turn, and most runs change nothing.
final class AuditClock: Sendable {
  private let formatter = Mutex<ISO8601DateFormatter?>(nil)

  func now() -> String {
    formatter.withLock { formatter in
      let made = formatter ?? ISO8601DateFormatter()
      formatter = made
      return made.string(from: Date())
    }
  }
}
