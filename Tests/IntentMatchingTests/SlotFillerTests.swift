import BatonModel
import BatonTestSupport
import Testing

@testable import IntentMatching

/// Free text the line gives is taken, never dropped for a default: when the example nearest
/// the line has no place for it, another example of the intent that says it the way the
/// line does places it.
@Suite(.tags(.fast)) struct SlotFillerTests {
  let intent = IntentDefinition(
    name: "task.assign", description: "assign a task", action: "task.assign", sideEffects: true,
    slots: [
      SlotDefinition(name: "person", type: .person, required: true),
      SlotDefinition(name: "deal", type: .deal, required: false),
      SlotDefinition(name: "title", type: .text, required: false),
    ],
    examples: [
      Example(text: "assign a follow-up on {deal} to {person}", line: 1),
      Example(text: "ask {person} to {title} on {deal}", line: 2),
    ], file: "tasks.yaml", line: 1)

  private func fill(_ line: String, nearest: Int) -> [String: EntityValue] {
    let normalizer = Normalizer()
    let tokens = normalizer.tokens(line)
    let words = tokens.map(\.text)
    var entities: [RecognizedEntity] = []
    if let person = words.firstIndex(of: "sam") {
      entities.append(
        RecognizedEntity(
          values: [EntityValue(kind: .person, key: "sam", display: "Sam Carter")], range: person..<person + 1,
          surface: "Sam", corrected: false))
    }
    if let label = words.firstIndex(of: "deal") {
      entities.append(
        RecognizedEntity(
          values: [EntityValue(kind: .deal, key: "42", display: "deal 42")], range: label..<label + 2,
          surface: "deal 42", corrected: false))
    }
    return SlotFiller().fill(intent, entities: entities, tokens: tokens, example: intent.examples[nearest])
  }

  @Test func aTitleTheNearestExampleHasNoPlaceForIsTaken() {
    #expect(fill("remind Sam to send the MSA on deal 42", nearest: 0)["title"]?.key == "send the MSA")
  }

  @Test func noTitleIsMadeOfWordsOtherSlotsTook() {
    #expect(fill("assign a follow-up on deal 42 to Sam", nearest: 0)["title"] == nil)
  }
}
