import BatonModel

/// One deal row of a CRM export, already checked: what the store upserts by CRM id.
public struct ImportedDeal: Sendable, Equatable {
  /// The line of the file it came from, for messages.
  public var line: Int
  public var crmID: String
  public var name: String
  /// The account's name; made when the workspace has none by that name.
  public var account: String?
  /// The owner's name, handle or e-mail; a person is made when none matches.
  public var owner: String?
  /// A stage id of the workspace.
  public var stage: String
  public var amount: Int64?
  public var closeDate: Day?
  public var createdDate: Day?

  public init(
    line: Int, crmID: String, name: String, account: String?, owner: String?, stage: String,
    amount: Int64?, closeDate: Day?, createdDate: Day?
  ) {
    self.line = line
    self.crmID = crmID
    self.name = name
    self.account = account
    self.owner = owner
    self.stage = stage
    self.amount = amount
    self.closeDate = closeDate
    self.createdDate = createdDate
  }
}

/// One account row; matched by name on re-import.
public struct ImportedAccount: Sendable, Equatable {
  public var line: Int
  public var name: String
  public var segment: String?
  public var territory: String?
  public var employees: Int?
  public var owner: String?
  public var csm: String?

  public init(
    line: Int, name: String, segment: String?, territory: String?, employees: Int?, owner: String?,
    csm: String?
  ) {
    self.line = line
    self.name = name
    self.segment = segment
    self.territory = territory
    self.employees = employees
    self.owner = owner
    self.csm = csm
  }
}

/// One person row; matched by handle, else by full name, on re-import.
public struct ImportedPerson: Sendable, Equatable {
  public var line: Int
  public var name: String
  /// A handle to use; derived from the name when nil.
  public var handle: String?
  public var title: String?
  /// A team id, name or alias of the workspace.
  public var team: String?
  public var role: Role?

  public init(line: Int, name: String, handle: String?, title: String?, team: String?, role: Role?) {
    self.line = line
    self.name = name
    self.handle = handle
    self.title = title
    self.team = team
    self.role = role
  }
}

/// What an import did.
public struct ImportTally: Sendable, Equatable {
  public var created = 0
  public var updated = 0
  /// Rows that matched a record with the same values: nothing written.
  public var unchanged = 0
  public var accountsCreated = 0
  public var peopleCreated = 0
  /// The audit row that records the import.
  public var auditID: Int64 = 0

  public init() {}
}
