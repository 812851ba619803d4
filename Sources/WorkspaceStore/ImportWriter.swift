import BatonModel
import Foundation
internal import GRDB

/// Writes imported rows inside the import's transaction, finding or making the accounts and
/// people they name. Lookups are cached for the length of one import.
final class ImportWriter {
  let db: Executor
  let actor: String
  let today: Day
  private(set) var tally = ImportTally()
  /// Lower-cased account name → id.
  private var accounts: [String: Int64] = [:]
  /// Lower-cased full name, handle and e-mail local part → person id.
  private var people: [String: Int64] = [:]
  private var handles: Set<String> = []
  /// Team id, lower-cased name or alias → team id.
  private var teams: [String: String] = [:]
  /// The team new deal owners join when it exists.
  private let salesTeam: String?

  init(_ db: Executor, actor: String, today: Day) throws {
    self.db = db
    self.actor = actor
    self.today = today
    var accounts: [String: Int64] = [:]
    try db.eachRow("SELECT id, name FROM account") { row in
      accounts[(try row["name"] as String).lowercased()] = try row["id"]
    }
    var people: [String: Int64] = [:]
    var handles: Set<String> = []
    try db.eachRow("SELECT id, handle, name FROM person") { row in
      let handle: String = try row["handle"]
      let id: Int64 = try row["id"]
      handles.insert(handle)
      let name = (try row["name"] as String).lowercased()
      // Two people with one name: the first keeps it; the other is found by handle.
      if people[name] == nil { people[name] = id }
      people[handle] = id
    }
    var teams: [String: String] = [:]
    try db.eachRow(
      "SELECT id, id AS phrase FROM team UNION ALL SELECT id, name FROM team UNION ALL SELECT team_id, alias FROM team_alias"
    ) { row in
      teams[(try row["phrase"] as String).lowercased()] = try row["id"]
    }
    self.accounts = accounts
    self.people = people
    self.handles = handles
    self.teams = teams
    salesTeam = teams["sales"]
  }

  /// What the audit row says about the import.
  func note(kind: String, source: String) -> String {
    var parts = ["\(tally.created) new", "\(tally.updated) updated", "\(tally.unchanged) unchanged"]
    if tally.accountsCreated > 0 { parts.append("accounts made: \(tally.accountsCreated)") }
    if tally.peopleCreated > 0 { parts.append("people made: \(tally.peopleCreated)") }
    return "imported \(kind) from \(source): " + parts.joined(separator: ", ")
  }

  // MARK: - Deals

  func upsert(_ deal: ImportedDeal) throws {
    let accountID = try deal.account.map(accountID(named:))
    let ownerID = try deal.owner.map { try personID(for: $0, team: salesTeam) }
    let existing = try db.firstRow(
      "SELECT id, name, account_id, owner_id, stage_id, amount, close_date, created_date FROM deal WHERE crm_id = ?",
      [deal.crmID]
    ) { row in
      (
        id: try row["id"] as Int64,
        columns: DealColumns(
          name: try row["name"], accountID: try row["account_id"], ownerID: try row["owner_id"],
          stage: try row["stage_id"], amount: try row["amount"], closeDate: try row["close_date"],
          createdDate: try row["created_date"])
      )
    }
    guard let (id, current) = existing else {
      try insert(deal, accountID: accountID, ownerID: ownerID)
      return
    }
    let oldStage = current.stage
    let created: String = deal.createdDate?.iso ?? current.createdDate
    let same =
      current
      == DealColumns(
        name: deal.name, accountID: accountID, ownerID: ownerID, stage: deal.stage, amount: deal.amount,
        closeDate: deal.closeDate?.iso, createdDate: created)
    if same {
      tally.unchanged += 1
      return
    }
    try db.execute(
      """
      UPDATE deal SET name = ?, account_id = ?, owner_id = ?, stage_id = ?, amount = ?,
        close_date = ?, created_date = ? WHERE id = ?
      """, [deal.name, accountID, ownerID, deal.stage, deal.amount, deal.closeDate?.iso, created, id], cached: true)
    if oldStage != deal.stage {
      try db.execute("UPDATE deal SET stage_changed_date = ? WHERE id = ?", [today.iso, id], cached: true)
      try recordStageChange(
        deal: id, from: oldStage, to: deal.stage, on: today, amount: deal.amount, owner: ownerID, account: accountID)
    }
    tally.updated += 1
  }

  /// The columns an import sets, to tell an update from a row already as the file says.
  private struct DealColumns: Equatable {
    var name: String
    var accountID: Int64?
    var ownerID: Int64?
    var stage: String
    var amount: Int64?
    var closeDate: String?
    var createdDate: String
  }

