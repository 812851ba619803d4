import ArgumentParser
import BatonModel
import Foundation
import WorkspaceStore

/// `baton login [list | add LOGIN PERSON | remove LOGIN]`: on a shared workspace, which
/// PostgreSQL login is which person. Changing a mapping needs the admin role.
struct LoginCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "login", abstract: "Map PostgreSQL logins to people on a shared workspace.",
    subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the logins and the people they are.")

    @OptionGroup var target: WorkspaceOptions

    func run() throws {
      let environment = BatonEnvironment()
      try Failure.reporting {
        let store = try target.factory(environment).openWorkspace(today: nil)
        defer { store.close() }
        guard store.isShared else {
          throw WorkspaceError.sharedOnly(path: store.path, what: "a list of logins")
        }
        for (login, handle) in try store.logins() { print("\(login)\t\(handle)") }
      }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Map LOGIN to PERSON (admin).")

    @Argument(help: ArgumentHelp("The PostgreSQL login.", valueName: "LOGIN"))
    var login: String

    @Argument(help: ArgumentHelp("The person: a handle or a unique first name.", valueName: "PERSON"))
    var person: String

    @OptionGroup var target: WorkspaceOptions

    func run() throws {
      try LoginCommand.administering(target, action: "login.add") { store, context in
        guard let person = try store.actor(named: person) else {
          throw Failure(exit: .lineFailed, message: "no one in the workspace is called '\(person)'")
        }
        do {
          try store.mapLogin(login, to: person, context)
        } catch let conflict as ChangeConflict {
          try store.recordRefusal(context, reason: conflict.description)
          throw Failure(exit: .lineFailed, message: conflict.description)
        }
        print("The login \(login) is \(person.name) (\(person.handle), \(person.role.rawValue)).")
      }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Map LOGIN to no one (admin).")

    @Argument(help: ArgumentHelp("The PostgreSQL login.", valueName: "LOGIN"))
    var login: String

    @OptionGroup var target: WorkspaceOptions

    func run() throws {
      try LoginCommand.administering(target, action: "login.remove") { store, context in
        guard try store.unmapLogin(login, context) else {
          throw Failure(exit: .lineFailed, message: "the login \(login) is mapped to no one")
        }
        print("The login \(login) is no one now: it may read nothing.")
      }
    }
  }

  /// Opens the shared workspace as its login's person and runs `body` when that person is an
  /// admin; a refusal is audited.
  static func administering(
    _ target: WorkspaceOptions, action: String, _ body: (Workspace, AuditContext) throws -> Void
  ) throws {
    let environment = BatonEnvironment()
    let factory = target.factory(environment)
    try Failure.reporting {
      let store = try factory.openWorkspace(today: nil)
      defer { store.close() }
      guard store.isShared else { throw WorkspaceError.sharedOnly(path: store.path, what: "mapping a login") }
      let actor = try factory.resolveActor(store)
      let context = try AuditContext.command(environment, actor: actor, action: action)
      guard actor.role >= .admin else {
        let reason = "mapping logins needs the admin role; \(actor.name) is \(actor.role.withArticle)"
        try store.recordRefusal(context, reason: reason)
        throw Failure(exit: .lineFailed, message: reason)
      }
      try body(store, context)
    }
  }
}
