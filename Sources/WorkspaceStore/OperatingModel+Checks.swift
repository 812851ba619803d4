import BatonModel

/// Where in a model a value sits, as the file spells it: `stages[3].exit_criteria[0].field`.
public enum ModelPathComponent: Hashable, Sendable {
  case key(String)
  case index(Int)
}

/// Something wrong with a model, at the place in it that is wrong.
public struct ModelProblem: Hashable, Sendable, CustomStringConvertible {
  public var path: [ModelPathComponent]
  public var message: String
  public var notes: [String]

  public init(_ path: [ModelPathComponent], _ message: String, notes: [String] = []) {
    self.path = path
    self.message = message
    self.notes = notes
  }

  public var description: String {
    let place = path.map { component -> String in
      switch component {
      case .key(let key): return ".\(key)"
      case .index(let index): return "[\(index)]"
      }
    }.joined().drop { $0 == "." }
    return "\(place): \(message)"
  }
}

extension OperatingModel {
  /// What makes this model one a workspace cannot hold: names that refer to nothing, ids
  /// used twice, values out of range. Empty when it can be applied (records it would leave
  /// without an owner or stage are the workspace's to find, on applying).
  public func problems() -> [ModelProblem] {
    var problems: [ModelProblem] = []
    func problem(_ path: [ModelPathComponent], _ message: String, notes: [String] = []) {
      problems.append(ModelProblem(path, message, notes: notes))
    }
    let teamIDs = Set(teams.map(\.id))
    let handles = Set(people.map(\.handle))
    let stageIDs = Set(stages.map(\.id))

    func duplicates<T>(_ items: [T], _ section: String, _ field: String, _ id: (T) -> String) {
      var seen: Set<String> = []
      for (index, item) in items.enumerated() {
        let value = id(item)
        if value.isEmpty {
          problem([.key(section), .index(index), .key(field)], "\(field) is empty")
        } else if !seen.insert(value).inserted {
          problem([.key(section), .index(index), .key(field)], "“\(value)” is used twice in \(section)")
        }
      }
    }
    duplicates(teams, "teams", "id", \.id)
    duplicates(people, "people", "handle", \.handle)
    duplicates(responsibilities, "responsibilities", "id", \.id)
    duplicates(stages, "stages", "id", \.id)
    duplicates(handoffRules, "handoff_rules", "id", \.id)
    duplicates(metrics, "metrics", "id", \.id)
    duplicates(dealFields, "deal_fields", "key", \.key)

    func unknown(_ value: String, in known: Set<String>, what: String, at path: [ModelPathComponent]) {
      guard !known.contains(value) else { return }
      problem(path, "no \(what) “\(value)” in this model", notes: known.isEmpty ? [] : nearest(value, known))
    }
    if company.currency.count != 3 || !company.currency.allSatisfy(\.isLetter) {
      problem([.key("company"), .key("currency")], "a currency is a three-letter code such as USD")
    }
    if let user = company.defaultUser {
      unknown(user, in: handles, what: "person", at: [.key("company"), .key("default_user")])
    }
    for (index, team) in teams.enumerated() {
      if let lead = team.lead {
        unknown(lead, in: handles, what: "person", at: [.key("teams"), .index(index), .key("lead")])
      }
    }
    for (index, person) in people.enumerated() {
      if !Self.roles.contains(person.role) {
        problem(
          [.key("people"), .index(index), .key("role")], "no role “\(person.role)”",
          notes: ["a role is one of \(Self.roles.joined(separator: ", "))"])
      }
      if let team = person.team {
        unknown(team, in: teamIDs, what: "team", at: [.key("people"), .index(index), .key("team")])
      }
    }
    var loginOwners: [String: String] = [:]
    for (index, person) in people.enumerated() {
      for (position, login) in person.logins.enumerated() {
        let path: [ModelPathComponent] = [.key("people"), .index(index), .key("logins"), .index(position)]
        if login.utf8.count > Self.longestLogin {
          problem(path, "a PostgreSQL login is at most \(Self.longestLogin) bytes")
        } else if let owner = loginOwners[login] {
          problem(path, "the login “\(login)” is already \(owner)’s: a login acts as one person")
        } else {
          loginOwners[login] = person.handle
        }
      }
    }
    if !people.contains(where: { $0.role == "admin" }) {
      problem(
        [.key("people")], "no one has the admin role",
        notes: ["without an admin no one could restore a backup or give a role; make one person `role: admin`"])
    }
    for (index, responsibility) in responsibilities.enumerated() {
      for (letter, parties) in responsibility.raci {
        let key = Self.raciKeys.first { $0.letter == letter }?.key ?? letter
        for (position, party) in parties.enumerated() {
          let path: [ModelPathComponent] = [.key("responsibilities"), .index(index), .key(key), .index(position)]
          switch party.kind {
          case .team: unknown(party.id, in: teamIDs, what: "team", at: path)
          case .person: unknown(party.id, in: handles, what: "person", at: path)
          }
        }
      }
      if (responsibility.raci["A"] ?? []).count > 1 {
        problem(
          [.key("responsibilities"), .index(index), .key("accountable")],
          "\(responsibility.name) has \(responsibility.raci["A"]?.count ?? 0) accountable parties",
          notes: ["one party is accountable; the others are responsible or consulted"])
      }
    }
    for (index, stage) in stages.enumerated() {
      let path: [ModelPathComponent] = [.key("stages"), .index(index)]
      if !Self.Stage.kinds.contains(stage.kind) {
        problem(
          path + [.key("kind")], "no stage kind “\(stage.kind)”",
          notes: ["a kind is one of \(Self.Stage.kinds.joined(separator: ", "))"])
      }
      if let probability = stage.probability, !(0...100).contains(probability) {
        problem(path + [.key("probability")], "a probability is a percentage from 0 to 100")
      }
      if let days = stage.typicalDays, days < 0 {
        problem(path + [.key("typical_days")], "typical days cannot be negative")
      }
      for (position, criterion) in stage.exitCriteria.enumerated() where criterion.evidence.key.isEmpty {
        problem(path + [.key("exit_criteria"), .index(position)], "the criterion names no evidence to check")
      }
    }
    var stageNames: [String: Stage] = [:]
    for (index, stage) in stages.enumerated() {
      for (position, name) in ([stage.name] + stage.aliases).enumerated() {
        let key = name.lowercased()
        if let other = stageNames[key], other.id != stage.id {
          problem(
            [.key("stages"), .index(index)]
              + (position == 0 ? [.key("name")] : [.key("aliases"), .index(position - 1)]),
            "“\(name)” names both stage \(other.name) and stage \(stage.name)",
            notes: ["a name or alias belongs to one stage"])
        }
        stageNames[key] = stageNames[key] ?? stage
      }
    }
    for (index, rule) in handoffRules.enumerated() {
      let path: [ModelPathComponent] = [.key("handoff_rules"), .index(index)]
      unknown(rule.fromTeam, in: teamIDs, what: "team", at: path + [.key("from_team")])
      unknown(rule.toTeam, in: teamIDs, what: "team", at: path + [.key("to_team")])
      unknown(rule.triggerStage, in: stageIDs, what: "stage", at: path + [.key("trigger_stage")])
      if !(1...Self.longestSLAHours).contains(rule.slaHours) {
        problem(
          path + [.key("sla_hours")],
          "an SLA is a number of hours from 1 to \(Self.longestSLAHours) (a year); \(rule.slaHours) is not")
      }
    }
    for (index, metric) in metrics.enumerated() {
      if let owner = metric.owner {
        unknown(owner, in: teamIDs, what: "team", at: [.key("metrics"), .index(index), .key("owner")])
      }
    }
    for (period, amount) in targets.sorted(by: { $0.key < $1.key }) {
      if Period(key: period)?.quarter == nil {
        problem(
          [.key("targets"), .key(period)], "“\(period)” is not a quarter", notes: ["targets are by quarter: 2026-Q4"])
      } else if amount < 0 {
        problem([.key("targets"), .key(period)], "a target cannot be negative")
      }
    }
    for (index, rule) in routingRules.enumerated() {
      unknown(rule.rep, in: handles, what: "person", at: [.key("routing_rules"), .index(index), .key("rep")])
      if rule.capacity < 0 {
        problem([.key("routing_rules"), .index(index), .key("capacity")], "a capacity cannot be negative")
      }
    }
    return problems
  }

  /// The longest SLA a handoff rule may have, in hours: a year.
  public static let longestSLAHours = 8_760

  /// The known value nearest `value`, as a note; the first few known ones when none is near.
  private func nearest(_ value: String, _ known: Set<String>) -> [String] {
    let sorted = known.sorted()
    if let best = EditDistance.suggestions(for: value, among: sorted, limit: 1).first {
      return ["did you mean “\(best)”?"]
    }
    return ["known: \(sorted.prefix(8).joined(separator: ", "))"]
  }
}
