import BatonModel
import Foundation
internal import GRDB

/// Fills an empty workspace with the demo company: the reference data from the data file,
/// and deals, leads and tasks generated from a fixed seed with dates laid relative to
/// `today`, so "this quarter" and "stuck for 30 days" always have data.
struct DemoSeeder {
  var today: Day
  /// Deals generated beyond the data file's count, for benchmarks (a million-deal workspace).
  var extraDeals: Int = 0
  var seed: UInt64 = 0x00BA_7043

  /// The three open opportunity stages, in order, then the two closed ones.
  private static let openPath = ["discovery", "proposal", "negotiation"]

  func seed(_ db: Database) throws {
    let demo = try DemoCompany.load()
    var people: [String: Int64] = [:]
    try seedReferenceData(demo, db, people: &people, starter: false)
    var random = SeededGenerator(seed: seed)
    let criteria = try exitCriteria(db)
    let accountIDs = try seedAccounts(demo, db, people: people)
    try seedDeals(demo, db, people: people, accounts: accountIDs, criteria: criteria, random: &random)
    try seedLeads(demo, db, people: people, random: &random)
    try seedWork(demo, db, people: people)
  }

  /// Fills an empty workspace with the starter operating model: the demo company's
  /// standard lifecycle (stages with exit criteria and their CRM aliases), metric
  /// definitions, handoff rules, the decision rule and the functions' usual RACI by team,
  /// but no people (one administrator), accounts, deals, targets or names of persons, so a
  /// team's own export imports into it.
  func seedStarter(_ db: Database) throws {
    let demo = try DemoCompany.load()
    var people: [String: Int64] = [:]
    try seedReferenceData(demo, db, people: &people, starter: true)
  }

  // MARK: - Reference data

  /// The operating model, written as `baton model apply` writes one, and the people's ids by
  /// handle for the records that follow.
  private func seedReferenceData(
    _ demo: DemoCompany, _ db: Database, people: inout [String: Int64], starter: Bool
  ) throws {
    try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('created', ?)", arguments: [today.iso])
    let model = demo.model(today: today, starter: starter).normalized()
    let problems = model.problems()
    guard problems.isEmpty else {
      throw WorkspaceError.demoData(problems.map(\.description).joined(separator: "; "))
    }
    let store = Executor(db)
    try ModelWriter.write(store, from: ModelReader.read(store), to: model)
    for row in try Row.fetchAll(db, sql: "SELECT handle, id FROM person") {
      people[row["handle"]] = row["id"]
    }
  }

