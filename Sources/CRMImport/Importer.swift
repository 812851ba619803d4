import BatonModel
import Foundation
import WorkspaceStore

/// How an import reads its file.
public struct ImportOptions: Sendable {
  /// `COLUMN=FIELD` (FIELD `-` leaves the column out).
  public var mappings: [String] = []
  /// `CRM_STAGE=STAGE`.
  public var stageMappings: [String] = []
  /// Import the good rows when some cannot be taken.
  public var skipBadRows = false
  /// Read and check only; write nothing.
  public var dryRun = false

  public init() {}
}

/// What an import did, for the summary printed after it.
public struct ImportResult: Sendable {
  public var kind: ImportKind
  public var path: String
  /// The export layout the header matched ("Salesforce opportunity export"), if any.
  public var layout: String?
  /// Rows read (blank lines aside).
  public var rows: Int
  /// Rows not taken (only with `skipBadRows`).
  public var skipped: [RowProblem]
  /// Columns that gave no field.
  public var unused: [String]
  /// nil on a dry run.
  public var tally: ImportTally?
}

/// Reads a CRM export and loads it into the workspace in one transaction: every row is read
/// and checked before anything is written, so a file with bad rows changes nothing unless
/// the caller asks to skip them.
public struct Importer {
  public enum Phase: Sendable { case reading, writing }

  let workspace: Workspace

  public init(workspace: Workspace) { self.workspace = workspace }

  /// Only people who run workflows may load data.
  public static let requiredRole = Role.ops

  /// - Parameter progress: (phase, done, total) now and then; total is an estimate while
  ///   reading.
  public func run(
    _ kind: ImportKind, path: String, options: ImportOptions, actor: Actor, context: AuditContext, today: Day,
    progress: (Phase, Int, Int) -> Void = { _, _, _ in }
  ) throws -> ImportResult {
    guard actor.role >= Self.requiredRole else {
      let reason =
        "importing needs the \(Self.requiredRole.rawValue) role; \(actor.handle) is \(actor.role.withArticle)"
      // A refusal is audited like a workflow's: who tried to load what.
      try workspace.recordRefusal(context, reason: reason)
      throw ImportError.refused(reason)
    }
    let layouts = try CRMLayout.bundled()[kind] ?? []
    var rows = try CSVRows(path: path)
    let plan = try ColumnPlan(
      header: rows.header, kind: kind, layouts: layouts, overrides: try Self.pairs(options.mappings, flag: "--map"),
      path: path)
    let ordered = layouts.sorted { ($0.name == plan.layoutName ? 0 : 1) < ($1.name == plan.layoutName ? 0 : 1) }
    let stages = try workspace.stages()
    var reader = RowReader(
      plan: plan, width: rows.header.count,
      stages: try StageResolver(
        phrases: try workspace.stagePhrases(), known: stages.map(\.id), layouts: ordered,
        overrides: try Self.pairs(options.stageMappings, flag: "--stage-map").map { (crm: $0.0, stage: $0.1) }),
      stageKinds: Dictionary(stages.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a }))
    reader.grantsUpTo = actor.role

    let estimate = max(1, rows.lineCount - 1)
    var problems: [RowProblem] = []
    var deals: [ImportedDeal] = []
    var accounts: [ImportedAccount] = []
    var people: [ImportedPerson] = []
    var firstLine: [String: Int] = [:]
    var count = 0
    func unique(_ key: String, _ line: Int, _ what: String) -> Bool {
      if let earlier = firstLine[key.lowercased()] {
        problems.append(RowProblem(line: line, reason: "\(what) is also on line \(earlier)"))
        return false
      }
      firstLine[key.lowercased()] = line
      return true
    }
    while let (line, fields) = try rows.next() {
      count += 1
      if count % 5_000 == 0 { progress(.reading, count, estimate) }
      switch kind {
      case .deals:
        switch reader.deal(line: line, fields) {
        case .success(let deal): if unique(deal.crmID, line, "CRM id \(deal.crmID)") { deals.append(deal) }
        case .failure(let problem): problems.append(problem)
        }
      case .accounts:
        switch reader.account(line: line, fields) {
        case .success(let account):
          if unique(account.name, line, "account \(account.name)") { accounts.append(account) }
        case .failure(let problem): problems.append(problem)
        }
      case .people:
        switch reader.person(line: line, fields) {
        case .success(let person):
          if unique(person.handle ?? person.name, line, "\(person.handle ?? person.name)") { people.append(person) }
        case .failure(let problem): problems.append(problem)
        }
      }
    }
    progress(.reading, count, count)
    if !problems.isEmpty && !options.skipBadRows {
      throw ImportError.badRows(path: path, problems: problems.sorted { $0.line < $1.line })
    }
    var result = ImportResult(
      kind: kind, path: path, layout: plan.layoutName, rows: count, skipped: problems.sorted { $0.line < $1.line },
      unused: plan.unused, tally: nil)
    if options.dryRun { return result }
    let source = path.split(separator: "/").last.map(String.init) ?? path
    // Only the list of this kind was filled.
    let written = { (done: Int) in progress(.writing, done, max(deals.count, accounts.count, people.count)) }
    switch kind {
    case .deals:
      result.tally = try workspace.importDeals(deals, source: source, context: context, today: today, progress: written)
    case .accounts:
      result.tally = try workspace.importAccounts(
        accounts, source: source, context: context, today: today, progress: written)
    case .people:
      result.tally = try workspace.importPeople(
        people, source: source, context: context, today: today, progress: written)
    }
    return result
  }

  /// `A=B` options split at the last `=`.
  static func pairs(_ options: [String], flag: String) throws -> [(String, String)] {
    try options.map { option in
      guard let equals = option.lastIndex(of: "="), equals != option.startIndex,
        option.index(after: equals) != option.endIndex
      else {
        throw ImportError.badOption("\(flag) takes NAME=VALUE, not '\(option)'")
      }
      return (
        String(option[..<equals]).trimmingCharacters(in: .whitespaces),
        String(option[option.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
      )
    }
  }
}
