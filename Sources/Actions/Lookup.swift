import BatonModel
import WorkspaceStore

/// Finding the records a workflow names, with the nearest matches when they do not exist.
enum Lookup {
  /// The deal in slot `deal`, or the refusal to give.
  static func deal(_ request: ActionRequest, _ workspace: Workspace) throws -> Found<Deal> {
    guard let key = request.key("deal") else { return .refused(Replies.missing("deal")) }
    if let id = Int64(key), let deal = try workspace.deal(id: id) { return .found(deal) }
    let nearest = try Int64(key).map { try workspace.nearestDealIDs(to: $0) } ?? []
    return .refused(Replies.notFound("deal \(key)", nearest: nearest.map { "deal \($0)" }))
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
