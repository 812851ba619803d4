import Foundation

/// How a company runs revenue, as one value: its teams and people, who is responsible and
/// accountable for what, the lifecycle's stages and exit criteria, handoff rules, metric
/// definitions, targets, lead routing and the decision rule. The workspace holds it in its
/// tables; `baton model export` writes it as a file and `baton model apply` reads one back.
///
/// Lists keep the workspace's order (stages by position, the rest as they were made); two
/// models are the same when they hold the same things, whatever the order of all but stages.
public struct OperatingModel: Codable, Hashable, Sendable {
  public struct Company: Codable, Hashable, Sendable {
    public var name: String
    public var currency: String
    public var employees: Int?
    /// Who acts when a session names nobody.
    public var defaultUser: String?

    public init(name: String, currency: String, employees: Int?, defaultUser: String?) {
      self.name = name
      self.currency = currency
      self.employees = employees
      self.defaultUser = defaultUser
    }
  }

  public struct Team: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var lead: String?
    public var reportsTo: String?
    public var serves: String?
    public var focus: String?
    public var scope: String?
    public var governsCrossTeamRules: Bool
    public var aliases: [String]

    public init(
      id: String, name: String, lead: String? = nil, reportsTo: String? = nil, serves: String? = nil,
      focus: String? = nil, scope: String? = nil, governsCrossTeamRules: Bool = false, aliases: [String] = []
    ) {
      self.id = id
      self.name = name
      self.lead = lead
      self.reportsTo = reportsTo
      self.serves = serves
      self.focus = focus
      self.scope = scope
      self.governsCrossTeamRules = governsCrossTeamRules
      self.aliases = aliases
    }
  }

  public struct Person: Codable, Hashable, Sendable {
    public var handle: String
    public var name: String
    public var team: String?
    public var title: String
    public var role: String
    public var aliases: [String]
    /// The PostgreSQL logins that act as this person on a shared workspace.
    public var logins: [String]

    public init(
      handle: String, name: String, team: String?, title: String, role: String, aliases: [String] = [],
      logins: [String] = []
    ) {
      self.handle = handle
      self.name = name
      self.team = team
      self.title = title
      self.role = role
      self.aliases = aliases
      self.logins = logins
    }

    /// Reads models kept before people had logins (an audit row's image of an earlier
    /// model) as people with none.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      handle = try container.decode(String.self, forKey: .handle)
      name = try container.decode(String.self, forKey: .name)
      team = try container.decodeIfPresent(String.self, forKey: .team)
      title = try container.decode(String.self, forKey: .title)
      role = try container.decode(String.self, forKey: .role)
      aliases = try container.decode([String].self, forKey: .aliases)
      logins = try container.decodeIfPresent([String].self, forKey: .logins) ?? []
    }
  }

  /// A party to a RACI letter: a team by id or a person by handle.
  public struct Party: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable { case team, person }
    public var kind: Kind
    public var id: String

    public init(_ kind: Kind, _ id: String) {
      self.kind = kind
      self.id = id
    }

    /// `team:revops`, `person:priya`: how the file writes it.
    public var description: String { "\(kind.rawValue):\(id)" }

    /// Reads `team:ID` or `person:HANDLE`.
    public init?(_ text: String) {
      let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let kind = Kind(rawValue: parts[0].lowercased()), !parts[1].isEmpty else { return nil }
      self.init(kind, parts[1])
    }
  }

  public struct Responsibility: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var area: String
    public var salesOpsOwns: String?
    public var revopsGoverns: String?
    public var aliases: [String]
    /// Each RACI letter ("R", "A", "C", "I") with its parties, in order.
    public var raci: [String: [Party]]

    public init(
      id: String, name: String, area: String = "", salesOpsOwns: String? = nil, revopsGoverns: String? = nil,
      aliases: [String] = [], raci: [String: [Party]] = [:]
    ) {
      self.id = id
      self.name = name
      self.area = area
      self.salesOpsOwns = salesOpsOwns
      self.revopsGoverns = revopsGoverns
      self.aliases = aliases
      self.raci = raci
    }
  }

  /// What an exit criterion checks on a deal: a field set, a contact in a role, a document.
  public struct Evidence: Codable, Hashable, Sendable {
    public static let kinds = ["field", "contact_role", "document"]
    public var kind: String
    public var key: String

    public init(kind: String, key: String) {
      self.kind = kind
      self.key = key
    }
  }

  public struct Criterion: Codable, Hashable, Sendable {
    public var wording: String
    public var evidence: Evidence

    public init(wording: String, evidence: Evidence) {
      self.wording = wording
      self.evidence = evidence
    }
  }

  public struct Stage: Codable, Hashable, Sendable {
    public static let kinds = ["lifecycle", "opportunity", "won", "lost", "customer"]
    public var id: String
    public var name: String
    public var kind: String
    public var probability: Int?
    public var forecastCategory: String?
    public var typicalDays: Int?
    public var definition: String
    public var aliases: [String]
    public var exitCriteria: [Criterion]

    public init(
      id: String, name: String, kind: String, probability: Int? = nil, forecastCategory: String? = nil,
      typicalDays: Int? = nil, definition: String, aliases: [String] = [], exitCriteria: [Criterion] = []
    ) {
      self.id = id
      self.name = name
      self.kind = kind
      self.probability = probability
      self.forecastCategory = forecastCategory
      self.typicalDays = typicalDays
      self.definition = definition
      self.aliases = aliases
      self.exitCriteria = exitCriteria
    }
  }

  public struct HandoffRule: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var fromTeam: String
    public var toTeam: String
    public var triggerStage: String
    public var requiredFields: [String]
    public var slaHours: Int
    public var acceptanceRule: String
    public var aliases: [String]

    public init(
      id: String, name: String, fromTeam: String, toTeam: String, triggerStage: String, requiredFields: [String],
      slaHours: Int, acceptanceRule: String, aliases: [String] = []
    ) {
      self.id = id
      self.name = name
      self.fromTeam = fromTeam
      self.toTeam = toTeam
      self.triggerStage = triggerStage
      self.requiredFields = requiredFields
      self.slaHours = slaHours
      self.acceptanceRule = acceptanceRule
      self.aliases = aliases
    }
  }

  public struct Metric: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var fullName: String?
    public var owner: String?
    public var definition: String
    public var formula: String
    public var aliases: [String]

    public init(
      id: String, name: String, fullName: String? = nil, owner: String?, definition: String, formula: String,
      aliases: [String] = []
    ) {
      self.id = id
      self.name = name
      self.fullName = fullName
      self.owner = owner
      self.definition = definition
      self.formula = formula
      self.aliases = aliases
    }
  }

  /// A field of the team's own that deals carry ("Competitor"), set in conversation and
  /// checkable by exit criteria as `field: KEY`.
  public struct DealField: Codable, Hashable, Sendable {
    public var key: String
    public var name: String

    public init(key: String, name: String) {
      self.key = key
      self.name = name
    }
  }

  public struct RoutingRule: Codable, Hashable, Sendable {
    public var territory: String
    public var segment: String?
    public var rep: String
    public var capacity: Int

    public init(territory: String, segment: String? = nil, rep: String, capacity: Int) {
      self.territory = territory
      self.segment = segment
      self.rep = rep
      self.capacity = capacity
    }
  }

  public var company: Company
  public var decisionRule: String
  /// Words that place a problem in a function, by function.
  public var decisionSignals: [String: [String]]
  public var opsModels: [OpsModel]
  public var teams: [Team]
  public var people: [Person]
  public var responsibilities: [Responsibility]
  public var stages: [Stage]
  public var handoffRules: [HandoffRule]
  public var metrics: [Metric]
  /// Revenue targets by period key (`2026-Q4`).
  public var targets: [String: Int64]
  public var routingRules: [RoutingRule]
  public var dealFields: [DealField]

  public init(
    company: Company, decisionRule: String = "", decisionSignals: [String: [String]] = [:], opsModels: [OpsModel] = [],
    teams: [Team] = [], people: [Person] = [], responsibilities: [Responsibility] = [], stages: [Stage] = [],
    handoffRules: [HandoffRule] = [], metrics: [Metric] = [], targets: [String: Int64] = [:],
    routingRules: [RoutingRule] = [], dealFields: [DealField] = []
  ) {
    self.company = company
    self.decisionRule = decisionRule
    self.decisionSignals = decisionSignals
    self.opsModels = opsModels
    self.teams = teams
    self.people = people
    self.responsibilities = responsibilities
    self.stages = stages
    self.handoffRules = handoffRules
    self.metrics = metrics
    self.targets = targets
    self.routingRules = routingRules
    self.dealFields = dealFields
  }

  /// The roles a person may have, least to most.
  public static let roles = ["viewer", "rep", "ops", "revops", "admin"]
  /// PostgreSQL's longest name, in bytes.
  static let longestLogin = 63

  /// The RACI letters in the order the file writes them, with the file's key for each.
  public static let raciKeys: [(letter: String, key: String)] = [
    ("R", "responsible"), ("A", "accountable"), ("C", "consulted"), ("I", "informed"),
  ]
}
