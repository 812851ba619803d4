import Assistant
import BatonModel
import Foundation
import IntentMatching
import WorkspaceStore

/// Shared set-up for tests: the repository's real intents, a demo workspace in memory, a
/// session at a fixed day.
public enum Fixtures {
  /// The fixed day every transcript runs on: a Monday in Q4, so "Friday" and "this quarter"
  /// are stable.
  public static let today = Day(year: 2026, month: 11, day: 23)

  /// The repository's top folder, found from this file's path.
  public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The top-level `intents/` folder.
  public static var intentsDirectory: URL { repositoryRoot.appendingPathComponent("intents") }

  /// The product catalogue, failing loudly on any loader error.
  public static func catalog() throws -> IntentCatalog {
    let (catalog, diagnostics) = IntentLoader.load(directories: [intentsDirectory])
    let errors = diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      throw FixtureError(errors.map(\.description).joined(separator: "\n"))
    }
    return catalog
  }

  /// A session on a fresh in-memory demo workspace, acting as `actor`.
  public static func session(actor handle: String = "priya", today: Day = Fixtures.today) throws
    -> Session
  {
    let workspace = try Workspace.inMemory(.demo(today: today))
    guard today == Fixtures.today, let matcher = try demoMatcher.get() else {
      return try session(on: workspace, actor: handle, today: today)
    }
    return try session(on: workspace, matcher: matcher, actor: handle, today: today)
  }

  /// A fresh in-memory demo workspace and a session on it acting as `actor` that confirms
  /// side effects, as a script run with `--yes` does.
  public static func confirmingSession(actor handle: String = "jordan") throws -> (Workspace, Session) {
    let workspace = try Workspace.inMemory(.demo(today: today))
    let session =
      try demoMatcher.get().map { try Fixtures.session(on: workspace, matcher: $0, actor: handle) }
      ?? Fixtures.session(on: workspace, actor: handle)
    session.confirmations = .assumeYes
    return (workspace, session)
  }

  /// The product catalogue's matcher over a demo workspace's names at `Fixtures.today`,
  /// trained once for every test that asks (a fresh demo has the same names each time).
  public static let demoMatcher = Result<IntentMatcher?, any Error> {
    IntentMatcher(catalog: try catalog(), names: try Workspace.inMemory(.demo(today: today)).vocabulary())
  }

  /// A fresh demo workspace in a file of its own in `folder`, for tests that check it with
  /// plain SQL.
  public static func demoFile(in folder: TemporaryFolder, today: Day = Fixtures.today) throws -> String {
    let path = folder.path("workspace.sqlite")
    try Workspace.create(at: path, content: .demo(today: today), force: false)
    return path
  }

  /// A session on `workspace`, acting as `actor`.
  public static func session(on workspace: Workspace, actor handle: String = "priya", today: Day = Fixtures.today)
    throws -> Session
  {
    let matcher = IntentMatcher(catalog: try catalog(), names: try workspace.vocabulary())
    return try session(on: workspace, matcher: matcher, actor: handle, today: today)
  }

  /// A session on `workspace` read by `matcher`, acting as `actor`.
  public static func session(
    on workspace: Workspace, matcher: IntentMatcher, actor handle: String = "priya", today: Day = Fixtures.today
  ) throws -> Session {
    guard let actor = try workspace.actor(named: handle) else {
      throw FixtureError("no person '\(handle)' in the demo workspace")
    }
    return Session(workspace: workspace, matcher: matcher, actor: actor, today: { today })
  }
}

/// A set-up step that could not be done.
public struct FixtureError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