  private func insert(_ deal: ImportedDeal, accountID: Int64?, ownerID: Int64?) throws {
    let created = deal.createdDate ?? min(today, deal.closeDate ?? today)
    // Without its history, a deal entered its stage when it closed, or when it was made.
    let entered = deal.closeDate.map { max($0, created) } ?? created
    let enteredStage = ["closed-won", "closed-lost"].contains(deal.stage) ? entered : created
    let id = try db.insert(
      """
      INSERT INTO deal(crm_id, name, account_id, owner_id, stage_id, amount, close_date,
        created_date, stage_changed_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        deal.crmID, deal.name, accountID, ownerID, deal.stage, deal.amount, deal.closeDate?.iso,
        created.iso, enteredStage.iso,
      ])
    try recordStageChange(
      deal: id, from: nil, to: deal.stage, on: enteredStage, amount: deal.amount, owner: ownerID,
      account: accountID)
    tally.created += 1
  }

  private func recordStageChange(
    deal: Int64, from: String?, to: String, on day: Day, amount: Int64?, owner: Int64?, account: Int64?
  ) throws {
    try db.execute(
      """
      INSERT INTO stage_change(deal_id, from_stage, to_stage, changed_date, actor, amount, owner_id, account_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """, [deal, from, to, day.iso, actor, amount, owner, account], cached: true)
  }

  // MARK: - Accounts

  func upsert(_ account: ImportedAccount) throws {
    let ownerID = try account.owner.map { try personID(for: $0, team: salesTeam) }
    let csmID = try account.csm.map { try personID(for: $0, team: teams["cs"]) }
    guard let id = accounts[account.name.lowercased()] else {
      accounts[account.name.lowercased()] = try db.insert(
        """
        INSERT INTO account(name, segment, territory, employees, owner_id, csm_id)
        VALUES (?, ?, ?, ?, ?, ?)
        """, [account.name, account.segment, account.territory, account.employees, ownerID, csmID])
      tally.created += 1
      return
    }
    // Columns the file leaves empty keep what the workspace has.
    guard let row = try db.row("SELECT segment, territory, employees, owner_id, csm_id FROM account WHERE id = ?", [id])
    else { return }
    let old = (
      segment: try row["segment"] as String?, territory: try row["territory"] as String?,
      employees: try row["employees"] as Int?, owner: try row["owner_id"] as Int64?, csm: try row["csm_id"] as Int64?
    )
    let segment = account.segment ?? old.segment
    let territory = account.territory ?? old.territory
    let employees = account.employees ?? old.employees
    let owner = ownerID ?? old.owner
    let csm = csmID ?? old.csm
    let unchanged =
      segment == old.segment && territory == old.territory && employees == old.employees && owner == old.owner
      && csm == old.csm
    if unchanged {
      tally.unchanged += 1
      return
    }
    try db.execute(
      "UPDATE account SET segment = ?, territory = ?, employees = ?, owner_id = ?, csm_id = ? WHERE id = ?",
      [segment, territory, employees, owner, csm, id])
    tally.updated += 1
  }

  /// The account called `name`, made when missing.
  private func accountID(named name: String) throws -> Int64 {
    if let id = accounts[name.lowercased()] { return id }
    let id = try db.insert("INSERT INTO account(name) VALUES (?)", [name])
    accounts[name.lowercased()] = id
    tally.accountsCreated += 1
    return id
  }

  // MARK: - People

  func upsert(_ person: ImportedPerson) throws {
    let team = person.team.flatMap { teams[$0.lowercased()] }
    let existing = person.handle.flatMap { people[$0.lowercased()] } ?? people[person.name.lowercased()]
    guard let existing else {
      _ = try makePerson(
        name: person.name, handle: person.handle, title: person.title ?? "", team: team,
        role: person.role ?? .rep)
      tally.created += 1
      return
    }
    guard let row = try db.row("SELECT name, title, team_id, role FROM person WHERE id = ?", [existing]) else {
      return
    }
    let oldName: String = try row["name"]
    let oldTitle: String = try row["title"]
    let oldTeam: String? = try row["team_id"]
    let oldRole: String = try row["role"]
    let title = person.title ?? oldTitle
    let teamID = team ?? oldTeam
    let role = person.role?.rawValue ?? oldRole
    if person.name == oldName && title == oldTitle && teamID == oldTeam && role == oldRole {
      tally.unchanged += 1
      return
    }
    try db.execute(
      "UPDATE person SET name = ?, title = ?, team_id = ?, role = ? WHERE id = ?",
      [person.name, title, teamID, role, existing])
    tally.updated += 1
  }

  /// The person a CRM names by full name, handle or e-mail; made (as a rep) when missing.
  private func personID(for text: String, team: String?) throws -> Int64 {
    let key = text.lowercased()
    let local = key.split(separator: "@").first.map(String.init) ?? key
    if let id = people[key] ?? (key.contains("@") ? people[local] : nil) { return id }
    let name = key.contains("@") ? local : text
    let id = try makePerson(
      name: name, handle: key.contains("@") ? local : nil, title: "", team: team, role: .rep)
    people[key] = id
    tally.peopleCreated += 1
    return id
  }

  private func makePerson(name: String, handle: String?, title: String, team: String?, role: Role) throws -> Int64 {
    let handle = uniqueHandle(handle.map { Self.handleWords($0) } ?? Self.handleWords(name))
    let id = try db.insert(
      "INSERT INTO person(handle, name, team_id, title, role) VALUES (?, ?, ?, ?, ?)",
      [handle, name, team, title, role.rawValue])
    handles.insert(handle)
    people[handle] = id
    people[name.lowercased()] = people[name.lowercased()] ?? id
    return id
  }

  /// "Moses Frase" → ["moses", "frase"]: lower-case letters and digits, accents folded.
  private static func handleWords(_ text: String) -> [String] {
    text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
      .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
  }

  /// The first name, else first.last, else first.last2, 3…: never one already taken.
  private func uniqueHandle(_ words: [String]) -> String {
    let first = words.first ?? "person"
    let full = words.isEmpty ? first : words.joined(separator: ".")
    for candidate in [first, full] where !handles.contains(candidate) { return candidate }
    var number = 2
    while handles.contains("\(full)\(number)") { number += 1 }
    return "\(full)\(number)"
  }

}
