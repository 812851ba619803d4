/// What a CSV file is imported as, and the fields each kind takes.
public enum ImportKind: String, CaseIterable, Sendable {
  case deals, accounts, people

  /// The fields a column can be mapped to (`--map COLUMN=FIELD`), in the order help lists them.
  public var fields: [String] {
    switch self {
    case .deals: ["crm_id", "name", "account", "owner", "stage", "amount", "close_date", "created_date"]
    case .accounts: ["name", "segment", "territory", "employees", "owner", "csm"]
    case .people: ["name", "first_name", "last_name", "handle", "email", "title", "team", "role"]
    }
  }

  /// Fields without which no row can be taken: some column must map to each. For people, a
  /// name or a first and last name.
  var requiredFields: [[String]] {
    switch self {
    case .deals: [["crm_id"], ["stage"]]
    case .accounts: [["name"]]
    case .people: [["name", "first_name"]]
    }
  }

  /// Singular, for messages ("a deal row").
  var singular: String {
    switch self {
    case .deals: "deal"
    case .accounts: "account"
    case .people: "person"
    }
  }
}
