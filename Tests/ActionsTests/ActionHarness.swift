import Actions
import BatonModel
import BatonTestSupport
import Foundation
import Testing
import WorkspaceStore

/// A fresh in-memory demo workspace at `Fixtures.today`, and the requests the action tests
/// send to it through `ActionRegistry.standard`.
struct ActionHarness {
  let workspace: Workspace
  /// The shared workspace behind `workspace`, kept while the harness is.
  private let shared: SharedDemo?

  /// With `BATON_TEST_STORE=postgres` (and a test server), the demo on a shared workspace,
  /// opened as the admin's login: the same tests on the other store (audit rows then say
  /// `morgan`, whom the login is).
  init() throws {
    if ProcessInfo.processInfo.environment["BATON_TEST_STORE"] == "postgres" {
      let shared = try SharedDemo(actingAs: "morgan")
      self.shared = shared
      workspace = shared.workspace
    } else {
      shared = nil
      workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    }
  }

  /// Whom an audit row made by `handle`'s request names: on a shared workspace the login's
  /// person, whoever the request said.
  func auditActor(_ handle: String) -> String {
    shared == nil ? handle : "morgan"
  }

  /// The demo person with this handle, as an actor.
  func actor(_ handle: String) throws -> Actor {
    try #require(try workspace.actor(named: handle), "no person '\(handle)' in the demo")
  }

  /// A request for `action` by `handle`, with its slots said on the line.
  func request(
    _ action: String, as handle: String = "priya", input: String? = nil, ownChanges: [Int64] = [],
    _ slots: [String: EntityValue] = [:]
  ) throws -> ActionRequest {
    ActionRequest(
      action: action, slots: slots.mapValues { SlotValue($0) }, actor: try actor(handle), input: input ?? action,
      today: Fixtures.today, intent: action, ownChanges: ownChanges)
  }

  /// The reply of a question action.
  func ask(
    _ action: String, as handle: String = "priya", _ slots: [String: EntityValue] = [:]
  ) throws -> Reply {
    let handler = try #require(ActionRegistry.standard.handler(for: action), "no handler for \(action)")
    return try handler(try request(action, as: handle, slots), workspace)
  }

  /// What a side-effect action proposes, before anything is written.
  func propose(
    _ action: String, as handle: String = "priya", input: String? = nil, ownChanges: [Int64] = [],
    _ slots: [String: EntityValue] = [:]
  ) throws -> Outcome {
    let workflow = try #require(ActionRegistry.standard.workflow(for: action), "no workflow for \(action)")
    return try workflow(try request(action, as: handle, input: input, ownChanges: ownChanges, slots), workspace)
  }

  /// The plan a side-effect action proposes; records an issue when it answers instead.
  func plan(
    _ action: String, as handle: String = "priya", input: String? = nil, ownChanges: [Int64] = [],
    _ slots: [String: EntityValue] = [:]
  ) throws -> Plan {
    switch try propose(action, as: handle, input: input, ownChanges: ownChanges, slots) {
    case .plan(let plan): return plan
    case .reply(let reply):
      Issue.record("\(action) answered instead of planning: \(reply.firstLine)")
      throw HarnessError.noPlan
    }
  }

  /// The reply a side-effect action gives instead of a plan (a refusal, "already done").
  func answer(
    _ action: String, as handle: String = "priya", input: String? = nil, ownChanges: [Int64] = [],
    _ slots: [String: EntityValue] = [:]
  ) throws -> Reply {
    switch try propose(action, as: handle, input: input, ownChanges: ownChanges, slots) {
    case .reply(let reply): return reply
    case .plan(let plan):
      Issue.record("\(action) planned instead of answering: \(plan.summary)")
      throw HarnessError.unexpectedPlan
    }
  }

  /// Runs a confirmed side effect and returns the audit row it wrote.
  @discardableResult
  func perform(
    _ action: String, as handle: String = "priya", input: String? = nil, _ slots: [String: EntityValue]
  ) throws -> Int64 {
    let done = try plan(action, as: handle, input: input, slots).perform()
    #expect(done.kind == .done, "\(action): \(done.firstLine)")
    return try #require(done.auditID, "\(action)'s reply carries no audit_id")
  }
}

/// Why a harness step could not go on (an issue is recorded first).
enum HarnessError: Error {
  case noPlan
  case unexpectedPlan
}

/// Slot values as the resolver would fill them.
enum Slot {
  static func deal(_ id: Int64) -> EntityValue { EntityValue(kind: .deal, key: String(id), display: "deal \(id)") }
  static func lead(_ id: Int64) -> EntityValue { EntityValue(kind: .lead, key: String(id), display: "lead \(id)") }
  static func stage(_ id: String, _ name: String) -> EntityValue { EntityValue(kind: .stage, key: id, display: name) }
  static func person(_ handle: String, _ name: String) -> EntityValue {
    EntityValue(kind: .person, key: handle, display: name)
  }
  static func responsibility(_ id: String, _ name: String) -> EntityValue {
    EntityValue(kind: .responsibility, key: id, display: name)
  }
  static func raci(_ role: RACIRole) -> EntityValue { EntityValue(kind: .raci, key: role.rawValue, display: role.word) }
  static func metric(_ id: String, _ name: String) -> EntityValue { EntityValue(kind: .metric, key: id, display: name) }
  static func period(_ key: String) -> EntityValue { EntityValue(kind: .period, key: key, display: key) }
  static func date(_ day: Day) -> EntityValue { EntityValue(kind: .date, key: day.iso, display: day.iso) }
  static func number(_ value: Int) -> EntityValue {
    EntityValue(kind: .number, key: String(value), display: String(value))
  }
  static func text(_ text: String) -> EntityValue { EntityValue(kind: .text, key: text, display: text) }
  static func group(_ key: String) -> EntityValue { EntityValue(kind: .group, key: key, display: "by \(key)") }
}

extension Reply {
  /// The reply's data as an object, or empty.
  var object: [String: JSONValue] {
    if case .object(let object) = data { return object }
    return [:]
  }

  /// The whole number in member `key` of the reply's data.
  func int(_ key: String) -> Int64? {
    if case .int(let value)? = object[key] { return value }
    return nil
  }

  /// The audit row a done reply carries.
  var auditID: Int64? { int("audit_id") }

  /// The text of every paragraph, in order, without tables and charts.
  var paragraphs: [String] {
    blocks.compactMap { block in
      if case .text(let text) = block { return text }
      return nil
    }
  }
}

extension JSONValue {
  /// The members of an object, or nil.
  var object: [String: JSONValue]? {
    if case .object(let object) = self { return object }
    return nil
  }

  /// The elements of an array, or nil.
  var array: [JSONValue]? {
    if case .array(let array) = self { return array }
    return nil
  }

  /// The text of a string, or nil.
  var string: String? {
    if case .string(let string) = self { return string }
    return nil
  }
}