  private func exitCriteria(_ db: Database) throws -> [String: [(kind: String, key: String)]] {
    var result: [String: [(kind: String, key: String)]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT stage_id, evidence_kind, evidence_key FROM exit_criterion ORDER BY position")
    {
      result[row["stage_id"], default: []].append((row["evidence_kind"], row["evidence_key"]))
    }
    return result
  }

  // MARK: - Accounts and deals

  private func seedAccounts(
    _ demo: DemoCompany, _ db: Database, people: [String: Int64]
  ) throws -> [(id: Int64, account: DemoCompany.Account)] {
    var result: [(id: Int64, account: DemoCompany.Account)] = []
    for (index, account) in demo.accounts.enumerated() {
      let reps = demo.territoryReps[account.territory] ?? []
      let owner = reps.isEmpty ? nil : people[reps[index % reps.count]]
      try db.execute(
        sql: """
          INSERT INTO account(name, segment, territory, employees, owner_id, csm_id)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          account.name, account.segment, account.territory, account.employees, owner,
          account.csm.flatMap { people[$0] },
        ])
      result.append((db.lastInsertedRowID, account))
    }
    return result
  }

  private func seedDeals(
    _ demo: DemoCompany, _ db: Database, people: [String: Int64],
    accounts: [(id: Int64, account: DemoCompany.Account)],
    criteria: [String: [(kind: String, key: String)]], random: inout SeededGenerator
  ) throws {
    let handoffFields =
      demo.handoffRules.first { $0.triggerStage == "closed-won" }?.requiredFields ?? []
    let insertDeal = try db.makeStatement(
      sql: """
        INSERT INTO deal(id, crm_id, name, account_id, owner_id, stage_id, amount, close_date, created_date, stage_changed_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertChange = try db.makeStatement(
      sql:
        """
        INSERT INTO stage_change(deal_id, from_stage, to_stage, changed_date, actor, amount, owner_id, account_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    )
    let insertEvidence = try db.makeStatement(
      sql: "INSERT INTO deal_evidence(deal_id, kind, key, value) VALUES (?, ?, ?, ?)")
    let insertRun = try db.makeStatement(
      sql:
        "INSERT INTO workflow_run(kind, deal_id, actor, at, status, details) VALUES ('handoff', ?, ?, ?, 'done', ?)"
    )
    var perAccount = [Int](repeating: 0, count: accounts.count)
    let total = demo.dealCount + extraDeals
    guard total > 0, !accounts.isEmpty else { return }
    for id in 1...total {
      let accountIndex = Int.random(in: 0..<accounts.count, using: &random)
      let (accountID, account) = accounts[accountIndex]
      let reps = demo.territoryReps[account.territory] ?? []
      let ownerHandle = reps.isEmpty ? "sam" : reps[Int.random(in: 0..<reps.count, using: &random)]
      let counter = perAccount[accountIndex]
      perAccount[accountIndex] += 1
      let kind = demo.dealKinds[counter % demo.dealKinds.count]
      let round = counter / demo.dealKinds.count
      let name = round == 0 ? "\(account.name) \(kind)" : "\(account.name) \(kind) \(round + 1)"

      let stage = pickStage(id: id, random: &random)
      let created = today.adding(days: -Int.random(in: 15...420, using: &random))
      var path: [String]
      var closeDate: Day
      var stageChanged: Day
      switch stage {
      case "closed-won", "closed-lost":
        let reached = stage == "closed-won" ? 3 : Int.random(in: 1...3, using: &random)
        path = Array(Self.openPath.prefix(reached)) + [stage]
        let cycle = Int.random(in: 20...150, using: &random)
        closeDate = min(
          created.adding(days: cycle), today.adding(days: -(id == 8 ? 2 : Int.random(in: 0...40, using: &random))))
        if closeDate <= created { closeDate = created.adding(days: 1) }
        stageChanged = closeDate
      default:
        path = Array(Self.openPath.prefix(through: Self.openPath.firstIndex(of: stage) ?? 0))
        let inStage = min(created.days(to: today), Int.random(in: 1...80, using: &random))
        stageChanged = today.adding(days: -inStage)
        closeDate = today.adding(days: Int.random(in: -10...120, using: &random))
      }
      let amount = amountFor(segment: account.segment, random: &random)
      try insertDeal.execute(arguments: [
        id, "006NW" + String(id, radix: 36).uppercased(), name, accountID, people[ownerHandle],
        stage, amount, closeDate.iso, created.iso, stageChanged.iso,
      ])

      // Stage history: evenly spread between creation and the last change.
      var previous: String? = nil
      for (step, stageID) in path.enumerated() {
        let date =
          step == path.count - 1
          ? stageChanged
          : created.adding(days: created.days(to: stageChanged) * step / max(1, path.count - 1))
        try insertChange.execute(arguments: [
          id, previous, stageID, date.iso, ownerHandle, amount, people[ownerHandle], accountID,
        ])
        previous = stageID
      }

      // Evidence: every stage left behind met its exit criteria; the current one, partly.
      for stageID in path.dropLast() {
        for criterion in criteria[stageID] ?? [] {
          try insertEvidence.execute(arguments: [id, criterion.kind, criterion.key, "yes"])
        }
      }
      if let current = path.last, Self.openPath.contains(current) {
        for (index, criterion) in (criteria[current] ?? []).enumerated() {
          let met = id == 42 ? index != 1 : Bool.random(using: &random)
          if met { try insertEvidence.execute(arguments: [id, criterion.kind, criterion.key, "yes"]) }
        }
      }
      if stage == "closed-won" {
        for field in handoffFields where id == 8 || Int.random(in: 0..<10, using: &random) < 8 {
          try insertEvidence.execute(arguments: [id, "field", field, "yes"])
        }
        // Deals closed more than two weeks ago were handed off already; deal 8 was not.
        if id != 8 && closeDate.days(to: today) > 14 {
          try insertRun.execute(arguments: [id, ownerHandle, closeDate.adding(days: 1).iso, "demo"])
        }
      }
    }
  }

  private func pickStage(id: Int, random: inout SeededGenerator) -> String {
    if id == 42 { return "proposal" }
    if id == 8 { return "closed-won" }
    let roll = Int.random(in: 0..<100, using: &random)
    switch roll {
    case ..<22: return "discovery"
    case ..<40: return "proposal"
    case ..<52: return "negotiation"
    case ..<80: return "closed-won"
    default: return "closed-lost"
    }
  }

  private func amountFor(segment: String, random: inout SeededGenerator) -> Int {
    let range: ClosedRange<Int>
    switch segment {
    case "Enterprise": range = 60_000...400_000
    case "Mid-Market": range = 20_000...120_000
    default: range = 5_000...30_000
    }
    return Int.random(in: range, using: &random) / 500 * 500
  }

  // MARK: - Leads, tasks, change requests

  private func seedLeads(
    _ demo: DemoCompany, _ db: Database, people: [String: Int64], random: inout SeededGenerator
  ) throws {
    let statuses = ["new", "new", "mql", "mql", "mql", "sal", "sql", "disqualified"]
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO lead(id, name, company, email, source, segment, territory, score, status, owner_id, created_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for id in 1...max(1, demo.leadCount) {
      let first = demo.leadFirstNames[Int.random(in: 0..<demo.leadFirstNames.count, using: &random)]
      let account = demo.accounts[Int.random(in: 0..<demo.accounts.count, using: &random)]
      let status = id == 17 ? "mql" : statuses[Int.random(in: 0..<statuses.count, using: &random)]
      let reps = demo.territoryReps[account.territory] ?? []
      let owner: Int64? =
        (status == "sal" || status == "sql") && !reps.isEmpty ? people[reps[id % reps.count]] : nil
      let domain = account.name.lowercased().filter { $0.isLetter } + ".example"
      try statement.execute(arguments: [
        id, "\(first) \(account.name.split(separator: " ").first ?? "")", account.name,
        "\(first.lowercased())@\(domain)",
        demo.leadSources[Int.random(in: 0..<demo.leadSources.count, using: &random)],
        account.segment, account.territory, Int.random(in: 10...95, using: &random), status, owner,
        today.adding(days: -Int.random(in: 0...60, using: &random)).iso,
      ])
    }
  }

  private func seedWork(_ demo: DemoCompany, _ db: Database, people: [String: Int64]) throws {
    let now = today.iso + "T09:00:00Z"
    for task in demo.tasks {
      guard let owner = people[task.owner] else {
        throw WorkspaceError.demoData("task owner '\(task.owner)' is not a person")
      }
      try db.execute(
        sql: """
          INSERT INTO task(title, deal_id, owner_id, due_date, status, created_at, created_by)
          VALUES (?, ?, ?, ?, 'open', ?, 'demo')
          """,
        arguments: [task.title, task.deal, owner, today.adding(days: task.dueInDays).iso, now])
    }
    for change in demo.changeRequests {
      let effect = try change.dealField.map {
        String(decoding: try JSONEncoder().encode(ChangeEffect.addDealField(name: $0)), as: UTF8.self)
      }
      try db.execute(
        sql: """
          INSERT INTO change_request(title, kind, description, proposed_by, owner_team, status, created_at, effect)
          VALUES (?, ?, ?, ?, 'revops', ?, ?, ?)
          """,
        arguments: [
          change.title, change.kind, change.description, people[change.proposedBy], change.status,
          today.adding(days: -change.ageDays).iso + "T09:00:00Z", effect,
        ])
    }
  }
}
