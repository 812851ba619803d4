import BatonModel
import Foundation

/// A team or a person named in the ownership matrix.
public struct Party: Hashable, Sendable {
  public enum Kind: String, Sendable { case team, person }
  public var kind: Kind
  /// A team id or a person's handle.
  public var id: String
  public var name: String
  /// For a team, its lead's full name; for a person, their title.
  public var detail: String?
}

/// One responsibility and its row of the ownership matrix.
public struct Responsibility: Hashable, Sendable {
  public var id: String
  public var name: String
  public var area: String
  /// Where the owns / governs split applies: what Sales Ops owns and what RevOps governs.
  public var salesOpsOwns: String?
  public var revopsGoverns: String?
  public var assignments: [RACIRole: [Party]]

  public func parties(_ role: RACIRole) -> [Party] { assignments[role] ?? [] }
}

/// A lifecycle stage with its exit criteria.
public struct Stage: Hashable, Sendable {
  public var id: String
  public var name: String
  public var position: Int
  /// lifecycle, opportunity, won, lost or customer.
  public var kind: String
  public var definition: String
  public var forecastCategory: String?
  public var probability: Int?
  public var typicalDays: Int?
  public var exitCriteria: [ExitCriterion]

  /// What the stage is for, when `kind` is one baton knows.
  public var stageKind: StageKind? { StageKind(rawValue: kind) }

  /// Whether a deal in this stage is open.
  public var isOpen: Bool { stageKind?.isOpen ?? false }

  /// Whether a deal in this stage is closed, won or lost.
  public var isClosed: Bool { stageKind?.isClosed ?? false }
}

/// One exit criterion: its wording and the deal evidence that shows it is met.
public struct ExitCriterion: Hashable, Sendable {
  public var wording: String
  /// field, contact_role or document.
  public var evidenceKind: String
  public var evidenceKey: String

  /// How a person reads the evidence: "field budget_confirmed is set".
  public var evidenceDescription: String {
    switch evidenceKind {
    case "contact_role": return "a contact with the role \(evidenceKey)"
    case "document": return "a \(evidenceKey.replacingOccurrences(of: "_", with: " ")) document attached"
    default: return "the field \(evidenceKey) set"
    }
  }
}

/// A metric's definition.
public struct MetricDefinition: Hashable, Sendable {
  public var id: String
  public var name: String
  public var fullName: String?
  public var ownerTeam: String?
  public var definition: String
  public var formula: String
}

/// A team and what it is for.
public struct Team: Hashable, Sendable {
  public var id: String
  public var name: String
  public var lead: String?
  public var reportsTo: String?
  public var serves: String?
  public var focus: String?
  public var scope: String?
  public var governsCrossTeamRules: Bool
}

/// A handoff rule between two teams.
public struct HandoffRule: Hashable, Sendable {
  public var id: String
  public var name: String
  public var fromTeam: String
  public var toTeam: String
  public var triggerStage: String
  public var requiredFields: [String]
  public var slaHours: Int
  public var acceptanceRule: String
}

/// A deal as the answers show it.
public struct Deal: Hashable, Sendable {
  public var id: Int64
  public var crmID: String?
  public var name: String
  public var accountID: Int64?
  public var account: String?
  public var owner: String?
  public var ownerHandle: String?
  public var stage: String
  public var stageName: String
  public var amount: Int64?
  public var closeDate: Day?
  public var createdDate: Day
  public var stageChangedDate: Day
}

/// What a team or person is named for in the ownership matrix.
public struct OwnershipEntry: Hashable, Sendable {
  public var responsibility: String
  public var role: RACIRole
  /// The team through which a person holds it, when it is not theirs directly.
  public var via: String?
}

/// Which operations model fits a company of a size (DOMAIN.md), smallest first.
public struct OpsModel: Codable, Hashable, Sendable {
  /// The largest headcount this model fits; nil for "any larger".
  public var upToEmployees: Int?
  /// The ARR from which this model fits at least, whatever the headcount.
  public var fromARR: Int64?
  public var model: String
  public var why: String

  public init(upToEmployees: Int?, fromARR: Int64?, model: String, why: String) {
    self.upToEmployees = upToEmployees
    self.fromARR = fromARR
    self.model = model
    self.why = why
  }
}
