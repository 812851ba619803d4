import BatonModel
import Foundation
import IntentMatching

/// The names a tool argument can take, by kind: the workspace's (stages, people, accounts)
/// and the catalogue's closed lists (RACI letters, decisions), each findable by any way of
/// saying it.
struct WorkspaceNames {
  private(set) var byKind: [EntityKind: [NamedEntity]] = [:]
  private var byPhrase: [EntityKind: [String: NamedEntity]] = [:]

  /// The kinds whose values are names: an argument of one is found among them.
  static let namedKinds: Set<EntityKind> = [
    .responsibility, .team, .person, .account, .stage, .metric, .handoff, .segment, .territory, .raci, .decision,
    .group, .catalog, .status, .field,
  ]

  init(_ names: [NamedEntity]) {
    for name in names where Self.namedKinds.contains(name.kind) && !name.key.hasPrefix("@") {
      byKind[name.kind, default: []].append(name)
      for phrase in [name.key, name.display] + name.phrases {
        let key = phrase.lowercased()
        if byPhrase[name.kind]?[key] == nil { byPhrase[name.kind, default: [:]][key] = name }
      }
    }
  }

  /// The name of `kind` that `text` says, by its key, display or any alias, in any case.
  func find(_ text: String, kind: EntityKind) -> NamedEntity? {
    byPhrase[kind]?[text.trimmingCharacters(in: .whitespaces).lowercased()]
  }

  /// What an argument of `kind` may be, as shown to agents: each name's display once, in
  /// the workspace's order.
  func choices(_ kind: EntityKind) -> [String] {
    var seen: Set<String> = []
    return (byKind[kind] ?? []).map(\.display).filter { seen.insert($0.lowercased()).inserted }
  }

  /// The displays nearest `text`, for "did you mean".
  func nearest(_ text: String, kind: EntityKind) -> [String] {
    EditDistance.suggestions(for: text, among: choices(kind), limit: 3)
  }
}
