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
