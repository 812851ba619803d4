import BatonModel
import WorkspaceStore

/// The deals a line's filters pick ("Enterprise deals closing this quarter", "riley's 5
/// biggest deals"), read from its slots, with the words that describe them in a reply.
enum DealFilters {
  struct Reading {
    var filter: DealFilter
    /// "owned by Riley Chen", "at Globex", "in Enterprise", "closing in Q4 2026".
    var description: [String]
    /// How many the line asked for ("top 5"), if it did.
    var top: Int?
  }

  /// The filter in `request`'s slots, or the refusal for a name that is not there.
  static func read(_ request: ActionRequest, _ workspace: any WorkspaceAccess) throws -> Found<Reading> {
    var reading = Reading(filter: DealFilter(), description: [])
    let display = { (slot: String) in request.slots[slot]?.value.display ?? request.key(slot) ?? "" }
    if let stage = request.key("stage") {
      reading.filter.stage = stage
      reading.description.append("in \(display("stage"))")
    }
    switch try Lookup.optionalPerson("person", request, workspace) {
    case .found(let person?):
      reading.filter.ownerHandle = person.handle
      reading.description.append("owned by \(person.handle == request.actor.handle ? "you" : person.name)")
    case .found(nil): break
    case .refused(let reply): return .refused(reply)
    }
    if let account = request.key("account") {
      guard let id = Int64(account) else { return .refused(Replies.notFound("account \(display("account"))")) }
      reading.filter.accountID = id
      reading.description.append("at \(display("account"))")
    }
    if let segment = request.key("segment") {
      reading.filter.segment = segment
      reading.description.append("in \(segment)")
    }
    if let territory = request.key("territory") {
      reading.filter.territory = territory
      reading.description.append("in the \(territory) territory")
    }
    if let team = request.key("team") {
      reading.filter.team = team
      reading.description.append("owned by \(display("team"))")
    }
    // Open deals close ahead ("closing in March" in December is next March); deals in a
    // closed stage closed in the one gone by.
    let closed = try request.key("stage").flatMap { try workspace.stage(id: $0) }.map {
      StageKind(rawValue: $0.kind)?.isClosed ?? false
    }
    let said = request.slots["period"]?.value
    if let period = closed == true
      ? said.flatMap({ Period(key: $0.key) }) : PeriodAhead.period(said, today: request.today)
    {
      reading.filter.closing = period.start...period.end
      reading.description.append("closing in \(period.name)")
    }
    if let top = request.number("top") {
      guard top > 0, top <= 1_000 else {
        return .refused(
          .refused("A top list is 1 to 1,000 deals; \(top) is not.", reason: .invalidNumber, ["top": .int(top)]))
      }
      reading.top = Int(top)
      reading.filter.largestFirst = true
    }
    return .found(reading)
  }
}
