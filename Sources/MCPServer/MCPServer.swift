import Actions
import Assistant
import BatonModel
import Foundation
import IntentMatching
import Rendering
import WorkspaceStore

/// baton as a Model Context Protocol server: an AI agent asks and acts through the
/// session, with the same roles, plans, confirmations and audit as a person at the prompt.
///
/// The protocol only: each message in, the lines to write out. One message is answered
/// before the next is read, so responses come in the order of the requests, each exactly
/// once. The actor is the session's, fixed when the server starts, never a tool argument.
public final class MCPServer {
  public struct Options: Sendable {
    /// Whether side effects run when called (`--yes`) rather than returning a plan and a
    /// token for `confirm`.
    public var executesAtOnce: Bool
    /// How long a confirm token is valid.
    public var tokenLifetime: Duration
    /// baton's version, as `initialize` reports it.
    public var version: String

    public init(executesAtOnce: Bool = false, tokenLifetime: Duration = .seconds(300), version: String) {
      self.executesAtOnce = executesAtOnce
      self.tokenLifetime = tokenLifetime
      self.version = version
    }
  }

  /// The protocol revisions served through `initialize`, newest first.
  public static let protocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

  let session: Session
  let options: Options
  var names: WorkspaceNames
  var tools: ToolCatalog
  private var namesVersion: Int
  /// Whether `initialize` has been answered: before it only `initialize` and `ping` are.
  private var initialized = false
  var tokens: ConfirmationTokens
  let clock: () -> ContinuousClock.Instant

  /// - Parameter clock: now, for tokens' lifetimes; injected so tests can move it on.
  public init(session: Session, options: Options, clock: @escaping () -> ContinuousClock.Instant = { .now }) {
    self.session = session
    self.options = options
    self.clock = clock
    session.confirmations = options.executesAtOnce ? .assumeYes : .ask
    session.channel = AuditChannel(name: "mcp")
    (names, tools) = Self.tools(of: session, options)
    namesVersion = session.matcher.namesVersion
    tokens = ConfirmationTokens(lifetime: options.tokenLifetime)
  }

  /// The lines answering one message: its response (none for a notification), after any
  /// notification it causes (the tool list changed with the workspace's names).
  public func respond(to message: Data) -> [Data] {
    switch JSONRPC.read(message) {
    case .response, .notification: return []
    case .invalid(let id, let error): return [JSONRPC.error(id: id, error)]
    case .request(let id, let method, let params):
      let response: Data
      do {
        response = JSONRPC.result(id: id, try handle(method, params))
      } catch let error as RPCError {
        response = JSONRPC.error(id: id, error)
      } catch {
        response = JSONRPC.error(id: id, RPCError(-32603, "Internal error: \(error)"))
      }
      return namesChanged() + [response]
    }
  }

  /// The answer to a message longer than the reader takes: it could not be read, so its
  /// id is unknown.
  public func respondToOversized(bytes: Int, limit: Int) -> Data {
    JSONRPC.error(
      id: .null, .invalidRequest("the message is \(bytes) bytes long; this server reads messages of up to \(limit)"))
  }

  private func handle(_ method: String, _ params: JSONValue) throws -> JSONValue {
    switch method {
    case "initialize": return try initialize(params)
    case "ping": return .object([:])
    default: break
    }
    guard initialized else {
      throw RPCError.invalidRequest("“\(method)” before initialize: the client sends initialize first")
    }
    // Names another session changed (a stage approved elsewhere) are this server's too.
    if method.hasPrefix("tools/") { session.noticeNameChanges() }
    switch method {
    case "tools/list": return ["tools": .array(tools.tools.map(\.definition))]
    case "tools/call": return try callTool(params)
    case "resources/list": return ["resources": .array(ModelResources.list)]
    case "resources/read": return try ModelResources.read(params, workspace: session.workspace)
    default: throw RPCError.methodNotFound(method)
    }
  }

  private func initialize(_ params: JSONValue) throws -> JSONValue {
    guard !initialized else { throw RPCError.invalidRequest("initialize was answered already") }
    guard case .object(let members) = params, case .string(let requested)? = members["protocolVersion"] else {
      throw RPCError.invalidParams("initialize needs protocolVersion, a string")
    }
    var client: String?
    if case .object(let info)? = members["clientInfo"], case .string(let name)? = info["name"] {
      var words = name
      if case .string(let version)? = info["version"] { words += " \(version)" }
      // What the audit log keeps of it: printable, and short.
      client = String(
        String.UnicodeScalarView(words.unicodeScalars.filter { $0.properties.generalCategory != .control }.prefix(100)))
    }
    session.channel = AuditChannel(name: "mcp", client: client)
    initialized = true
    let version = Self.protocolVersions.contains(requested) ? requested : Self.protocolVersions[0]
    return [
      "protocolVersion": .string(version),
      "capabilities": ["tools": ["listChanged": true], "resources": ["listChanged": false]],
      "serverInfo": ["name": "baton", "title": "baton", "version": .string(options.version)],
      "instructions": .string(instructions),
    ]
  }

  /// What an agent is told at `initialize`: who it acts as, and how changes are confirmed.
  var instructions: String {
    let actor = session.actor
    let changes =
      options.executesAtOnce
      ? "This server was started with --yes: a change runs as soon as it is called, with no plan shown first."
      : "A change is never made by the call that asks for it: the call returns the plan and a confirm token; `confirm` with the token carries it out, if the plan is still the same."
    return """
      baton answers revenue-operations questions from its workspace and runs its governed workflows. \
      Everything here is done as \(actor.name) (\(actor.handle), role \(actor.role.rawValue)), fixed when the \
      server started; a workflow beyond that role is refused. Ask in words with `ask`, or call a typed tool. \
      \(changes) Every change and every refusal is in the audit log with the channel mcp; `ask` with \
      “undo” reverses this server's latest change.
      """
  }

  /// After a change to the workspace's names (a stage approved), the tools' choices follow.
  private func namesChanged() -> [Data] {
    guard session.matcher.namesVersion != namesVersion else { return [] }
    namesVersion = session.matcher.namesVersion
    (names, tools) = Self.tools(of: session, options)
    let notification: JSONValue = ["jsonrpc": "2.0", "method": "notifications/tools/list_changed"]
    return [Data(notification.jsonText.utf8)]
  }

  /// The names tool arguments are read among, and the tools made with them, as the
  /// session's matcher knows them now.
  private static func tools(of session: Session, _ options: Options) -> (WorkspaceNames, ToolCatalog) {
    let names = WorkspaceNames(session.matcher.names + session.matcher.catalog.vocabulary)
    let tools = ToolCatalog(
      catalog: session.matcher.catalog, names: names, registry: .standard, executesAtOnce: options.executesAtOnce)
    return (names, tools)
  }
}
