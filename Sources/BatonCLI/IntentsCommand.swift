import ArgumentParser
import Assistant
import Foundation
import IntentMatching

/// `baton intents check [DIR]`: loads and lints intent files, pointing at file and line.
struct IntentsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "intents", abstract: "Work with intent files.", subcommands: [Check.self, Bench.self, Eval.self])

  /// `baton intents eval FILE.tsv`: the whole turn on labelled lines, session by session.
  struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "eval",
      abstract: "Measure how baton reads labelled lines, session by session.",
      discussion: """
        FILE is tab-separated: session, line, intent (or not_understood), slots as \
        name=text;… (a header line starts with #). Each session's lines run in order in one \
        conversation on a fresh demo workspace, as jordan with side effects confirmed. Prints \
        intent and slot accuracy, out-of-scope lines executed, and every miss with what was \
        read. The built-in intents are used, with --intents DIR (or BATON_INTENTS) added.
        """)

    @Argument(help: ArgumentHelp("The labelled lines.", valueName: "FILE.tsv"))
    var file: String

    @OptionGroup var extra: IntentsOption

    func run() throws {
      let environment = BatonEnvironment()
      do {
        guard let data = FileManager.default.contents(atPath: file) else {
          throw Failure(exit: .usage, message: "cannot read \(file)")
        }
        let cases: [IntentEvaluation.Case]
        do {
          cases = try IntentEvaluation.cases(fromTSV: String(decoding: data, as: UTF8.self))
        } catch let error as IntentEvaluation.FormatError {
          throw Failure(exit: .badInput, message: "\(file):\(error.lineNumber): \(error.message)")
        }
        let (catalog, diagnostics) = IntentLoader.load(directories: try environment.intentDirectories(extra.intents))
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
          throw Failure(exit: .badInput, message: errors.map(\.description).joined(separator: "\n"))
        }
        let report = try IntentEvaluation(catalog: catalog, today: try environment.today()).run(cases)
        for line in report.lines { print(line) }
      } catch let failure as Failure {
        FileHandle.standardError.write(Data("baton: error: \(failure.message)\n".utf8))
        throw failure.exit.exitCode
      }
    }
  }

  /// `baton intents bench FILE`: the matcher on a public data set in the CLINC150 layout.
  struct Bench: ParsableCommand {
    // Named, not derived: deriving a name describes the type, which is costly at start-up.
    static let configuration = CommandConfiguration(
      commandName: "bench",
      abstract: "Measure the matcher on a data set in the CLINC150 layout.",
      discussion: """
        Builds the matcher from the training split, sets the refusal threshold on the
        validation split, and prints accuracy and speed for the test split (or for the
        validation split when the file has none). Build it in release mode to measure speed.
        """)

    @Argument(help: ArgumentHelp("A JSON file: train, val, test, oos_val, oos_test splits.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Train on the first N utterances of each intent only.", valueName: "N"))
    var perIntent: Int?

    func run() throws {
      guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("baton: error: cannot read \(file)\n".utf8))
        throw BatonExit.usage.exitCode
      }
      let dataset: IntentBenchmark.Dataset
      do {
        dataset = try JSONDecoder().decode(IntentBenchmark.Dataset.self, from: data)
      } catch {
        FileHandle.standardError.write(Data("baton: error: \(file) is not in the CLINC150 layout: \(error)\n".utf8))
        throw BatonExit.badInput.exitCode
      }
      for line in IntentBenchmark(dataset: dataset, perIntent: perIntent).run().lines { print(line) }
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate intent files; exit 65 on any error.")

    @Argument(help: ArgumentHelp("The folder to check (default: the built-in intents).", valueName: "DIR"))
    var directory: String?

    func run() throws {
      let environment = BatonEnvironment()
      let folder: URL
      if let directory {
        folder = URL(fileURLWithPath: directory)
      } else {
        do { folder = try environment.builtInIntents() } catch let failure as Failure {
          FileHandle.standardError.write(Data("baton: error: \(failure.message)\n".utf8))
          throw failure.exit.exitCode
        }
      }
      let (catalog, diagnostics) = IntentLoader.load(directories: [folder])
      let findings = diagnostics + IntentLinter.lint(catalog) + actionFindings(catalog)
      for finding in findings { FileHandle.standardError.write(Data((finding.description + "\n").utf8)) }
      let errors = findings.filter { $0.severity == .error }.count
      let warnings = findings.count - errors
      let examples = catalog.intents.reduce(0) { $0 + $1.examples.count }
      print("\(catalog.intents.count) intents, \(examples) examples: \(errors) errors, \(warnings) warnings.")
      if errors > 0 { throw BatonExit.badInput.exitCode }
    }

    private func actionFindings(_ catalog: IntentCatalog) -> [Diagnostic] {
      Session.unmatchedActions(in: catalog).unhandled.map { intent in
        Diagnostic(
          .error, file: intent.file, line: intent.line, column: 1,
          "intent '\(intent.name)' names the action '\(intent.action)', which baton has no handler for")
      } + Session.misdeclared(in: catalog).map(IntentsCommand.misdeclaration)
    }
  }

  /// An intent whose `side_effects` does not say what its action does.
  static func misdeclaration(_ intent: IntentDefinition) -> Diagnostic {
    Diagnostic(
      .error, file: intent.file, line: intent.line, column: 1,
      intent.sideEffects
        ? "intent '\(intent.name)' says side_effects: true, but its action '\(intent.action)' only answers"
        : "intent '\(intent.name)' runs '\(intent.action)', which changes the workspace: it needs side_effects: true")
  }
}
