import BatonTestSupport
import Foundation
import Testing

/// `baton mcp` driven by a client nobody here wrote: the official MCP Python SDK, as an
/// agent's host runs it. The script (Fixtures/mcp/client_session.py) lists the tools, asks,
/// plans and confirms changes, replays a token, calls with bad arguments and beyond a
/// rep's role; this test then reads what the audit log kept of it.
@Suite(.tags(.process)) struct MCPClientTests {
  /// The Python with the SDK: `BATON_MCP_PYTHON`, or the virtual environment the README's
  /// set-up and CI make in `.build/mcp-venv`.
  static var python: String {
    if let given = ProcessInfo.processInfo.environment["BATON_MCP_PYTHON"], !given.isEmpty { return given }
    return Fixtures.repositoryRoot.appendingPathComponent(".build/mcp-venv/bin/python").path
  }

  @Test func theOfficialPythonClientAsksPlansConfirmsAndIsRefused() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.python),
      "the MCP Python SDK is not installed: python3 -m venv .build/mcp-venv && .build/mcp-venv/bin/pip install mcp==2.3.0"
    )
    let runner = try BinaryRunner()
    let workspace = runner.home.appendingPathComponent("agents.sqlite").path
    let made = try runner.run(["init", workspace])
    try #require(made.status == 0, "\(made.stderr)")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python)
    process.arguments = [
      Fixtures.repositoryRoot.appendingPathComponent("Tests/BatonCLITests/Fixtures/mcp/client_session.py").path,
      BinaryRunner.executable.path, workspace,
    ]
    process.environment = runner.environment
    process.currentDirectoryURL = runner.home
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(printed)")
    #expect(printed.hasSuffix("ok\n"), "\(printed)")

    // What the log kept: the agent's changes and refusals (the replayed token, the move with
    // bad arguments, the rep's approval), each with its channel and client.
    let rows = try runner.sql(
      "SELECT actor || ' ' || action || ' ' || outcome || ' ' || channel || ' ' || coalesce(client, '-') FROM audit ORDER BY id",
      workspace: workspace)
    let sdkVersion = try #require(rows.split(separator: "\n").first?.split(separator: " ").last)
    #expect(
      rows.split(separator: "\n")
        == [
          "jordan deal.update done mcp mcp", "jordan confirm refused mcp mcp", "jordan deal.move done mcp mcp",
          "jordan deal.move refused mcp mcp", "sam change.decide refused mcp mcp",
        ].map { Substring("\($0) \(sdkVersion)") })
  }
}
