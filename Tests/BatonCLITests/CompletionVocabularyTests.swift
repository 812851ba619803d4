import Assistant
import BatonCLI
import BatonTestSupport
import IntentMatching
import Testing
import WorkspaceStore

/// Tab offers what fits where the cursor is, and what the pending question asks for.
@Suite(.tags(.fast)) struct CompletionVocabularyTests {
  @Test func aPendingQuestionOffersNamesOfItsKindAndAConfirmationYesOrNo() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let session = try Fixtures.session(on: workspace)
    let vocabulary = CompletionVocabulary(catalog: session.matcher.catalog, names: try workspace.vocabulary())
    #expect(vocabulary.candidates(before: "who owns ", awaiting: session.awaiting) == vocabulary.general)
    #expect(vocabulary.general.contains("owns") && vocabulary.general.contains("Globex"))
    #expect(!vocabulary.general.contains { $0.contains("{") })
    _ = session.handle("what are the exit criteria")
    let stages = vocabulary.candidates(awaiting: session.awaiting)
    #expect(stages.contains("Negotiation") && !stages.contains("Globex"))
    _ = session.handle("negotiation")
    _ = session.handle("move deal 42 to discovery")
    #expect(vocabulary.candidates(awaiting: session.awaiting) == ["yes", "no"])
  }

  /// A list Tab shows without asking "Display all?" (`EditorContext.longList`).
  static let shortList = 100

  @Test func whatTabOffersDependsOnWhereTheCursorIs() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let session = try Fixtures.session(on: workspace)
    let vocabulary = CompletionVocabulary(catalog: session.matcher.catalog, names: try workspace.vocabulary())
    // At the start: the words requests begin with.
    let start = vocabulary.candidates(before: "rea", awaiting: nil)
    #expect(start == vocabulary.commands && start.contains("reassign") && start.contains("show"))
    #expect(start.count <= Self.shortList, "\(start.count) words at the start of a line")
    #expect(!vocabulary.general.contains { $0.hasSuffix(",") })
    #expect(!start.contains("Globex") && !start.contains("Negotiation"))
    // A first word no request opens with still completes from every word.
    #expect(vocabulary.candidates(before: "Glob", awaiting: nil).contains("Globex"))
    // After "move … to": stages; after "reassign … to": people.
    let stages = vocabulary.candidates(before: "move deal 42 to Ne", awaiting: nil)
    #expect(stages.contains("Negotiation") && !stages.contains("Priya") && !stages.contains("owns"))
    let people = vocabulary.candidates(before: "reassign Globex to ", awaiting: nil)
    #expect(people.contains("Priya") && !people.contains("Negotiation"))
    // After "deal": deals, by number or name.
    let deals = vocabulary.candidates(before: "show deal ", awaiting: nil)
    #expect(deals.contains("42") && deals.contains("Nakatomi") && !deals.contains("owns"))
  }
}
