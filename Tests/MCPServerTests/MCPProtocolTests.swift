import BatonModel
import BatonTestSupport
import Foundation
import MCPServer
import Testing

/// The JSON-RPC layer: every request answered once under its id, notifications never,
/// faults as JSON-RPC errors with their codes.
@Suite(.tags(.fast)) struct MCPProtocolTests {
  @Test func initializeNegotiatesTheRevisionAndSaysWhoActs() throws {
    let current = try MCPHarness(client: nil).initialize(version: "2025-06-18")
    #expect(current["result"]?["protocolVersion"] == "2025-06-18")
    #expect(current["result"]?["serverInfo"]?["name"] == "baton")
    // A revision it does not serve: it offers its newest; the client decides.
    let future = try MCPHarness(client: nil).initialize(version: "2099-01-01")
    #expect(future["result"]?["protocolVersion"] == .string(MCPServer.protocolVersions[0]))
    guard case .string(let instructions)? = future["result"]?["instructions"] else {
      Issue.record("no instructions")
      return
    }
    #expect(instructions.contains("Jordan Reyes (jordan, role revops)"))
    #expect(instructions.contains("returns the plan and a confirm token"))
    let said = try MCPHarness(yes: true, client: nil).initialize()["result"]?["instructions"]
    #expect(said.map { "\($0)" }?.contains("started with --yes") == true)
  }

  @Test func malformedMessagesAreAnsweredWithTheirCodes() throws {
    let harness = try MCPHarness()
    func error(_ line: String) throws -> (code: JSONValue?, id: JSONValue?) {
      let lines = try harness.send(line)
      try #require(lines.count == 1, "\(line) → \(lines)")
      return (lines[0]["error"]?["code"], lines[0]["id"])
    }
    #expect(try error("{not json") == (-32700, .null))
    #expect(try error(#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#) == (-32600, .null))
    #expect(try error(#"{"id":7,"method":"ping"}"#) == (-32600, 7))
    #expect(try error(#"{"jsonrpc":"2.0","id":8,"method":12}"#) == (-32600, 8))
    #expect(try error(#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#) == (-32600, .null))
    #expect(try error(#"{"jsonrpc":"2.0","id":"x","method":"sampling/nothing"}"#) == (-32601, "x"))
    #expect(try error(#"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"arguments":{}}}"#) == (-32602, 9))
    #expect(
      try error(#"{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"ask","arguments":[1]}}"#)
        == (-32602, 10))
    #expect(try error(#"{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"nope"}}"#) == (-32602, 11))
    #expect(
      try error(#"{"jsonrpc":"2.0","id":12,"method":"resources/read","params":{"uri":"baton://nothing"}}"#)
        == (-32002, 12))
  }

  @Test func onlyPingComesBeforeInitializeAndInitializeComesOnce() throws {
    let harness = try MCPHarness(client: nil)
    #expect(try harness.request("tools/list")["error"]?["code"] == -32600)
    #expect(try harness.request("ping")["result"] == .object([:]))
    #expect(try harness.request("initialize", ["capabilities": [:]])["error"]?["code"] == -32602)
    #expect(try harness.initialize()["result"]?["protocolVersion"] == "2025-11-25")
    #expect(try harness.initialize()["error"]?["code"] == -32600)
    #expect(try harness.request("tools/list")["result"] != nil)
  }

  @Test func aDeeplyNestedMessageIsAParseErrorNotACrash() throws {
    let harness = try MCPHarness()
    let lines = try harness.send(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
    #expect(lines.first?["error"]?["code"] == -32700)
  }

  @Test func notificationsAndResponsesAreNeverAnswered() throws {
    let harness = try MCPHarness()
    #expect(try harness.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#).isEmpty)
    #expect(try harness.send(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":3}}"#).isEmpty)
    #expect(try harness.send(#"{"jsonrpc":"2.0","id":4,"result":{}}"#).isEmpty)
    // An error response to no request of its own, even one with a null id, is not answered.
    #expect(try harness.send(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}}"#).isEmpty)
    #expect(try harness.request("ping")["result"] == .object([:]))
  }

  @Test func anOversizedMessageIsAnsweredWithoutItsID() throws {
    let harness = try MCPHarness()
    let response = try JSONDecoder().decode(
      JSONValue.self, from: harness.server.respondToOversized(bytes: 9_000_000, limit: 4_194_304))
    #expect(response["error"]?["code"] == -32600)
    #expect(response["id"] == .null)
  }

  @Test func theModelsTablesAreResources() throws {
    let harness = try MCPHarness()
    guard case .array(let listed)? = try harness.request("resources/list")["result"]?["resources"] else {
      Issue.record("no resources")
      return
    }
    #expect(listed.compactMap { $0["uri"] }.contains("baton://model/ownership"))
    let read = try harness.request("resources/read", ["uri": "baton://model/handoff-rules"])
    guard case .array(let contents)? = read["result"]?["contents"], case .string(let text)? = contents.first?["text"]
    else {
      Issue.record("nothing read: \(read)")
      return
    }
    #expect(text.contains("\"sla_hours\" : 72"))
  }
}
