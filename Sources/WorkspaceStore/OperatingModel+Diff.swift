import Foundation

/// What applying one operating model over another changes: each thing added, changed (with
/// the fields that change) or removed, as a person reviewing the change reads it.
public struct ModelDiff: Hashable, Sendable {
  public enum Change: Hashable, Sendable {
    case added
    case changed(fields: [String])
    case removed
  }

  public struct Entry: Hashable, Sendable, CustomStringConvertible {
    /// "stage", "person", "responsibility"…
    public var kind: String
    /// The thing's id and, where it has one, its name: `verbal-commit (Verbal Commit)`.
    public var name: String
    public var change: Change

    public var description: String {
      switch change {
      case .added: return "+ \(kind) \(name)"
      case .removed: return "- \(kind) \(name)"
      case .changed(let fields): return "~ \(kind)\(name.isEmpty ? "" : " \(name)"): \(fields.joined(separator: ", "))"
      }
    }
  }

  public var entries: [Entry]
  public var isEmpty: Bool { entries.isEmpty }

  public init(from old: OperatingModel, to new: OperatingModel) {
    var entries: [Entry] = []
    func section<T: Encodable & Equatable>(
      _ kind: String, _ old: [T], _ new: [T], id: (T) -> String, name: (T) -> String
    ) {
      let before = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
      let after = Set(new.map(id))
      for item in new {
        let label = Self.label(id(item), name(item))
        guard let previous = before[id(item)] else {
          entries.append(Entry(kind: kind, name: label, change: .added))
          continue
        }
        if previous != item {
          entries.append(Entry(kind: kind, name: label, change: .changed(fields: Self.fields(previous, item))))
        }
      }
      for item in old where !after.contains(id(item)) {
        entries.append(Entry(kind: kind, name: Self.label(id(item), name(item)), change: .removed))
      }
    }
    if old.company != new.company {
      entries.append(
        Entry(kind: "company", name: new.company.name, change: .changed(fields: Self.fields(old.company, new.company))))
    }
    if old.decisionRule != new.decisionRule {
      entries.append(Entry(kind: "decision rule", name: "", change: .changed(fields: ["wording"])))
    }
    if old.decisionSignals != new.decisionSignals {
      let functions = Set(old.decisionSignals.keys).union(new.decisionSignals.keys).filter {
        old.decisionSignals[$0] != new.decisionSignals[$0]
      }
      entries.append(Entry(kind: "decision signals", name: "", change: .changed(fields: functions.sorted())))
    }
    if old.opsModels != new.opsModels {
      entries.append(Entry(kind: "ops models", name: "", change: .changed(fields: ["\(new.opsModels.count) sizes"])))
    }
    section("team", old.teams, new.teams, id: \.id, name: \.name)
    section("person", old.people, new.people, id: \.handle, name: \.name)
    section("responsibility", old.responsibilities, new.responsibilities, id: \.id, name: \.name)
    section("stage", old.stages, new.stages, id: \.id, name: \.name)
    let kept = new.stages.map(\.id).filter { id in old.stages.contains { $0.id == id } }
    if old.stages.map(\.id).filter({ kept.contains($0) }) != kept {
      entries.append(Entry(kind: "stages", name: "", change: .changed(fields: ["order"])))
    }
    section("handoff rule", old.handoffRules, new.handoffRules, id: \.id, name: \.name)
    section("metric", old.metrics, new.metrics, id: \.id, name: \.name)
    section("deal field", old.dealFields, new.dealFields, id: \.key, name: \.name)
    for period in Set(old.targets.keys).union(new.targets.keys).sorted()
    where old.targets[period] != new.targets[period] {
      let change: Change =
        old.targets[period] == nil ? .added : new.targets[period] == nil ? .removed : .changed(fields: ["amount"])
      entries.append(Entry(kind: "target", name: period, change: change))
    }
    if old.routingRules != new.routingRules {
      entries.append(
        Entry(
          kind: "routing rules", name: "",
          change: .changed(fields: ["\(old.routingRules.count) → \(new.routingRules.count) rules"])))
    }
    self.entries = entries
  }

  private static func label(_ id: String, _ name: String) -> String {
    id.lowercased() == name.lowercased() || name.isEmpty ? id : "\(id) (\(name))"
  }

  /// The file's keys whose values differ between two versions of one thing.
  private static func fields<T: Encodable>(_ old: T, _ new: T) -> [String] {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    func object(_ value: T) -> [String: Any] {
      guard let data = try? encoder.encode(value),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return [:] }
      return object
    }
    let before = object(old)
    let after = object(new)
    return Set(before.keys).union(after.keys).filter { key in
      !NSDictionary(dictionary: [key: before[key] ?? NSNull()]).isEqual(to: [key: after[key] ?? NSNull()])
    }.sorted()
  }
}

extension OperatingModel {
  /// Aliases as the matcher reads them: lower-cased, each once, in their order.
  public func normalized() -> OperatingModel {
    func clean(_ aliases: [String]) -> [String] {
      var seen: Set<String> = []
      return aliases.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty && seen.insert($0).inserted
      }
    }
    var model = self
    for index in model.teams.indices { model.teams[index].aliases = clean(model.teams[index].aliases) }
    for index in model.people.indices { model.people[index].aliases = clean(model.people[index].aliases) }
    for index in model.responsibilities.indices {
      model.responsibilities[index].aliases = clean(model.responsibilities[index].aliases)
    }
    for index in model.stages.indices { model.stages[index].aliases = clean(model.stages[index].aliases) }
    for index in model.handoffRules.indices {
      model.handoffRules[index].aliases = clean(model.handoffRules[index].aliases)
    }
    for index in model.metrics.indices { model.metrics[index].aliases = clean(model.metrics[index].aliases) }
    return model
  }
}
