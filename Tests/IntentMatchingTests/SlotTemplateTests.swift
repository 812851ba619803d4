import BatonTestSupport
import IntentMatching
import Testing

/// The one reading of `{slot}` markers.
@Suite(.tags(.fast)) struct SlotTemplateTests {
  @Test func markersAndLiteralsInOrder() {
    let template = SlotTemplate("assign {task} on {deal} to {person}")
    #expect(template.markers == ["task", "deal", "person"])
    #expect(
      template.parts == [
        .literal("assign "), .marker("task"), .literal(" on "), .marker("deal"), .literal(" to "),
        .marker("person"),
      ])
  }

  @Test(arguments: [
    ("no markers at all", [String](), "no markers at all"),
    ("an {open marker", [], "an {open marker"),
    ("a {first {second} one", ["second"], "a {first X one"),
    ("a } stray {x} brace", ["x"], "a } stray X brace"),
    ("{x}{y}", ["x", "y"], "XX"),
  ])
  func unbalancedBracesAreLiteralText(_ text: String, _ markers: [String], _ filled: String) {
    let template = SlotTemplate(text)
    #expect(template.markers == markers)
    #expect(template.filled { _ in "X" } == filled)
  }

  @Test func aMarkerWithNoValueStaysAsWritten() {
    #expect(
      SlotTemplate("move {deal} to {stage}").filled { $0 == "deal" ? "deal 42" : nil } == "move deal 42 to {stage}")
  }

  @Test func splitsAtAMarkerMarkedOnce() {
    let split = SlotTemplate("propose {change} for {team} now").split(at: "change")
    #expect(split?.before == "propose " && split?.after == " for   now")
    #expect(SlotTemplate("{x} and {x}").split(at: "x") == nil)
    #expect(SlotTemplate("nothing here").split(at: "x") == nil)
  }

  @Test func theLoaderReadsEveryProductExampleThisWay() throws {
    for intent in try Fixtures.catalog().intents {
      for example in intent.examples {
        #expect(example.markers == SlotTemplate(example.text).markers)
        #expect(Set(example.markers).isSubset(of: Set(intent.slots.map(\.name))), "\(intent.name): \(example.text)")
      }
    }
  }
}
