import BatonModel

/// A person in the workspace.
public struct Person: Hashable, Sendable {
  public var id: Int64
  public var handle: String
  public var name: String
  public var title: String
  public var team: String?
  public var role: Role
}

/// An account, with its owner and customer success manager.
public struct Account: Hashable, Sendable {
  public var id: Int64
  public var name: String
  public var segment: String?
  public var territory: String?
  public var owner: Person?
  public var csm: Person?
}

/// A task: a follow-up, an onboarding kickoff.
public struct WorkTask: Hashable, Sendable {
  public var id: Int64
  public var title: String
  public var dealID: Int64?
  public var owner: Person
  public var dueDate: Day?
  /// open or done.
  public var status: String
  public var createdBy: String?
}

/// A lead, before it becomes a deal.
public struct Lead: Hashable, Sendable {
  public var id: Int64
  public var name: String
  public var company: String
  public var segment: String?
  public var territory: String?
  public var score: Int
  /// new, mql, sal, sql or disqualified.
  public var status: String
  public var owner: Person?
}

/// A governed change request and its decision.
public struct ChangeRequest: Hashable, Sendable {
  public var id: Int64
  public var title: String
  /// stage, field, rule or other.
  public var kind: String
  public var description: String?
  public var proposedBy: String?
  public var ownerTeam: String
  /// open, approved or rejected.
  public var status: String
  public var decidedBy: String?
  public var decidedAt: String?
  public var reason: String?
  public var createdAt: String
  /// What approving it does to the operating model, when its words said exactly.
  public var effect: ChangeEffect?
}

/// A rep a lead may be routed to, with how many open leads they hold.
public struct RoutingCandidate: Hashable, Sendable {
  public var person: Person
  public var territory: String
  public var segment: String?
  public var capacity: Int
  public var openLeads: Int
  /// When they were last given a lead by routing (the round-robin order), if ever.
  public var lastRouted: String?
}

/// A finished workflow run: who ran it, when.
public struct WorkflowRun: Hashable, Sendable {
  public var kind: String
  public var dealID: Int64?
  public var actor: String
  public var at: String
}
