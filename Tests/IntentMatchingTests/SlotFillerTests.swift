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
      SlotDefinition(name: "task", type: .text, required: false),
    ],
    examples: [
      Example(text: "assign a follow-up on {deal} to {person}", line: 1),
      Example(text: "ask {person} to {task} on {deal}", line: 2),
      Example(text: "{deal} is {task}", line: 3),
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
    #expect(fill("remind Sam to send the MSA on deal 42", nearest: 0)["task"]?.key == "send the MSA")
  }

  @Test func theTextStartsAfterTheWordThatFollowsTheSlotBeforeIt() {
    #expect(fill("assign it to Sam to chase the signature", nearest: 0)["task"]?.key == "chase the signature")
  }

  /// Only after the slot the other example puts before it: "… deal 42 is in writing" is not
  /// the task of "{deal} is {task}"'s kind unless the deal came just before "is", and never
  /// words other slots took.
  @Test func noTextIsTakenWithoutTheSlotBeforeItOrFromTakenWords() {
    #expect(fill("assign a follow-up on deal 42 to Sam", nearest: 0)["task"] == nil)
    #expect(fill("note that Sam is in writing", nearest: 0)["task"] == nil)
  }
}
