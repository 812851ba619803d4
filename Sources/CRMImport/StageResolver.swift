import Foundation

/// Reads a CRM's stage names as the workspace's stages: `--stage-map` first, then the
/// layout's table of the CRM's default stages, then the workspace's own names and aliases.
final class StageResolver {
  private var table: [String: String] = [:]
  /// The stage text as the file writes it → the answer: a file repeats a handful of stage
  /// names over its rows, so each is compared once.
  private var seen: [String: String?] = [:]
  /// Stage ids in order, for messages.
  let known: [String]

  /// - Parameters:
  ///   - phrases: every name and alias of the workspace's stages.
  ///   - layouts: the layouts of the kind, the one that fits the file first.
  ///   - overrides: `--stage-map CRM_STAGE=STAGE` pairs.
  init(
    phrases: [(phrase: String, stage: String)], known: [String], layouts: [CRMLayout],
    overrides: [(crm: String, stage: String)]
  ) throws {
    self.known = known
    var own: [String: String] = [:]
    for (phrase, stage) in phrases where own[comparable(phrase)] == nil { own[comparable(phrase)] = stage }
    for (crm, stage) in overrides {
      guard let target = own[comparable(stage)] else {
        throw ImportError.badOption(
          "--stage-map \(crm)=\(stage): the workspace has no stage '\(stage)' (stages: \(known.joined(separator: ", ")))"
        )
      }
      table[comparable(crm)] = target
    }
    // Earlier sources win: the layout that fits the file, the workspace's own names, then
    // the other layouts' tables.
    let exists = Set(known)
    let layoutTables = layouts.map { layout in
      Dictionary((layout.stages ?? [:]).filter { exists.contains($0.value) }.map { (comparable($0.key), $0.value) }) {
        first, _ in first
      }
    }
    for source in layoutTables.prefix(1) + [own] + layoutTables.dropFirst() {
      table.merge(source) { earlier, _ in earlier }
    }
  }

  func stage(for crmStage: String) -> String? {
    if let known = seen[crmStage] { return known }
    let answer = table[comparable(crmStage)]
    seen[crmStage] = answer
    return answer
  }
}
