/// What a person may do in baton; each role includes the ones before it.
public enum Role: String, CaseIterable, Codable, Comparable, Sendable {
  /// Asks questions only.
  case viewer
  /// Acts on their own deals and tasks.
  case rep
  /// Runs workflows.
  case ops
  /// Approves governed changes and may override rules with a reason.
  case revops
  /// Everything.
  case admin

  private var rank: Int { Role.allCases.firstIndex(of: self) ?? 0 }

  /// "an ops", "a rep": the role after "is", for refusals.
  public var withArticle: String { (self == .ops || self == .admin ? "an " : "a ") + rawValue }

  public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}

/// The person a turn acts for.
public struct Actor: Hashable, Codable, Sendable {
  public var personID: Int64
  public var handle: String
  public var name: String
  public var role: Role

  public init(personID: Int64, handle: String, name: String, role: Role) {
    self.personID = personID
    self.handle = handle
    self.name = name
    self.role = role
  }
}
