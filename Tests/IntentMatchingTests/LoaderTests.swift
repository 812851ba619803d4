import BatonTestSupport
import Foundation
import IntentMatching
import Testing

@Suite(.tags(.fast)) struct LoaderTests {
  let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  @Test func brokenFilesPointAtFileLineAndColumn() throws {
    let text = try String(contentsOf: fixtures.appendingPathComponent("broken.yaml"), encoding: .utf8)
    let parsed = IntentLoader.parse(text, file: "intents/broken.yaml")
    let messages = parsed.diagnostics.map(\.description)
    #expect(
      messages.contains(
        "intents/broken.yaml:8:20: error: unknown slot type 'dael'\nintents/broken.yaml:8:20: note: did you mean 'deal'?"
      ))
    #expect(
      messages.contains { $0.hasPrefix("intents/broken.yaml:6:5: warning: unknown intent key 'colour' is ignored") })
    #expect(
      messages.contains {
        $0.hasPrefix(
          "intents/broken.yaml:11:9: error: the example uses the slot '{dael}', which `slots` does not declare")
      })
  }

  /// Only free text is set apart by a colon, a dash or quotes: `marked` on another slot is
  /// an error where it stands; on a text slot it is read.
  @Test func onlyATextSlotTakesMarkedWords() {
    let text = """
      version: 1
      intents:
        - name: note.add
          description: a note on a deal
          action: note.add
          slots:
            deal: {type: deal, marked: true}
            note: {type: text, marked: true}
          examples:
            - note on {deal} {note}
      """
    let parsed = IntentLoader.parse(text, file: "intents/notes.yaml")
    #expect(
      parsed.diagnostics.map(\.description).contains {
        $0.hasPrefix("intents/notes.yaml:7:13: error: slot 'deal' is `marked` but not of type text")
      }, "\(parsed.diagnostics.map(\.description))")
    #expect(parsed.intents.first?.slots.first { $0.name == "note" }?.takesMarkedText == true)
  }

  /// `refused_by:` lists single words that refuse an intent whatever its score; the words
  /// are read lower-cased, and anything else is an error at its place.
  @Test func refusingWordsAreAListOfWords() {
    let text = """
      version: 1
      intents:
        - name: task.add
          action: task.add
          side_effects: true
          refused_by: [Done, finished]
          slots: {person: {type: person, required: true}}
          examples:
            - add a task for {person}
        - name: task.drop
          action: task.drop
          refused_by: not a list
          examples: [drop a task]
      """
    let parsed = IntentLoader.parse(text, file: "intents/tasks.yaml")
    #expect(parsed.intents.first?.refusedBy == ["done", "finished"])
    #expect(
      parsed.diagnostics.map(\.description).contains {
        $0.hasPrefix("intents/tasks.yaml:12:17: error: `refused_by` is a list of single words")
      }, "\(parsed.diagnostics.map(\.description))")
  }

  /// An alias bomb (aliases of aliases, billions of nodes from twenty lines) is refused at
  /// its first anchor, before YAML expands it; an asterisk inside an example's text is words.
  @Test func anchorsAndAliasesAreRefusedWhereTheyStand() {
    var lines = ["version: 1", "vocabulary:", "  raci:", "    R: &a [x, x, x, x, x, x, x, x, x]"]
    var previous = "a"
    for index in 0..<20 {
      lines.append(
        "    X\(index): &b\(index) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ", ") + "]")
      previous = "b\(index)"
    }
    let bomb = IntentLoader.parse(lines.joined(separator: "\n"), file: "bomb.yaml")
    #expect(
      bomb.diagnostics.map(\.description) == [
        "bomb.yaml:4:8: error: YAML anchors and aliases are not allowed in intent files"
      ])
    let words = """
      version: 1
      intents:
        - name: stars.shown
          description: a line with an asterisk in its words
          action: stars.shown
          examples:
            - show the *starred* deals
            - "*starred* deals"
      """
    #expect(!IntentLoader.parse(words, file: "words.yaml").diagnostics.contains { $0.description.contains("aliases") })
  }

  /// A file over 1 MB is not read: a 50 MB one made every later start read a saved engine
  /// as large.
  @Test func anOversizedFileIsNotRead() throws {
    let folder = TemporaryFolder("oversized-intents")
    let file = folder.url.appendingPathComponent("big.yaml")
    try Data(repeating: 0x78, count: 1_048_577).write(to: file)
    let (sources, diagnostics) = IntentLoader.sources(directories: [folder.url])
    #expect(sources.isEmpty)
    #expect(diagnostics.map(\.message) == ["the file is 1048577 bytes; an intent file is at most 1048576 (1 MB)"])
  }

  @Test func aNewerFormatIsRefusedAndBadYAMLIsLocated() {
    let future = IntentLoader.parse("version: 7\nintents: []\n", file: "f.yaml")
    #expect(
      future.diagnostics.first?.description.hasPrefix(
        "f.yaml:1:10: error: version 7 is newer than this baton reads (1)") == true)
    let broken = IntentLoader.parse("version: 1\nintents:\n  - name: x\n   action: [\n", file: "b.yaml")
    #expect(broken.diagnostics.first?.severity == .error)
    #expect(broken.diagnostics.first?.line == 4)
  }

  @Test func theProductCatalogueLoadsCleanAndLints() throws {
    let (catalog, diagnostics) = IntentLoader.load(directories: [Fixtures.intentsDirectory])
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    #expect(IntentLinter.lint(catalog).isEmpty, "\(IntentLinter.lint(catalog).map(\.description))")
    for intent in catalog.intents {
      #expect(intent.examples.count >= 10, "\(intent.name) has too few examples")
    }
  }

  @Test func aSecondFolderAddsPhrasingsToAnIntent() throws {
    let folder = TemporaryFolder()
    let extra = folder.url
    try
      "version: 1\nintents:\n  - name: ownership.who\n    action: ownership.who\n    slots:\n      responsibility: responsibility\n    examples:\n      - who runs point on {responsibility}\n"
      .write(to: extra.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    let (base, _) = IntentLoader.load(directories: [Fixtures.intentsDirectory])
    let (merged, diagnostics) = IntentLoader.load(directories: [Fixtures.intentsDirectory, extra])
    #expect(diagnostics.isEmpty)
    #expect(merged.intents.count == base.intents.count)
    #expect(
      merged.intent(named: "ownership.who")?.examples.count
        == (base.intent(named: "ownership.who")?.examples.count ?? 0) + 1)
  }
}
