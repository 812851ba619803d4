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
}
