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
    let exists = Set(known)
    for layout in layouts {
      for (crm, stage) in layout.stages ?? [:] where exists.contains(stage) && table[comparable(crm)] == nil {
        table[comparable(crm)] = stage
      }
      // The workspace's names come right after the layout that fits the file.
      if layout.name == layouts.first?.name {
        for (phrase, stage) in own where table[phrase] == nil { table[phrase] = stage }
      }
    }
    for (phrase, stage) in own where table[phrase] == nil { table[phrase] = stage }
  }

  func stage(for crmStage: String) -> String? {
    if let known = seen[crmStage] { return known }
    let answer = table[comparable(crmStage)]
    seen[crmStage] = answer
    return answer
  }
}
