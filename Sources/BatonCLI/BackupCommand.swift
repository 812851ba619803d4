import ArgumentParser
import BatonModel
import Foundation
import WorkspaceStore

/// `baton backup FILE`: a consistent copy of the workspace, taken while others may write.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup", abstract: "Copy the workspace to FILE, consistent while others write.")

  @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "FILE"))
  var file: String

  @Flag(help: "Replace FILE if it exists.")
  var force = false

  @OptionGroup var target: WorkspaceOptions

  func run() throws {
    let environment = BatonEnvironment()
    let factory = target.factory(environment)
    try Failure.reporting {
      let store = try factory.openWorkspace(today: nil)
      defer { store.close() }
      try store.backup(to: file, force: force)
      print("Backed up \(store.path) to \(file).")
    }
  }
}

/// `baton restore FILE`: the workspace's contents replaced by a backup's, for an admin.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore", abstract: "Replace the workspace's contents with the backup in FILE (admin).")

  @Argument(help: ArgumentHelp("The backup to restore.", valueName: "FILE"))
  var file: String

  @OptionGroup var target: WorkspaceOptions

  func run() throws {
    let environment = BatonEnvironment()
    let factory = target.factory(environment)
    try Failure.reporting {
      let store = try factory.openWorkspace(today: nil)
      defer { store.close() }
      let actor = try factory.resolveActor(store)
      let context = try AuditContext.command(environment, actor: actor, action: "restore")
      guard actor.role >= .admin else {
        let reason = "restoring a backup needs the admin role; \(actor.name) is \(actor.role.withArticle)"
        try store.recordRefusal(context, reason: reason)
        throw Failure(exit: .lineFailed, message: reason)
      }
      let regained: [String]
      do {
        regained = try store.restore(from: file)
        // The log is now the backup's; the restore itself is its newest row, so the restored
        // workspace says when, by whom and from what it was replaced.
        try store.recordRestore(context, from: file)
      } catch let conflict as ChangeConflict {
        try store.recordRefusal(context, reason: conflict.description)
        throw Failure(exit: .lineFailed, message: "not restored: \(conflict.description)")
      }
      print("Restored \(store.path) from \(file).")
      if !regained.isEmpty {
        // A login unmapped since the backup was taken acts again: said, so it is not missed.
        print(
          "The backup maps logins the workspace did not: \(regained.joined(separator: ", ")). "
            + "Remove one that should not act with baton login remove LOGIN.")
      }
    }
  }
}
