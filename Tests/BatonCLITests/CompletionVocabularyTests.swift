import Assistant
import BatonCLI
import BatonTestSupport
import IntentMatching
import Testing
import WorkspaceStore

/// Tab offers what the pending question asks for.
@Suite(.tags(.fast)) struct CompletionVocabularyTests {
  @Test func aPendingQuestionOffersNamesOfItsKindAndAConfirmationYesOrNo() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let session = try Fixtures.session(on: workspace)
    let vocabulary = CompletionVocabulary(catalog: session.matcher.catalog, names: try workspace.vocabulary())
    #expect(vocabulary.candidates(awaiting: session.awaiting) == vocabulary.general)
    #expect(vocabulary.general.contains("owns") && vocabulary.general.contains("Globex"))
    #expect(!vocabulary.general.contains { $0.contains("{") })
    _ = session.handle("what are the exit criteria")
    let stages = vocabulary.candidates(awaiting: session.awaiting)
    #expect(stages.contains("Negotiation") && !stages.contains("Globex"))
    _ = session.handle("negotiation")
    _ = session.handle("move deal 42 to discovery")
    #expect(vocabulary.candidates(awaiting: session.awaiting) == ["yes", "no"])
  }
}
