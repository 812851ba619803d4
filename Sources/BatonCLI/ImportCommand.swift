import ArgumentParser
import BatonModel
import CRMImport
import Foundation
import Rendering
import WorkspaceStore

/// `baton import deals|accounts|people FILE.csv`: loads a CRM export in one transaction.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Load a CRM export (CSV) of deals, accounts or people into the workspace.",
    discussion: """
      Recognizes the columns of Salesforce and HubSpot exports and of a plain layout
      (opportunity_id, account, sales_agent, deal_stage, engage_date, close_date,
      close_value). Every row is checked first: with any row that cannot be taken, nothing
      is imported unless --skip-bad-rows is given. Re-importing a file updates the records
      it made (deals by CRM id, accounts by name, people by handle) rather than adding them
      again. Accounts and people that deal rows name are made when missing.

      Fields: deals: \(ImportKind.deals.fields.joined(separator: ", "))
              accounts: \(ImportKind.accounts.fields.joined(separator: ", "))
              people: \(ImportKind.people.fields.joined(separator: ", "))
      """)

  @Argument(help: ArgumentHelp("What the file holds: deals, accounts or people.", valueName: "KIND"))
  var kind: ImportKind

  @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE"))
  var file: String

  @Option(
    name: .customLong("map"),
    help: ArgumentHelp("Read COLUMN as FIELD (FIELD - leaves it out); repeat for more.", valueName: "COLUMN=FIELD"))
  var mappings: [String] = []

  @Option(
    name: .customLong("stage-map"),
    help: ArgumentHelp("Read the CRM's stage as a workspace stage; repeat for more.", valueName: "CRM_STAGE=STAGE"))
  var stageMappings: [String] = []

  @Flag(help: "Import the rows that can be taken and list the others.")
  var skipBadRows = false

  @Flag(help: "Check the file and say what would happen; write nothing.")
  var dryRun = false

  @OptionGroup var target: WorkspaceOptions

  func run() throws {
    let environment = BatonEnvironment()
    let factory = target.factory(environment)
    try Failure.reporting {
      do {
        let today = try environment.today()
        let store = try factory.openWorkspace(today: nil)
        defer { store.close() }
        let who = try factory.resolveActor(store)
        var options = ImportOptions()
        options.mappings = mappings
        options.stageMappings = stageMappings
        options.skipBadRows = skipBadRows
        options.dryRun = dryRun
        let context = try AuditContext.command(environment, actor: who, action: "import.\(kind.rawValue)")
        let bar = ProgressBar()
        let result = try Importer(workspace: store).run(
          kind, path: file, options: options, actor: who, context: context, today: today,
          progress: { phase, done, total in
            bar.update(label: phase == .reading ? "reading" : "writing", done: done, total: total)
            if done == total { bar.reset() }
          })
        bar.finish()
        // The file's own text (column and stage names) is shown escaped, never sent raw.
        print(TerminalSafe.escape(ImportSummary(result).text))
      } catch let error as ImportError {
        // The file's own text is in the message (stage names, lines): shown escaped.
        let exit: BatonExit
        switch error {
        case .refused: exit = .lineFailed
        case .badOption: exit = .usage
        default: exit = .badInput
        }
        throw Failure(exit: exit, message: TerminalSafe.escape("\(error)"))
      }
    }
  }
}

extension ImportKind: ExpressibleByArgument {}

/// The lines printed after an import.
struct ImportSummary {
  var text: String

  init(_ result: ImportResult) {
    let file = result.path.split(separator: "/").last.map(String.init) ?? result.path
    var lines = [
      "Read \(file)\(result.layout.map { " as a \($0)" } ?? ""): \(Self.count(result.rows, "row"))."
    ]
    if let tally = result.tally {
      var made: [String] = []
      if tally.accountsCreated > 0 { made.append(Self.count(tally.accountsCreated, "account")) }
      if tally.peopleCreated > 0 { made.append(Self.count(tally.peopleCreated, "person", "people")) }
      lines.append(
        "Imported \(result.kind.rawValue): \(Self.grouped(tally.created)) new, \(Self.grouped(tally.updated)) updated, \(Self.grouped(tally.unchanged)) unchanged"
          + (made.isEmpty ? "" : "; made \(made.joined(separator: " and "))") + " (audit \(tally.auditID)).")
    } else {
      lines.append("Dry run: the rows can be imported; nothing was written.")
    }
    if !result.unused.isEmpty { lines.append("Not used: \(result.unused.joined(separator: ", ")).") }
    if !result.skipped.isEmpty {
      lines.append("Skipped \(Self.count(result.skipped.count, "row")):")
      lines += RowProblem.grouped(result.skipped, path: file).map { "  " + $0 }
    }
    text = lines.joined(separator: "\n")
  }

  static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(grouped(number)) \(number == 1 ? singular : plural ?? singular + "s")"
  }

  /// 100000 → "100,000", whatever the locale.
  static func grouped(_ number: Int) -> String { RowProblem.thousands(number) }
}
