import BatonModel

/// Which deals a list, a summary or a figure is about: a line's filters ("Enterprise deals
/// closing this quarter", "riley's 5 biggest open deals"), every one optional.
public struct DealFilter: Hashable, Sendable {
  public var stage: String?
  public var ownerHandle: String?
  public var accountID: Int64?
  /// The account's segment ("Enterprise") or territory ("West"), as the workspace spells it.
  public var segment: String?
  public var territory: String?
  /// The owner's team.
  public var team: String?
  /// Close dates from the first day to the last, both included.
  public var closing: ClosedRange<Day>?
  public var includeClosed: Bool
  /// Largest amount first; otherwise by number.
  public var largestFirst: Bool
  public var limit: Int

  public init(
    stage: String? = nil, ownerHandle: String? = nil, accountID: Int64? = nil, segment: String? = nil,
    territory: String? = nil, team: String? = nil, closing: ClosedRange<Day>? = nil, includeClosed: Bool = false,
    largestFirst: Bool = false, limit: Int = 50
  ) {
    self.stage = stage
    self.ownerHandle = ownerHandle
    self.accountID = accountID
    self.segment = segment
    self.territory = territory
    self.team = team
    self.closing = closing
    self.includeClosed = includeClosed
    self.largestFirst = largestFirst
    self.limit = limit
  }

  /// Whether anything but the stage narrows the deals.
  public var narrowsBeyondStage: Bool {
    ownerHandle != nil || accountID != nil || segment != nil || territory != nil || team != nil || closing != nil
  }
}
