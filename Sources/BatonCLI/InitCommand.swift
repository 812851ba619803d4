import ArgumentParser
import BatonModel
import Foundation
import WorkspaceStore

/// `baton init [PATH] [--demo | --empty | --from FILE] [--force]`: makes a workspace.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Make a workspace, with the demo company or empty.")

  @Argument(
    help: ArgumentHelp(
      "Where to make it: a file, or a PostgreSQL database as postgres://[user@]host[:port]/database (default: the default workspace).",
      valueName: "PATH"))
  var path: String?

  @Flag(exclusivity: .exclusive, help: "What to fill it with.")
  var content: InitContent = .demo

  @Option(
    help: ArgumentHelp(
      "Start from an operating-model file (as `baton model export` writes it), with no deals; or copy a workspace file (a file workspace moving to a server, or a backup).",
      valueName: "FILE"))
  var from: String?

  @Flag(help: "Replace an existing workspace.")
  var force = false

  @Option(help: ArgumentHelp("Generate this many extra demo deals (for benchmarks).", valueName: "N"))
  var deals: Int = 0

  func validate() throws {
    guard deals >= 0 else { throw ValidationError("--deals takes a count of 0 or more") }
  }

  func run() throws {
    let environment = BatonEnvironment()
    let target = environment.workspacePath(path)
    try Failure.reporting {
      let today = try environment.today()
      // A database on a PostgreSQL server, shared by a team, or a file.
      let server =
        PostgresLocation.isURL(target)
        ? try environment.postgresLocation(target, fromFlag: path != nil)
        : nil
      let place = server.map { "on \($0)" } ?? "at \(target)"
      let make = { (filling: Workspace.Content) in
        if let server {
          try Workspace.create(on: server, content: filling, force: force)
        } else {
          try Workspace.create(at: target, content: filling, force: force)
        }
      }
      if let from, from != "-", WorkspacePath.isDatabase(from) {
        do {
          if let server {
            try Workspace.create(on: server, copying: from, force: force)
          } else {
            try Workspace.create(at: target, copying: from, force: force)
          }
        } catch let conflict as ChangeConflict {
          // A login the file maps that the server lacks: nothing was made.
          throw Failure(exit: .badInput, message: "\(from): \(conflict.description)")
        }
        print("Made a workspace \(place) from the workspace file \(from).")
        return
      }
      if let from {
        let model = try ModelFileInput.read(from)
        do {
          try make(.model(model, today: today))
        } catch let conflict as ChangeConflict {
          throw Failure(exit: .badInput, message: "\(from): \(conflict.description)")
        }
        print("Made a workspace \(place) from the operating model in \(from).")
        return
      }
      try make(content == .empty ? .empty : .demo(today: today, extraDeals: deals))
      print("Made \(content == .empty ? "an empty" : "a demo") workspace \(place).")
    }
  }
}

enum InitContent: String, EnumerableFlag {
  case demo, empty
}
