import Assistant
import BatonModel
import BatonTestSupport
import Testing
import WorkspaceStore

/// A change said under a condition ("… if they sign") is not made: baton does not wait for
/// one. A courtesy said like one ("when you get a chance") is no condition, and a clause
/// before the change that tells what happened and names nothing frames it ("just got off the
/// phone with their CFO, …").
@Suite(.tags(.fast)) struct ConditionTests {
  @Test(arguments: [
    "reassign Soylent to Avery if the renewal closes",
    "if the renewal closes, reassign Soylent to Avery",
    "reassign Soylent to Avery once the renewal closes",
    "reassign Soylent to Avery as soon as Riley agrees",
    "reassign Soylent to Avery unless Riley objects",
    "reassign Soylent to Avery - once the renewal closes",
    "if possible, reassign Soylent to Avery after the renewal closes",
    "reassign Soylent to Avery until Riley is back",
  ])
  func aConditionalChangeIsNotMade(line: String) throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try Self.soylent(workspace)?.owner
    let turn = session.handle(line)
    #expect(turn.reply.refusalReason == .unusedWords, "\(line) → \(turn.reply.firstLine)")
    #expect(turn.reply.firstLine.contains("is a condition"), "\(turn.reply.firstLine)")
    #expect(try Self.soylent(workspace)?.owner == before)
  }

  @Test(arguments: [
    "reassign Soylent to Avery when you get a chance",
    "reassign Soylent to Avery if possible",
    "just got off the phone with their CFO, hand Soylent over to Avery",
  ])
  func aCourtesyOrAPreambleIsNoCondition(line: String) throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let turn = session.handle(line)
    #expect(turn.intent == "account.reassign" && turn.reply.ok, "\(line) → \(turn.reply.firstLine)")
    #expect(try Self.soylent(workspace)?.owner?.handle == "avery")
  }

  /// Soylent, the demo's account 8.
  private static func soylent(_ workspace: Workspace) throws -> Account? {
    let account = try workspace.account(id: 8)
    #expect(account?.name == "Soylent")
    return account
  }

  /// A clause that is a request of its own ("delete everything, …"), a hedge or a question is
  /// no preamble: the change is not carried out.
  @Test(arguments: [
    "delete everything, reassign Soylent to Avery", "just delete everything, reassign Soylent to Avery",
    "hypothetically, reassign Soylent to Avery", "just curious, should we reassign Soylent to Avery?",
  ])
  func aClauseThatIsNoAccountOfWhatHappenedIsNoPreamble(line: String) throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try Self.soylent(workspace)?.owner
    let turn = session.handle(line)
    #expect(
      !turn.reply.ok || turn.intent.map { !$0.hasPrefix("account.") } == true, "\(line) → \(turn.reply.firstLine)")
    #expect(try Self.soylent(workspace)?.owner == before)
  }

  /// A change that needs a name asks nothing when it is said under a condition: the answer
  /// would carry the change out without it.
  @Test func aConditionalChangeAsksNothing() throws {
    let (workspace, session) = try Fixtures.confirmingSession()
    let before = try Self.soylent(workspace)?.owner
    let turn = session.handle("reassign it to Avery once the renewal closes")
    #expect(turn.reply.kind != .question && !turn.reply.ok, "\(turn.reply.firstLine)")
    _ = session.handle("Soylent")
    #expect(try Self.soylent(workspace)?.owner == before)
  }
}
