import BatonModel
import BatonTestSupport
import Conversation
import IntentMatching
import Testing

/// Examples shown to people read as lines they could type.
@Suite(.tags(.fast)) struct SampleValuesTests {
  static let intent = IntentDefinition(
    name: "compare.functions", description: "compare", action: "compare.functions", sideEffects: false,
    slots: [
      SlotDefinition(name: "team", type: .team, required: true),
      SlotDefinition(name: "other", type: .team, required: false),
      SlotDefinition(name: "problem", type: .text, required: false),
    ],
    examples: [], file: "test.yaml", line: 1)

  @Test func aSecondSlotOfOneTypeGetsAnotherValue() {
    #expect(
      SampleValues.readable("how does {team} differ from {other}", intent: Self.intent)
        == "how does Sales Ops differ from RevOps")
  }

  @Test func freeTextTakesItsSlotsExampleAndAnUndeclaredMarkerStays() {
    #expect(
      SampleValues.readable("whose call is {problem} for {nobody}", intent: Self.intent)
        == "whose call is a territory dispute between two AEs for {nobody}")
  }

  @Test func everyProductExampleReadsWithoutMarkers() throws {
    for intent in try Fixtures.catalog().intents {
      for example in intent.examples {
        let text = SampleValues.readable(example.text, intent: intent)
        #expect(!text.contains("{"), "\(intent.name): “\(example.text)” reads “\(text)”")
      }
    }
  }

  @Test func aDealsStageIsAnOpportunityStageAndAHandoffsAClosingOne() throws {
    let catalog = try Fixtures.catalog()
    let move = try #require(catalog.intent(named: "deal.move"))
    #expect(SampleValues.readable("move {deal} to {stage}", intent: move) == "move deal 42 to Negotiation")
    let rule = try #require(catalog.intent(named: "handoff.rule"))
    #expect(SampleValues.readable("what does cs need at {stage}", intent: rule) == "what does cs need at Closed-Won")
    let define = try #require(catalog.intent(named: "stage.define"))
    #expect(SampleValues.readable("what is an {stage}", intent: define) == "what is an SQL")
  }
}
