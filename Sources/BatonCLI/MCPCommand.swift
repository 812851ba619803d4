import ArgumentParser
import Assistant
import Foundation
import MCPServer
import WorkspaceStore

/// `baton mcp`: baton as a Model Context Protocol server over standard input and output,
/// for AI agents: the same roles, plans, confirmations and audit as the conversation.
struct MCPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcp",
    abstract: "Serve baton to AI agents over the Model Context Protocol (JSON-RPC on standard I/O).",
    discussion: """
      Reads one JSON-RPC message per line on standard input and writes one response per \
      request, in order, on standard output; diagnostics go to standard error. The agent acts \
      as --as, BATON_USER or the workspace's default user, fixed for the server's life. A \
      change returns a plan and a token that the confirm tool carries out, unless --yes.
      """)

  @OptionGroup var target: WorkspaceOptions

  @OptionGroup var extra: IntentsOption

  @OptionGroup var confirming: ConfirmingOptions

  func run() throws {
    let environment = BatonEnvironment()
    try Failure.reporting {
      let factory = SessionFactory(
        environment: environment, workspacePath: target.workspace, intentsFlag: extra.intents, actorFlag: target.actor)
      let (session, _, workspace) = try factory.make()
      defer { workspace.close() }
      let server = MCPServer(
        session: session, options: .init(executesAtOnce: confirming.yes, version: BatonCommand.version))
      // A client that goes away ends the server at its next write, not with a signal.
      signal(SIGPIPE, SIG_IGN)
      let reader = MessageReader(fileDescriptor: STDIN_FILENO)
      while true {
        let lines: [Data]
        switch reader.next() {
        case .message(let message): lines = server.respond(to: message)
        case .tooLarge(let bytes): lines = [server.respondToOversized(bytes: bytes, limit: reader.limit)]
        case .end: return
        }
        for line in lines where !Self.write(line) { return }
      }
    }
  }

  /// Writes one message and its newline to standard output, whole; false when the reader
  /// is gone.
  private static func write(_ line: Data) -> Bool {
    var bytes = [UInt8](line)
    bytes.append(UInt8(ascii: "\n"))
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }
}
