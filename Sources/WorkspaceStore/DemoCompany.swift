import Foundation

/// The demo company as its data file describes it (`Resources/demo-company.json`), drawn from
/// DOMAIN.md. Only the seeder reads it.
struct DemoCompany: Decodable {
  struct Company: Decodable {
    var name: String
    var employees: Int
    var currency: String
    var defaultUser: String
    var decisionRule: String
  }
  struct Team: Decodable {
    var id: String
    var name: String
    var lead: String
    var reportsTo: String?
    var serves: String?
    var focus: String?
    var scope: String?
    var governsCrossTeamRules: Bool?
    var aliases: [String]
  }
  struct Person: Decodable {
    var handle: String
    var name: String
    var team: String
    var title: String
    var role: String
    var aliases: [String]?
  }
  struct Responsibility: Decodable {
    var id: String
    var name: String
    var area: String
    var aliases: [String]
    var salesOpsOwns: String?
    var revopsGoverns: String?
    /// RACI letter → parties written `team:ID` or `person:HANDLE`.
    var raci: [String: [String]]
  }
  struct Evidence: Decodable {
    var kind: String
    var key: String
  }
  struct Criterion: Decodable {
    var wording: String
    var evidence: Evidence
  }
  struct Stage: Decodable {
    var id: String
    var name: String
    var kind: String
    var forecastCategory: String?
    var probability: Int?
    var typicalDays: Int?
    var aliases: [String]
    var definition: String
    var exitCriteria: [Criterion]
  }
  struct HandoffRule: Decodable {
    var id: String
    var name: String
    var fromTeam: String
    var toTeam: String
    var triggerStage: String
    var aliases: [String]
    var requiredFields: [String]
    var slaHours: Int
    var acceptanceRule: String
  }
  struct Metric: Decodable {
    var id: String
    var name: String
    var fullName: String?
    var owner: String
    var aliases: [String]
    var definition: String
    var formula: String
  }
  struct Account: Decodable {
    var name: String
    var segment: String
    var territory: String
    var employees: Int
    var csm: String?
  }
  struct QuarterTargets: Decodable {
    var previous: Int
    var current: Int
    var next: Int
  }
  struct Task: Decodable {
    var title: String
    var deal: Int?
    var owner: String
    var dueInDays: Int
  }
  struct ChangeRequest: Decodable {
    var title: String
    var kind: String
    var proposedBy: String
    var description: String
    var status: String
    var ageDays: Int
    /// The deal field approving it adds, when it asks for one.
    var dealField: String?
  }

  var company: Company
  /// Words that place a problem in a function, for the decision rule.
  var decisionSignals: [String: [String]]
  var opsModels: [OpsModel]
  var teams: [Team]
  var people: [Person]
  var responsibilities: [Responsibility]
  var stages: [Stage]
  var handoffRules: [HandoffRule]
  var metrics: [Metric]
  var accounts: [Account]
  var territoryReps: [String: [String]]
  var dealKinds: [String]
  var dealCount: Int
  var leadCount: Int
  var leadSources: [String]
  var leadFirstNames: [String]
  var quarterTargets: QuarterTargets
  var tasks: [Task]
  var changeRequests: [ChangeRequest]

  /// Reads the bundled data file.
  static func load() throws -> DemoCompany {
    guard let url = Bundle.module.url(forResource: "demo-company", withExtension: "json") else {
      throw WorkspaceError.demoData("demo-company.json is not in the bundle")
    }
    do {
      return try JSONDecoder().decode(DemoCompany.self, from: Data(contentsOf: url))
    } catch {
      throw WorkspaceError.demoData("\(error)")
    }
  }
}
