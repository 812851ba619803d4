import BatonModel
import WorkspaceStore

/// Finding the records a workflow names, with the nearest matches when they do not exist.
enum Lookup {
  /// The deal in slot `deal`, or the refusal to give.
  /// A deal is named by its number or, once imported, by its CRM id ("deal 1C1I7A6R"); a
  /// number that is no deal's may be a CRM id too (HubSpot's are numbers).
  static func deal(_ request: ActionRequest, _ workspace: any WorkspaceAccess) throws -> Found<Deal> {
    try record(.deal, request, workspace, fetch: workspace.deal(id:), orKey: workspace.deal(crmID:))
  }

  /// The numbered record (deal, task, lead, change) in the slot named after its kind, or
  /// "no task 99" with the nearest numbers that exist.
  ///
  /// - Parameter orKey: where a key that is no record's number is looked up next (a deal's
  ///   CRM id).
  static func record<Record>(
    _ kind: EntityKind, _ request: ActionRequest, _ workspace: any WorkspaceAccess, fetch: (Int64) throws -> Record?,
    orKey: (String) throws -> Record? = { _ in nil }
  ) throws -> Found<Record> {
    let name = kind.rawValue
    guard let key = request.key(name) else { return .refused(Replies.missing(name)) }
    if let id = Int64(key), let record = try fetch(id) { return .found(record) }
    if let record = try orKey(key) { return .found(record) }
    let nearest = try Int64(key).map { try workspace.nearestIDs(of: kind, to: $0, limit: 3) } ?? []
    return .refused(Replies.notFound("\(name) \(key)", nearest: nearest.map { "\(name) \($0)" }))
  }

  /// The person in slot `name`; `@me` is the actor.
  static func person(_ name: String, _ request: ActionRequest, _ workspace: any WorkspaceAccess) throws -> Found<Person>
  {
    guard var handle = request.key(name) else { return .refused(Replies.missing(name)) }
    if handle == "@me" { handle = request.actor.handle }
    guard let person = try workspace.person(handle: handle) else {
      return .refused(Replies.notFound("person called \(handle)"))
    }
    return .found(person)
  }
}

extension Lookup {
  /// The person in slot `name` when the line names one (a filter: "riley's stuck deals");
  /// nil when it names none.
  static func optionalPerson(_ name: String, _ request: ActionRequest, _ workspace: any WorkspaceAccess) throws
    -> Found<Person?>
  {
    guard request.key(name) != nil else { return .found(nil) }
    switch try person(name, request, workspace) {
    case .found(let person): return .found(person)
    case .refused(let reply): return .refused(reply)
    }
  }
}

/// A record a line named, or the reply that says it is not there.
enum Found<Value> {
  case found(Value)
  case refused(Reply)
}
