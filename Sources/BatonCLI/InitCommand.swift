import ArgumentParser
import BatonModel
import Foundation
import WorkspaceStore

/// `baton init [PATH] [--demo | --empty | --from FILE] [--force]`: makes a workspace.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Make a workspace, with the demo company or empty.")

  @Argument(help: ArgumentHelp("Where to make it (default: the default workspace).", valueName: "PATH"))
  var path: String?

  @Flag(exclusivity: .exclusive, help: "What to fill it with.")
  var content: InitContent = .demo

  @Option(
    help: ArgumentHelp(
      "Start from an operating-model file (as `baton model export` writes it), with no deals.", valueName: "FILE"))
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
      if let from {
        let model = try ModelFileInput.read(from)
        do {
          try Workspace.create(at: target, content: .model(model, today: today), force: force)
        } catch let conflict as ChangeConflict {
          throw Failure(exit: .badInput, message: "\(from): \(conflict.description)")
        }
        print("Made a workspace at \(target) from the operating model in \(from).")
        return
      }
      let filling: Workspace.Content = content == .empty ? .empty : .demo(today: today, extraDeals: deals)
      try Workspace.create(at: target, content: filling, force: force)
      print("Made \(content == .empty ? "an empty" : "a demo") workspace at \(target).")
    }
  }
}

enum InitContent: String, EnumerableFlag {
  case demo, empty
}
