import ArgumentParser
import Assistant
import BatonModel
import Foundation
import IntentMatching
import LineEditing
import WorkspaceStore

/// `baton`: opens the conversation at a terminal, or runs a script or `-c` lines.
public struct BatonCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "baton",
    abstract: "A conversational command assistant for revenue operations.",
    discussion: """
      With no -c or -f and a terminal on both ends, baton opens an interactive conversation. \
      Otherwise it reads one line at a time (blank lines and # comments skipped), prints one \
      reply per line and no prompt, and commits the lines' changes in groups: a reply is \
      printed once its change is saved.

      ENVIRONMENT:
        BATON_WORKSPACE  the workspace file or postgres:// URL (as --workspace)
        BATON_INTENTS    an extra intents folder (as --intents)
        BATON_USER       who acts (as --as)
        BATON_HISTORY    the history file (default $XDG_STATE_HOME/baton/history)
        BATON_TODAY      a fixed date (YYYY-MM-DD) for reproducible transcripts; the
                         audit log then records 09:00 UTC of that day
        NO_COLOR         no colour, even on a terminal

      \(BatonExit.helpText)
      """,
    version: version,
    subcommands: [
      InitCommand.self, ImportCommand.self, IntentsCommand.self, ModelCommand.self, BackupCommand.self,
      RestoreCommand.self, MCPCommand.self, LoginCommand.self,
    ]
  )

  /// baton's version: `baton --version`, and what `baton mcp` tells its clients.
  static let version = "0.14.0"

  @Option(
    name: .customShort("c"),
    help: ArgumentHelp("Answer this line and exit; repeat for more, run in order.", valueName: "TEXT"))
  var commands: [String] = []

  @Option(
    name: .customShort("f"), help: ArgumentHelp("Run the lines of FILE (- for standard input).", valueName: "FILE"))
  var file: String?

  @Flag(help: "Print one JSON object per input line.")
  var json = false

  @Flag(help: "Print each input line before its reply.")
  var echo = false

  @Flag(help: "Stop at the first line that fails.")
  var strict = false

  @Flag(help: "Show how each line was read (candidates, scores, entities).")
  var explain = false

  @OptionGroup var confirming: ConfirmingOptions

  @OptionGroup var target: WorkspaceOptions

  @OptionGroup var extra: IntentsOption

  public init() {}

  public func run() throws { try Self.run(runOptions) }

  /// The flags ArgumentParser read, as plain values.
  var runOptions: RunOptions {
    var options = RunOptions()
    options.commands = commands
    options.file = file
    options.json = json
    options.echo = echo
    options.strict = strict
    options.explain = explain
    options.yes = confirming.yes
    options.workspace = target.workspace
    options.actor = target.actor
    options.intents = extra.intents
    return options
  }

  /// Runs the conversation, a script or `-c` lines as `flags` say.
  public static func run(_ flags: RunOptions) throws {
    let environment = BatonEnvironment()
    try Failure.reporting {
      var options = ConversationLoop.Options()
      options.json = flags.json
      options.echo = flags.echo
      options.strict = flags.strict
      options.explain = flags.explain
      let interactive = flags.commands.isEmpty && flags.file == nil && Terminal.isInteractive
      options.interactive = interactive
      options.colour =
        !flags.json && Terminal.usesColour(environment: environment.variables, isTerminal: Terminal.stdoutIsTerminal)
      options.width = Terminal.columns()

      var scriptLines: [String]? = nil
      if !flags.commands.isEmpty {
        scriptLines = flags.commands
        options.source = "-c"
      } else if let file = flags.file, file != "-" {
        // The file becomes standard input and is read a line at a time, so a long script
        // (a 100,000-line soak) runs in constant memory.
        var isFolder: ObjCBool = false
        let descriptor =
          FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
          ? open(file, O_RDONLY) : -1
        guard descriptor >= 0, dup2(descriptor, STDIN_FILENO) >= 0 else {
          throw Failure(exit: .usage, message: "cannot read the script file \(file)")
        }
        close(descriptor)
        options.source = file
      }

      // A script's changes are committed in groups (see ConversationLoop.run); a person's
      // one by one, as each is confirmed.
      let factory = SessionFactory(
        environment: environment, workspacePath: flags.workspace, intentsFlag: flags.intents, actorFlag: flags.actor,
        groupsCommits: !interactive)
      let (session, names, workspace) = try factory.make()
      // Closed at the end, whichever way the run ends: the main file then holds every change.
      defer { workspace.close() }
      // Never released: the process ends after the conversation, and freeing the engine's
      // many small arrays one by one would only delay the exit.
      _ = Unmanaged.passRetained(session)
      // A terminal asks before a side effect; a script needs --yes, or is refused.
      session.confirmations = flags.yes ? .assumeYes : (interactive ? .ask : .refuse)
      session.answersCarryData = options.json
      let loop = ConversationLoop(options: options)
      let output = StandardOutput()
      let succeeded: Bool
      if let scriptLines {
        var reader = ScriptedLineReader(lines: scriptLines)
        succeeded = try loop.run(reader: &reader, session: session, output: output)
      } else if interactive {
        let vocabulary = CompletionVocabulary(catalog: session.matcher.catalog, names: names)
        let history = HistoryStore(url: HistoryStore.defaultURL(environment: environment.variables))
        let completer = { (before: String) in vocabulary.candidates(before: before, awaiting: session.awaiting) }
        guard var reader = EditLineReader(historyStore: history, completer: completer) else {
          throw Failure(exit: .internalError, message: "libedit could not start on this terminal")
        }
        output.write("baton: ask about owners, stages, metrics and deals. Type help, or quit to leave.")
        succeeded = try loop.run(reader: &reader, session: session, output: output)
        return  // at a terminal, a failed line is not a failed session
      } else {
        var reader = PlainLineReader()
        succeeded = try loop.run(reader: &reader, session: session, output: output)
      }
      if !succeeded { throw BatonExit.lineFailed.exitCode }
    }
  }
}
