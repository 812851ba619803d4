import ArgumentParser
import Assistant
import Foundation
import IntentMatching

/// `baton intents check [DIR]`: loads and lints intent files, pointing at file and line.
struct IntentsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "intents", abstract: "Work with intent files.", subcommands: [Check.self])

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
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
      }
    }
  }
}
