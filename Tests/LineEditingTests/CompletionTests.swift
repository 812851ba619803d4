import BatonTestSupport
import Foundation
import LineEditing
import Testing

@Suite(.tags(.fast)) struct CompletionTests {
  let words = ["criteria", "critical", "consulted", "Globex", "Zoë"]

  @Test func aUniqueMatchCompletesWithASpace() {
    #expect(Completion.complete("who owns stage exit crite", candidates: words) == .insert("ria "))
    #expect(Completion.complete("show Zo", candidates: words) == .insert("ë "))
  }

  @Test func severalMatchesExtendTheCommonPrefixThenList() {
    #expect(Completion.complete("cr", candidates: words) == .insert("it"))
    #expect(Completion.complete("criti", candidates: ["critical", "criticism"]) == .insert("c"))
    #expect(Completion.complete("c", candidates: ["consulted", "criteria"]) == .list(["consulted", "criteria"]))
  }

  @Test func matchingIgnoresCaseAndNothingMatchesIsNone() {
    #expect(Completion.complete("glo", candidates: words) == .insert("bex "))
    #expect(Completion.complete("xyz", candidates: words) == .none)
  }
}

@Suite(.tags(.fast)) struct HistoryStoreTests {
  /// This test's own folder, removed after it.
  let scratch = TemporaryFolder()

  /// A history file of its own, `name`, in this test's folder.
  private func store(_ name: String = "state", capacity: Int = 1000) -> HistoryStore {
    let url = scratch.url.appendingPathComponent("\(name)/history")
    return HistoryStore(url: url, capacity: capacity)
  }

  @Test func entriesPersistInOrderWithPrivateMode() throws {
    let history = store()
    history.append("who owns stage exit criteria")
    history.append("show deal 42")
    #expect(HistoryStore(url: history.url).load() == ["who owns stage exit criteria", "show deal 42"])
    let mode = try FileManager.default.attributesOfItem(atPath: history.url.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func aLineStartingWithASpaceIsNotRecorded() {
    let history = store()
    history.append(" secret")
    history.append("kept")
    #expect(history.load() == ["kept"])
  }

  @Test func multiLineEntriesSurviveAndTheFileIsCapped() {
    let history = store(capacity: 3)
    history.append("one\ntwo")
    for entry in ["a", "b", "c\\d"] { history.append(entry) }
    #expect(history.load() == ["a", "b", "c\\d"])
    let capped = store("capped", capacity: 5)
    capped.append("one\ntwo")
    #expect(capped.load() == ["one\ntwo"])
  }
}
