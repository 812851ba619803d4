import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import MCPServer
import WorkspaceStore

/// An MCP server on a fresh demo workspace, spoken to one message at a time, with a clock
/// the test moves on.
final class MCPHarness {
  let server: MCPServer
  let session: Session
  let workspace: Workspace
  private let clock = TestClock()
  private var nextID: Int64 = 0

  /// The test's clock: now, until a test moves it on.
  final class TestClock: @unchecked Sendable {
    var now = ContinuousClock.now
  }

  /// Moves the server's clock on.
  func wait(_ duration: Duration) { clock.now = clock.now.advanced(by: duration) }

  /// - Parameter client: the client's name `initialize` gives; nil: not initialized yet.
  init(actor: String = "jordan", yes: Bool = false, client: String? = "test-agent") throws {
    workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    guard let matcher = try Fixtures.demoMatcher.get() else { throw FixtureError("no demo matcher") }
    session = try Fixtures.session(on: workspace, matcher: matcher, actor: actor)
    let clock = self.clock
    server = MCPServer(session: session, options: .init(executesAtOnce: yes, version: "test"), clock: { clock.now })
    if let client { _ = try initialize(client: client) }
  }

  /// The lines the server writes for one message, each read back as JSON.
  func send(_ line: String) throws -> [JSONValue] {
    try server.respond(to: Data(line.utf8)).map { try JSONDecoder().decode(JSONValue.self, from: $0) }
  }

  /// A request's one response (after any notifications).
  func request(_ method: String, _ params: JSONValue = [:]) throws -> JSONValue {
    nextID += 1
    let message: JSONValue = ["jsonrpc": "2.0", "id": .int(nextID), "method": .string(method), "params": params]
    let lines = try send(message.jsonText)
    guard let last = lines.last, last["id"] == .int(nextID) else {
      throw FixtureError("no response to \(method): \(lines)")
    }
    return last
  }

  func initialize(client: String = "test-agent", version: String = "2025-11-25") throws -> JSONValue {
    try request(
      "initialize",
      [
        "protocolVersion": .string(version), "capabilities": [:],
        "clientInfo": ["name": .string(client), "version": "9"],
      ])
  }

  /// A tool call's result (the response's `result`).
  func call(_ tool: String, _ arguments: JSONValue) throws -> ToolResult {
    let response = try request("tools/call", ["name": .string(tool), "arguments": arguments])
    guard let result = response["result"] else { throw FixtureError("a protocol error: \(response)") }
    return ToolResult(json: result)
  }

  struct ToolResult {
    var json: JSONValue
    var isError: Bool { json["isError"] == .bool(true) }
    var text: String {
      if case .array(let blocks)? = json["content"], case .string(let text)? = blocks.first?["text"] { return text }
      return ""
    }
    var structured: JSONValue { json["structuredContent"] ?? .null }
    var token: String? {
      if case .string(let token)? = structured["confirm"]?["token"] { return token }
      return nil
    }
  }
}
