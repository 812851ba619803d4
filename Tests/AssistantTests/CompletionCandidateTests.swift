import Assistant
import BatonTestSupport
import Testing
import WorkspaceStore

/// Tab offers what the pending question asks for.
@Suite struct CompletionCandidateTests {
  @Test func aPendingQuestionOffersNamesOfItsKindAndAConfirmationYesOrNo() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let session = try Fixtures.session(on: workspace)
    let names = try workspace.vocabulary()
    #expect(session.completionCandidates(names: names, general: ["general"]) == ["general"])
    _ = session.handle("what are the exit criteria")
    let stages = session.completionCandidates(names: names, general: ["general"])
    #expect(stages.contains("Negotiation") && !stages.contains("Globex"))
    _ = session.handle("negotiation")
    _ = session.handle("move deal 42 to discovery")
    #expect(session.completionCandidates(names: names, general: ["general"]) == ["yes", "no"])
  }
}
