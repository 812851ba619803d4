import ArgumentParser
import BatonModel
import Foundation
import IntentMatching
import ModelFile
import Rendering
import WorkspaceStore

/// `baton model export|apply|undo`: the operating model as a file a team keeps in version
/// control, and changes to it applied as one audited, reversible change.
struct ModelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "model", abstract: "Export the operating model as a file, or apply one.",
    subcommands: [ModelExportCommand.self, ModelApplyCommand.self, ModelUndoCommand.self])

  /// Who may change the operating model.
  static let requiredRole = Role.revops

  /// Refuses, and audits the refusal, when the model gives or takes away the revops or admin
  /// role and `actor` is not an admin: only an admin grants them.
  static func requireAdminForRoles(
    _ actor: Actor, _ store: Workspace, from old: OperatingModel, to new: OperatingModel, _ context: AuditContext
  ) throws {
    guard actor.role < .admin else { return }
    let before = Dictionary(old.people.map { ($0.handle, $0.role) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.people.map { ($0.handle, $0.role) }, uniquingKeysWith: { first, _ in first })
    let governing: Set<String> = ["revops", "admin"]
    // Over both sides: a person removed from the file loses their role too.
    let handles = old.people.map(\.handle) + new.people.map(\.handle).filter { before[$0] == nil }
    let changes = handles.compactMap { handle -> String? in
      let (was, now) = (before[handle], after[handle])
      guard was != now, governing.contains(was ?? "") || governing.contains(now ?? "") else { return nil }
      return "\(handle) \(was ?? "(new)") → \(now ?? "(removed)")"
    }
    guard !changes.isEmpty else { return }
    let reason =
      "only an admin gives or takes away the revops and admin roles; the file changes \(changes.joined(separator: ", ")), and \(actor.handle) is \(actor.role.withArticle)"
    try refuse(reason, store, context)
  }

  /// Refuses, and audits the refusal, when the model changes who a login acts as, or with
  /// what role, and `actor` is not an admin: as `baton login add`, it is an admin's.
  static func requireAdminForLogins(
    _ actor: Actor, _ store: Workspace, from old: OperatingModel, to new: OperatingModel, exactly: Bool = false,
    _ context: AuditContext
  ) throws {
    guard actor.role < .admin else { return }
    let changes = old.loginChanges(to: new, exactly: exactly)
    guard !changes.isEmpty else { return }
    let reason =
      "only an admin changes who a login acts as; the file changes \(changes.joined(separator: ", ")), and \(actor.handle) is \(actor.role.withArticle)"
    try refuse(reason, store, context)
  }

  /// Records the refusal in the audit log, then fails the command with `reason`.
  private static func refuse(_ reason: String, _ store: Workspace, _ context: AuditContext) throws -> Never {
    try store.recordRefusal(context, reason: reason)
    throw Failure(exit: .lineFailed, message: reason)
  }

  /// Refuses, and audits the refusal, when `actor` may not change the operating model.
  static func requireRole(_ actor: Actor, _ store: Workspace, _ context: AuditContext) throws {
    guard actor.role < requiredRole else { return }
    let reason =
      "changing the operating model needs the \(requiredRole.rawValue) role; \(actor.handle) is \(actor.role.withArticle)"
    try refuse(reason, store, context)
  }
}

/// `baton model export [FILE]`: the operating model as YAML, on stdout or into FILE.
struct ModelExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write the operating model as YAML to FILE, or to standard output.")

  @Argument(help: ArgumentHelp("Where to write it (default: standard output).", valueName: "FILE"))
  var file: String?

  @OptionGroup var target: WorkspaceOptions

  func run() throws {
    let factory = target.factory(BatonEnvironment())
    try Failure.reporting {
      let store = try factory.openWorkspace(today: nil)
      defer { store.close() }
      let text = try ModelFileWriter.text(store.operatingModel())
      guard let file else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
      }
      try ModelFileOutput.write(text, to: file)
      FileHandle.standardError.write(Data("Wrote the operating model of \(store.path) to \(file).\n".utf8))
    }
  }
}

/// `baton model apply FILE [--dry-run]`: the file's model over the workspace's.
struct ModelApplyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Check a model file, show what it changes, and apply it in one audited change (RevOps or admin).")

  @Argument(help: ArgumentHelp("The model file (as `baton model export` writes it).", valueName: "FILE"))
  var file: String

  @Flag(help: "Check the file and show what would change; write nothing.")
  var dryRun = false

  @OptionGroup var target: WorkspaceOptions

  func run() throws {
    let environment = BatonEnvironment()
    let factory = target.factory(environment)
    try Failure.reporting {
      let model = try ModelFileInput.read(file)
      let store = try factory.openWorkspace(today: nil)
      defer { store.close() }
      let actor = try factory.resolveActor(store)
      let context = try AuditContext.command(environment, actor: actor, action: "model.apply")
      if !dryRun {
        try ModelCommand.requireRole(actor, store, context)
        let current = try store.operatingModel()
        try ModelCommand.requireAdminForRoles(actor, store, from: current, to: model, context)
        try ModelCommand.requireAdminForLogins(actor, store, from: current, to: model, context)
      }
      let result: (diff: ModelDiff, auditID: Int64?)
      do {
        result = try store.applyModel(model, context, dryRun: dryRun)
      } catch let conflict as ChangeConflict {
        if !dryRun { try store.recordRefusal(context, reason: conflict.description) }
        throw Failure(exit: .lineFailed, message: "not applied: \(conflict.description)")
      }
      let changes = result.diff.entries
      guard !changes.isEmpty else {
        print("The workspace already has this operating model: nothing to change.")
        return
      }
      let count = "\(changes.count) change\(changes.count == 1 ? "" : "s")"
      print(TerminalSafe.escape(changes.map { "  \($0)" }.joined(separator: "\n")))
      if dryRun {
        print("\(count); the workspace can take them. Nothing was written (--dry-run).")
      } else {
        print("Applied \(count) to \(store.path) (audit \(result.auditID ?? 0)); `baton model undo` reverses them.")
      }
    }
  }
}

/// `baton model undo`: reverses the latest `model apply` that is not undone yet.
struct ModelUndoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo", abstract: "Reverse the latest model apply (RevOps or admin).")

  @OptionGroup var target: WorkspaceOptions

  func run() throws {
    let environment = BatonEnvironment()
    let factory = target.factory(environment)
    try Failure.reporting {
      let store = try factory.openWorkspace(today: nil)
      defer { store.close() }
      let actor = try factory.resolveActor(store)
      let context = try AuditContext.command(environment, actor: actor, action: "model.undo")
      try ModelCommand.requireRole(actor, store, context)
      guard let entry = try store.latestModelApply() else {
        throw Failure(exit: .lineFailed, message: "no model apply is left to undo")
      }
      if let before = try store.modelBefore(auditID: entry.id) {
        let current = try store.operatingModel()
        try ModelCommand.requireAdminForRoles(actor, store, from: current, to: before, context)
        try ModelCommand.requireAdminForLogins(actor, store, from: current, to: before, exactly: true, context)
      }
      do {
        try store.undo(auditID: entry.id, context)
      } catch let conflict as ChangeConflict {
        try store.recordRefusal(context, reason: conflict.description)
        throw Failure(exit: .lineFailed, message: "not undone: \(conflict.description)")
      }
      print("Undone: the model apply by \(entry.actor) at \(entry.at) (audit \(entry.id)).")
    }
  }
}
