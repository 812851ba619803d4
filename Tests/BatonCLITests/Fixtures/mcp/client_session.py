"""Drives `baton mcp` with the official MCP Python SDK as the client, as an agent would.

Usage: client_session.py BATON WORKSPACE. Each step asserts what the agent sees; the
process exits non-zero, naming the step, when one fails. The Swift test that runs it
(MCPClientTests) then reads the audit rows the session left in the workspace.
"""

import asyncio
import json
import os
import sys

from mcp import Client, StdioServerParameters
from mcp.shared.exceptions import MCPError


def server(baton, workspace, actor):
    env = {key: os.environ[key] for key in ("HOME", "PATH", "LANG", "BATON_TODAY") if key in os.environ}
    return StdioServerParameters(command=baton, args=["mcp", "--workspace", workspace, "--as", actor], env=env)


def text(result):
    return "\n".join(block.text for block in result.content if block.type == "text")


def check(condition, step, detail):
    if not condition:
        sys.exit(f"step failed: {step}: {detail}")


async def as_revops(baton, workspace):
    async with Client(server(baton, workspace, "jordan")) as client:
        check("jordan" in (client.instructions or ""), "instructions", client.instructions)

        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        for name in ("ask", "confirm", "deal_move", "deal_update", "handoff_trigger", "ownership_who"):
            check(name in tools, "tools/list", f"no tool {name} among {sorted(tools)}")
        schema = tools["deal_move"].input_schema
        check(schema["properties"]["deal"]["type"] == "integer", "deal schema", schema)
        check("Negotiation" in schema["properties"]["stage"]["enum"], "stage enum", schema)
        check(set(schema["required"]) == {"deal", "stage"}, "required", schema)

        answer = await client.call_tool("ask", {"line": "who owns stage exit criteria"})
        check(not answer.is_error and "RevOps" in text(answer), "ask", text(answer))
        check(answer.structured_content["intent"] == "ownership.who", "ask structured", answer.structured_content)

        # A workflow call plans; nothing changes until confirm.
        plan = await client.call_tool("deal_update", {"deal": 42, "field": "budget confirmed"})
        check(not plan.is_error, "plan", text(plan))
        token = plan.structured_content["confirm"]["token"]
        check(token in text(plan) and "Not done yet" in text(plan), "plan text", text(plan))
        still = await client.call_tool("ask", {"line": "show deal 42"})
        check("budget" in text(still).lower() and "missing" in text(still).lower(), "before confirm", text(still))

        done = await client.call_tool("confirm", {"token": token})
        check(not done.is_error and done.structured_content["kind"] == "done", "confirm", text(done))

        replay = await client.call_tool("confirm", {"token": token})
        check(replay.is_error and "used already" in text(replay), "replay", text(replay))

        move = await client.call_tool("deal_move", {"deal": 42, "stage": "Negotiation"})
        check(not move.is_error, "move plan", text(move))
        moved = await client.call_tool("confirm", {"token": move.structured_content["confirm"]["token"]})
        check(not moved.is_error and "Negotiation" in text(moved), "move", text(moved))

        bad = await client.call_tool("deal_move", {"deal": "forty-two", "stage": "Negotation", "when": "now"})
        words = text(bad)
        check(bad.is_error, "bad arguments", words)
        for named in ("`deal`", "`stage`", "“Negotiation”", "`when`"):
            check(named in words, "bad arguments named", words)

        try:
            await client.call_tool("no_such_tool", {})
            check(False, "unknown tool", "no error")
        except MCPError as error:
            check(error.error.code == -32602, "unknown tool code", error.error)

        resources = {resource.uri for resource in (await client.list_resources()).resources}
        check("baton://model/stages" in {str(uri) for uri in resources}, "resources/list", resources)
        stages = await client.read_resource("baton://model/stages")
        names = [stage["name"] for stage in json.loads(stages.contents[0].text)]
        check("Negotiation" in names, "resources/read", names)


async def as_rep(baton, workspace):
    async with Client(server(baton, workspace, "sam")) as client:
        refused = await client.call_tool("change_decide", {"change": 1, "decision": "approve"})
        check(refused.is_error, "rep beyond role", text(refused))
        check(refused.structured_content["data"]["reason"] == "permission", "rep reason", refused.structured_content)


async def main():
    baton, workspace = sys.argv[1], sys.argv[2]
    await as_revops(baton, workspace)
    await as_rep(baton, workspace)
    print("ok")


asyncio.run(main())
