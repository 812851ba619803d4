import ArgumentParser
import BatonModel
import BatonTestSupport
import Testing

@testable import BatonCLI

/// The usual command lines are read without ArgumentParser (`RunOptions(quickly:)`); whatever
/// that reading accepts, ArgumentParser must read the same way.
@Suite(.tags(.fast)) struct QuickArgumentsTests {
  /// ArgumentParser's reading of `arguments`, or nil when it is not a plain `baton` run (an
  /// error, help, a subcommand).
  private func argumentParser(_ arguments: [String]) -> RunOptions? {
    (try? BatonCommand.parseAsRoot(arguments) as? BatonCommand)?.runOptions
  }

  @Test(arguments: [
    ["-c", "who owns stage exit criteria"],
    ["--workspace", "w.sqlite", "-c", "who owns stage exit criteria"],
    ["--workspace=w.sqlite", "-c", "show deal 42", "-c", "and who is consulted?"],
    ["-f", "review.txt", "--json", "--yes", "--as", "jordan"],
    ["--echo", "--strict", "--explain", "-f", "review.txt", "--intents", "extra"],
    ["--as=sam", "--intents=extra", "-c", ""],
    [],
  ])
  func theUsualLinesAreReadQuicklyAsArgumentParserReadsThem(_ arguments: [String]) throws {
    let quick = try #require(RunOptions(quickly: arguments))
    #expect(quick == argumentParser(arguments))
  }

  @Test(arguments: [
    ["--help"], ["-h"], ["--version"], ["init"], ["init", "--force"], ["intents", "check"], ["help"],
    ["-c"], ["-c", "--json"], ["-f", "-"], ["--json", "--json"], ["--workspace", "a", "--workspace", "b"],
    ["--json=yes"], ["-c=show deal 42"], ["-cf", "x"], ["--unknown"], ["--", "-c", "x"], ["stray"],
    ["--generate-completion-script", "bash"], ["--experimental-dump-help"],
  ])
  func everythingElseIsLeftToArgumentParser(_ arguments: [String]) {
    #expect(RunOptions(quickly: arguments) == nil)
  }

  /// Random lines from the words the two readers could disagree on: each one read quickly is
  /// read identically by ArgumentParser.
  @Test func randomLinesReadQuicklyAgreeWithArgumentParser() {
    let words = [
      "-c", "-f", "--json", "--echo", "--strict", "--explain", "--yes", "--workspace", "--as", "--intents",
      "--workspace=w.sqlite", "--as=sam", "--intents=", "--as=", "show deal 42", "who owns it", "init", "import",
      "intents", "help", "-", "--", "-h", "x.txt", "a=b", "", " ", "--json=", "-c=x", "é", "-x", "--Json",
    ]
    var quicklyRead = 0
    for seed in 0..<3_000 {
      // One generator per line, so a failing line replays from the seed in the message.
      var generator = SeededGenerator(seed: UInt64(seed))
      let count = Int.random(in: 0...6, using: &generator)
      let arguments = (0..<count).map { _ in words.randomElement(using: &generator) ?? "" }
      guard let quick = RunOptions(quickly: arguments) else { continue }
      quicklyRead += 1
      #expect(quick == argumentParser(arguments), "seed \(seed): \(arguments)")
    }
    // Enough of them to mean something.
    #expect(quicklyRead > 100)
  }
}
