import BatonModel
import BatonTestSupport
import Foundation
import Testing

/// `baton mcp` as a process: every request answered exactly once, in order, also when the
/// input closes straight after the requests, and through a flood and an oversized message.
@Suite(.tags(.process)) struct MCPProcessTests {
  let runner: BinaryRunner
  let workspace: String

  init() throws {
    runner = try BinaryRunner()
    workspace = runner.home.appendingPathComponent("team.sqlite").path
    let made = try runner.run(["init", workspace])
    try #require(made.status == 0, "\(made.stderr)")
  }

  private static func request(_ id: Int, _ method: String, _ params: JSONValue = [:]) -> String {
    (["jsonrpc": "2.0", "id": .int(Int64(id)), "method": .string(method), "params": params] as JSONValue).jsonText
  }

  /// The ids of the responses, in the order written; each line must be a JSON-RPC response.
  private func responseIDs(_ stdout: String) throws -> [JSONValue] {
    try stdout.split(separator: "\n").map { line in
      let value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
      guard case .object(let members) = value, members["jsonrpc"] == "2.0", let id = members["id"] else {
        throw FixtureError("not a response: \(line)")
      }
      return id
    }
  }

  @Test func requestsPipedThenClosedAreAllAnsweredInOrder() throws {
    let lines = [
      Self.request(
        1, "initialize", ["protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "pipe"]]),
      #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
      Self.request(2, "tools/list"),
      Self.request(3, "tools/call", ["name": "ask", "arguments": ["line": "who owns stage exit criteria"]]),
      Self.request(4, "ping"),
      Self.request(5, "tools/call", ["name": "deal_show", "arguments": ["deal": 42]]),
    ]
    for _ in 0..<10 {
      let result = try runner.run(
        ["mcp", "--workspace", workspace, "--as", "jordan"], stdin: lines.joined(separator: "\n"))
      #expect(result.status == 0, "\(result.stderr)")
      #expect(try responseIDs(result.stdout) == [1, 2, 3, 4, 5])
    }
  }

  @Test func aFloodAndAnOversizedMessageNeitherCrashNorStallIt() throws {
    var input =
      Self.request(
        0, "initialize", ["protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "flood"]])
      + "\n"
    for id in 1...10_000 {
      let ask = Self.request(id, "tools/call", ["name": "ask", "arguments": ["line": "list the stages"]])
      input += (id % 1_000 == 0 ? ask : Self.request(id, "ping")) + "\n"
    }
    input +=
      #"{"jsonrpc":"2.0","id":10001,"method":"ping","params":{"pad":""# + String(repeating: "z", count: 5_000_000)
      + "\"}}\n"
    input += Self.request(10_002, "ping")  // no newline: the input ends with it
    let path = runner.home.appendingPathComponent("flood.jsonl").path
    try Data(input.utf8).write(to: URL(fileURLWithPath: path))
    let result = try runner.run(["mcp", "--workspace", workspace], inputPath: path)
    #expect(result.status == 0, "\(result.stderr)")
    let ids = try responseIDs(result.stdout)
    // The oversized message cannot be read, so its answer carries no id.
    #expect(ids == (0...10_000).map { JSONValue.int(Int64($0)) } + [.null, 10_002])
  }

  /// A folder of a team's own intents in the runner's home, holding `text` as `file`.
  private func intentsFolder(_ name: String, file: String, _ text: String) throws -> URL {
    let folder = runner.home.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: folder.appendingPathComponent(file))
    return folder
  }

  @Test func aTeamIntentThatChangesTheWorkspaceMustSaySo() throws {
    // Declared a question, it would be read with a question's lower bar and shown to agents
    // as read-only.
    let file = """
      version: 1
      intents:
        - name: team.push
          description: push a deal along
          action: deal.move
          slots: {deal: {type: deal, required: true}, stage: {type: stage, required: true}}
          examples:
            - shove {deal} into {stage}
            - nudge {deal} to {stage}
            - jog {deal} on to {stage}
      """
    let folder = try intentsFolder("team-intents", file: "push.yaml", file)
    let served = try runner.run(["mcp", "--workspace", workspace, "--intents", folder.path], stdin: "")
    #expect(served.status == 65)
    #expect(
      served.stderr.contains(
        "push.yaml:3:1: error: intent 'team.push' runs 'deal.move', which changes the workspace: it needs side_effects: true"
      ), "\(served.stderr)")
  }

  @Test func aTeamsOwnIntentIsAToolToo() throws {
    let file = """
      version: 1
      intents:
        - name: team.cold_deals
          description: the deals that went cold
          action: deal.stuck
          slots: {days: number}
          examples:
            - which deals went cold
            - cold deals over {days} days
            - what has gone cold
      """
    let folder = try intentsFolder("own-intents", file: "cold.yaml", file)
    let lines = [
      Self.request(
        1, "initialize", ["protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "t"]]),
      Self.request(2, "tools/list"),
      Self.request(3, "tools/call", ["name": "team_cold_deals", "arguments": ["days": 90]]),
    ]
    let result = try runner.run(
      ["mcp", "--workspace", workspace, "--intents", folder.path], stdin: lines.joined(separator: "\n"))
    #expect(result.status == 0, "\(result.stderr)")
    let responses = try result.stdout.split(separator: "\n").map {
      try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
    }
    try #require(responses.count == 3)
    guard case .object(let list) = responses[1], case .object(let listed)? = list["result"],
      case .array(let tools)? = listed["tools"]
    else {
      Issue.record("no tools: \(responses[1])")
      return
    }
    let tool = tools.first { if case .object(let members) = $0 { members["name"] == "team_cold_deals" } else { false } }
    #expect(tool != nil)
    #expect(result.stdout.contains(#""isError":false"#) && result.stdout.contains("90 days"), "\(result.stdout)")
  }
}
