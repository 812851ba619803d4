import ArgumentParser
import BatonModel
import Foundation
import WorkspaceStore

/// `baton init [PATH] [--demo | --empty] [--force]`: makes a workspace.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Make a workspace, with the demo company or empty.")

  @Argument(help: ArgumentHelp("Where to make it (default: the default workspace).", valueName: "PATH"))
  var path: String?

  @Flag(exclusivity: .exclusive, help: "What to fill it with.")
  var content: InitContent = .demo

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
      let filling: Workspace.Content = content == .empty ? .empty : .demo(today: today, extraDeals: deals)
      try Workspace.create(at: target, content: filling, force: force)
      print("Made \(content == .empty ? "an empty" : "a demo") workspace at \(target).")
    }
  }
}

enum InitContent: String, EnumerableFlag {
  case demo, empty
}
