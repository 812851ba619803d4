/// A workspace name the matcher can recognize: the store hands these over, so the matcher
/// never needs to know SQL.
public struct NamedEntity: Hashable, Sendable {
  public var kind: EntityKind
  public var key: String
  public var display: String
  /// Every way to say it: the name and its aliases, in any case.
  public var phrases: [String]

  public init(kind: EntityKind, key: String, display: String, phrases: [String]) {
    self.kind = kind
    self.key = key
    self.display = display
    self.phrases = phrases
  }
}

/// A letter of the RACI matrix.
public enum RACIRole: String, CaseIterable, Codable, Sendable {
  case responsible = "R"
  case accountable = "A"
  case consulted = "C"
  case informed = "I"

  /// "responsible", "accountable", …
  public var word: String {
    switch self {
    case .responsible: return "responsible"
    case .accountable: return "accountable"
    case .consulted: return "consulted"
    case .informed: return "informed"
    }
  }
}
