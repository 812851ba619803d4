import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import MCPServer
import Testing
import WorkspaceStore

/// Tools: typed from the intent files, changes planned and confirmed by a single-use token,
/// refusals and bad arguments as results an agent can read, every change audited as mcp.
@Suite(.tags(.fast)) struct MCPToolTests {
  private func tools(_ harness: MCPHarness) throws -> [String: JSONValue] {
    guard case .array(let listed)? = try harness.request("tools/list")["result"]?["tools"] else { return [:] }
    var byName: [String: JSONValue] = [:]
    for tool in listed { if case .string(let name)? = tool["name"] { byName[name] = tool } }
    return byName
  }

  @Test func eachWorkflowAndQuestionIsATypedTool() throws {
    let harness = try MCPHarness()
    let tools = try tools(harness)
    for name in ["ask", "confirm", "deal_move", "handoff_trigger", "task_assign", "ownership_who", "summary_forecast"] {
      #expect(tools[name] != nil, "no tool \(name)")
    }
    // The conversation's own verbs are not tools: an agent confirms with a token.
    #expect(tools["confirm_yes"] == nil && tools["session_quit"] == nil)
    let move = try #require(tools["deal_move"]?["inputSchema"])
    #expect(move["properties"]?["deal"]?["type"] == "integer")
    guard case .array(let stages)? = move["properties"]?["stage"]?["enum"] else {
      Issue.record("no stage enum")
      return
    }
    #expect(stages.contains("Negotiation") && stages.contains("Closed-Won"))
    #expect(move["required"] == ["deal", "stage"])
    #expect(tools["task_assign"]?["inputSchema"]?["properties"]?["date"]?["format"] == "date")
    #expect(tools["deal_move"]?["annotations"]?["readOnlyHint"] == false)
    #expect(tools["ownership_who"]?["annotations"]?["readOnlyHint"] == true)
  }

  @Test func aChangeIsPlannedThenConfirmedOnceAndAuditedAsMCP() throws {
    let harness = try MCPHarness(client: "claude-code")
    let plan = try harness.call(
      "task_assign", ["person": "Priya", "deal": 42, "task": "Send the MSA", "date": "2026-12-04"])
    let token = try #require(plan.token, "\(plan.json)")
    #expect(!plan.isError && plan.text.contains("Not done yet: to carry it out, call confirm with the token \(token)"))
    #expect(try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 5).isEmpty)

    let done = try harness.call("confirm", ["token": .string(token)])
    #expect(!done.isError && done.structured["kind"] == "done", "\(done.text)")
    let rows = try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 5)
    let row = try #require(rows.first)
    #expect(row.outcome == "done" && row.actor == "jordan")
    #expect(row.channel == AuditChannel(name: "mcp", client: "claude-code 9"))
    #expect(row.input.hasPrefix("task_assign {"))

    let replay = try harness.call("confirm", ["token": .string(token)])
    #expect(replay.isError && replay.text.contains("used already"))
    // The replay changed nothing and is on the log as refused.
    let after = try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 5)
    #expect(after.map(\.outcome) == ["refused", "done"] && after.first?.action == "confirm")
    // undo, asked in words, reverses the agent's own change.
    let undo = try harness.call("ask", ["line": "undo"])
    let undoToken = try #require(undo.token, "\(undo.text)")
    #expect(!(try harness.call("confirm", ["token": .string(undoToken)]).isError))
  }

  @Test func aTokenExpiresAndItsRefusalIsAudited() throws {
    let harness = try MCPHarness()
    let plan = try harness.call("deal_update", ["deal": 42, "field": "budget confirmed"])
    harness.wait(.seconds(301))
    let late = try harness.call("confirm", ["token": .string(try #require(plan.token))])
    #expect(late.isError && late.text.contains("expired"))
    let rows = try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 5)
    #expect(rows.map(\.outcome) == ["refused"] && rows.first?.action == "deal.update")
    #expect(!(try harness.workspace.evidence(forDeal: 42).contains("field:budget_confirmed")))
  }

  @Test func aFurtherChangeHasItsOwnTokenAndIsUndoneWithItsFirst() throws {
    let harness = try MCPHarness()
    let reassign = try harness.call("account_reassign", ["account": "Hooli", "person": "Avery"])
    let offered = try harness.call("confirm", ["token": .string(try #require(reassign.token))])
    #expect(offered.text.contains("Move them to Avery Patel too?"), "\(offered.text)")
    let further = try #require(offered.token, "\(offered.text)")
    // Another change between the two: undo must not take it with them.
    let evidence = try harness.call("deal_update", ["deal": 42, "field": "budget confirmed"])
    _ = try harness.call("confirm", ["token": .string(try #require(evidence.token))])
    let moved = try harness.call("confirm", ["token": .string(further)])
    #expect(!moved.isError && moved.structured["kind"] == "done", "\(moved.text)")
    #expect(try harness.workspace.deal(id: 44)?.ownerHandle == "avery")
    let undo = try harness.call("ask", ["line": "undo"])
    _ = try harness.call("confirm", ["token": .string(try #require(undo.token, "\(undo.text)"))])
    #expect(try harness.workspace.deal(id: 44)?.ownerHandle != "avery")
    #expect(try harness.workspace.evidence(forDeal: 42).contains("field:budget_confirmed"))
  }

  @Test func aPlanThatNoLongerHoldsIsRefusedAndAudited() throws {
    let harness = try MCPHarness()
    let plan = try harness.call("account_reassign", ["account": "Hooli", "person": "Avery"])
    let token = try #require(plan.token, "\(plan.text)")
    // Meanwhile someone else gives Hooli to Quinn: the plan shown is not what would happen.
    let other = try Fixtures.session(on: harness.workspace, matcher: harness.session.matcher, actor: "jordan")
    other.confirmations = .assumeYes
    #expect(other.handle("reassign Hooli to Quinn").reply.kind == .done)
    let refused = try harness.call("confirm", ["token": .string(token)])
    #expect(refused.isError, "\(refused.text)")
    #expect(refused.structured["data"]?["reason"] == "plan_changed")
    let row = try #require(
      try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 1).first)
    #expect(row.outcome == "refused" && row.channel.name == "mcp")
  }

  @Test func withYesAChangeRunsWhenCalled() throws {
    let harness = try MCPHarness(yes: true)
    #expect(try tools(harness)["confirm"] == nil)
    let done = try harness.call("deal_update", ["deal": 42, "field": "budget confirmed"])
    #expect(!done.isError && done.token == nil && done.structured["kind"] == "done", "\(done.text)")
  }

  @Test func badArgumentsAreEachNamedAndTheRefusalAudited() throws {
    let harness = try MCPHarness()
    let bad = try harness.call("deal_move", ["deal": "forty-two", "stage": "Negotation", "soon": true])
    #expect(bad.isError)
    let row = try #require(
      try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 1).first)
    #expect(row.outcome == "refused" && row.action == "deal.move" && row.channel.name == "mcp")
    #expect(bad.text.contains("`deal` must be a whole number"))
    #expect(bad.text.contains("`stage` “Negotation” is no stage of this workspace; did you mean “Negotiation”?"))
    #expect(bad.text.contains("`soon` is not an argument"))
    let missing = try harness.call("deal_move", ["deal": 42])
    #expect(missing.isError && missing.text.contains("`stage` is required"))
    let date = try harness.call("task_assign", ["person": "Priya", "date": "2026-02-30"])
    #expect(date.isError && date.text.contains("there is no 2026-02-30 on the calendar"), "\(date.text)")
    // Text is what a line may be: one line, not a document.
    let escape = try harness.call("task_assign", ["person": "Priya", "task": "call\n\u{1B}[2Jback"])
    #expect(escape.isError && escape.text.contains("`task` holds control characters"))
    let long = try harness.call(
      "task_assign", ["person": "Priya", "task": .string(String(repeating: "a", count: 3_000))])
    #expect(long.isError && long.text.contains("`task` is 3000 characters long"))
    // A tool call has no conversation for "that quarter" to point into.
    let pointed = try harness.call("metric_value", ["metric": "win rate", "period": "that quarter"])
    #expect(pointed.isError && pointed.text.contains("points at an earlier period"), "\(pointed.text)")
  }

  @Test func aRoleIsEnforcedAndTheRefusalAudited() throws {
    let harness = try MCPHarness(actor: "sam")
    let refused = try harness.call("change_decide", ["change": 1, "decision": "approve"])
    #expect(refused.isError && refused.structured["data"]?["reason"] == "permission")
    let row = try #require(
      try harness.workspace.activity(since: nil, table: nil, recordID: nil, action: nil, limit: 1).first)
    #expect(row.outcome == "refused" && row.actor == "sam" && row.channel.name == "mcp")
  }

  @Test func aQuestionNeverChangesAnythingAndALineNotUnderstoodIsAnError() throws {
    let harness = try MCPHarness()
    let before = try harness.workspace.operatingModel()
    let answer = try harness.call("ownership_who", ["responsibility": "Stage exit criteria"])
    #expect(!answer.isError && answer.text.contains("RevOps"))
    let asked = try harness.call("ask", ["line": "should we move deal 42 to negotiation?"])
    #expect(asked.token == nil, "\(asked.text)")
    let lost = try harness.call("ask", ["line": "propose a toast to the team"])
    #expect(lost.isError && lost.token == nil)
    #expect(try harness.workspace.changeRequests(statuses: nil).count == 1)
    #expect(try harness.workspace.deal(id: 42)?.stage == "proposal")
    #expect(try harness.workspace.operatingModel() == before)
  }

  @Test func aStageApprovedThroughToolsBecomesAChoice() throws {
    let harness = try MCPHarness()
    let proposed = try harness.call("ask", ["line": "propose a new stage Verbal Commit after Negotiation"])
    _ = try harness.call("confirm", ["token": .string(try #require(proposed.token, "\(proposed.text)"))])
    let approval = try harness.call("change_decide", ["change": 2, "decision": "approve"])
    let token = try #require(approval.token, "\(approval.text)")
    let lines = try harness.send(
      ([
        "jsonrpc": "2.0", "id": 99, "method": "tools/call",
        "params": ["name": "confirm", "arguments": ["token": .string(token)]],
      ] as JSONValue).jsonText)
    #expect(lines.first?["method"] == "notifications/tools/list_changed")
    #expect(lines.last?["id"] == 99)
    guard case .array(let stages)? = try tools(harness)["deal_move"]?["inputSchema"]?["properties"]?["stage"]?["enum"]
    else {
      Issue.record("no stage enum")
      return
    }
    #expect(stages.contains("Verbal Commit"))
  }
}
