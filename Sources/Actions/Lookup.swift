import BatonModel
import WorkspaceStore

/// Finding the records a workflow names, with the nearest matches when they do not exist.
enum Lookup {
  /// The deal in slot `deal`, or the refusal to give.
  /// A deal is named by its number or, once imported, by its CRM id ("deal 1C1I7A6R"); a
  /// number that is no deal's may be a CRM id too (HubSpot's are numbers).
  static func deal(_ request: ActionRequest, _ workspace: Workspace) throws -> Found<Deal> {
    if let key = request.key("deal"), Int64(key).flatMap({ try? workspace.deal(id: $0) }) == nil,
      let deal = try workspace.deal(crmID: key)
    {
      return .found(deal)
    }
    return try record(.deal, request, workspace, fetch: workspace.deal(id:))
  }

  /// The numbered record (deal, task, lead, change) in the slot named after its kind, or
  /// "no task 99" with the nearest numbers that exist.
  static func record<Record>(
    _ kind: EntityKind, _ request: ActionRequest, _ workspace: Workspace, fetch: (Int64) throws -> Record?
  ) throws -> Found<Record> {
    let name = kind.rawValue
    guard let key = request.key(name) else { return .refused(Replies.missing(name)) }
    if let id = Int64(key), let record = try fetch(id) { return .found(record) }
    let nearest = try Int64(key).map { try workspace.nearestIDs(of: kind, to: $0) } ?? []
    return .refused(Replies.notFound("\(name) \(key)", nearest: nearest.map { "\(name) \($0)" }))
  }

  /// The person in slot `name`; `@me` is the actor.
  static func person(_ name: String, _ request: ActionRequest, _ workspace: Workspace) throws -> Found<Person> {
    guard var handle = request.key(name) else { return .refused(Replies.missing(name)) }
    if handle == "@me" { handle = request.actor.handle }
    guard let person = try workspace.person(handle: handle) else {
      return .refused(Replies.notFound("person called \(handle)"))
    }
    return .found(person)
  }
}

/// A record a line named, or the reply that says it is not there.
enum Found<Value> {
  case found(Value)
  case refused(Reply)
}
