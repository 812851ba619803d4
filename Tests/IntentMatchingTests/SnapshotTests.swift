import BatonModel
import BatonTestSupport
import Foundation
import IntentMatching
import Testing
import WorkspaceStore

/// A saved engine reads back as the very engine that was saved, and anything else (another
/// key, a damaged or cut file) is refused rather than trusted.
@Suite(.tags(.fast)) struct SnapshotTests {
  static func names() throws -> [NamedEntity] {
    try Workspace.inMemory(.demo(today: MatcherTests.today)).vocabulary()
  }

  @Test func aSnapshotReadsBackAsTheSameEngine() throws {
    let names = try Self.names()
    let built = IntentMatcher(catalog: try Fixtures.catalog(), names: names)
    let read = try IntentMatcher(snapshot: built.snapshot(key: 7), key: 7, names: names)
    let lines = MatcherTests.paraphrases.map(\.0) + MatcherTests.outOfScope + ["who ownz stage exit critera"]
    for line in lines {
      let a = built.match(line, today: MatcherTests.today)
      let b = read.match(line, today: MatcherTests.today)
      #expect(a.candidates == b.candidates, "\(line)")
      #expect(a.slots == b.slots, "\(line)")
      #expect(a.decidingWords == b.decidingWords, "\(line)")
      #expect(a.corrections.map(\.readAs) == b.corrections.map(\.readAs), "\(line)")
    }
    #expect(read.catalog.intents == built.catalog.intents)
    #expect(read.snapshot(key: 7) == built.snapshot(key: 7))
  }

  /// Under its second key (the one a workspace's names token makes) a snapshot is read with
  /// the names saved in it, and matches as the engine that was saved; each key opens only
  /// its own door.
  @Test func underItsNamesKeyASnapshotBringsItsOwnNames() throws {
    let names = try Self.names()
    let built = IntentMatcher(catalog: try Fixtures.catalog(), names: names)
    let bytes = built.snapshot(key: 7, namesKey: 9)
    let read = try IntentMatcher(snapshot: bytes, namesKey: 9)
    #expect(read.names == names)
    for line in MatcherTests.paraphrases.map(\.0) + ["deals at Globex", "what does priya own"] {
      let a = built.match(line, today: MatcherTests.today)
      let b = read.match(line, today: MatcherTests.today)
      #expect(a.candidates == b.candidates && a.slots == b.slots, "\(line)")
    }
    #expect(read.snapshot(key: 7, namesKey: 9) == bytes)
    #expect(throws: (any Error).self) { try IntentMatcher(snapshot: bytes, namesKey: 7) }
    #expect(throws: (any Error).self) { try IntentMatcher(snapshot: bytes, key: 9, names: names) }
  }

  @Test func anotherKeyOrDamagedBytesAreRefused() throws {
    let names = try Self.names()
    let bytes = IntentMatcher(catalog: try Fixtures.catalog(), names: names).snapshot(key: 7)
    #expect(throws: (any Error).self) { try IntentMatcher(snapshot: bytes, key: 8, names: names) }
    // Cut anywhere: never a crash, always refused.
    for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
      #expect(throws: (any Error).self) {
        try IntentMatcher(snapshot: Array(bytes.prefix(length)), key: 7, names: names)
      }
    }
    // One byte changed anywhere: the check sum or the header catches it.
    for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 89)) {
      var damaged = bytes
      damaged[position] ^= 0x5a
      #expect(throws: (any Error).self) { try IntentMatcher(snapshot: damaged, key: 7, names: names) }
    }
  }

  @Test func theKeyFollowsTheIntentFilesAndTheNames() throws {
    let names = try Self.names()
    let (sources, _) = IntentLoader.sources(directories: [Fixtures.intentsDirectory])
    let key = IntentMatcher.snapshotKey(sources: sources, names: names)
    #expect(IntentMatcher.snapshotKey(sources: sources, names: names) == key)
    var edited = sources
    edited[0].bytes += Array("\n# a comment\n".utf8)
    #expect(IntentMatcher.snapshotKey(sources: edited, names: names) != key)
    var renamed = names
    renamed[0].phrases.append("another alias")
    #expect(IntentMatcher.snapshotKey(sources: sources, names: renamed) != key)
    #expect(IntentMatcher.snapshotKey(sources: sources, names: Array(names.dropLast())) != key)
    #expect(IntentMatcher.snapshotKey(sources: sources, names: names, build: "another baton") != key)
    // The same files shown from another working folder: the same engine, the same key.
    let elsewhere = sources.map {
      IntentSource(name: "/elsewhere/intents/" + ($0.name.split(separator: "/").last ?? ""), bytes: $0.bytes)
    }
    #expect(IntentMatcher.snapshotKey(sources: elsewhere, names: names) == key)
    var renamedFile = sources
    renamedFile[0].name += ".old"
    #expect(IntentMatcher.snapshotKey(sources: renamedFile, names: names) != key)
  }
}
