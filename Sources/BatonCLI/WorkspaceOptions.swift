import ArgumentParser

/// `--workspace` and `--as`, shared by `baton` and the subcommands that act on a workspace.
/// One group in each, so the option parses the same wherever it is written on the line.
struct WorkspaceOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The workspace file, or a shared workspace's postgres:// URL.", valueName: "PATH"))
  var workspace: String?

  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      "Who acts: a handle or a unique first name (on a shared workspace: your login).", valueName: "HANDLE"))
  var actor: String?
}

/// `--intents`, shared as `WorkspaceOptions` is: an option of `baton` is also read after a
/// subcommand's name, and reaches the subcommand only through a group of the same name.
struct IntentsOption: ParsableArguments {
  @Option(help: ArgumentHelp("An extra folder of intent files.", valueName: "DIR"))
  var intents: String?
}

/// `--yes`, shared for the same reason.
struct ConfirmingOptions: ParsableArguments {
  @Flag(help: "Confirm side effects without asking (a script; `baton mcp`: no confirm step).")
  var yes = false
}

extension WorkspaceOptions {
  /// The factory a subcommand opens its workspace and finds its actor with (no intents: a
  /// subcommand holds no conversation).
  func factory(_ environment: BatonEnvironment) -> SessionFactory {
    SessionFactory(environment: environment, workspacePath: workspace, intentsFlag: nil, actorFlag: actor)
  }
}
