import BatonModel
import WorkspaceStore

/// The exit criteria a deal has not met on the way from its stage to another: those of every
/// open stage it would leave behind. A move back, to a lost stage or out of a closed one
/// checks none.
enum ExitCriteriaCheck {
  static func unmet(
    from current: Stage, to target: Stage, stages: [Stage], evidence: Set<String>
  ) -> [(stage: Stage, criterion: ExitCriterion)] {
    guard target.stageKind != .lost, current.isOpen else { return [] }
    let leaving = stages.filter { $0.position >= current.position && $0.position < target.position && $0.isOpen }
    return leaving.flatMap { stage in missing(stage.exitCriteria, evidence: evidence).map { (stage, $0) } }
  }

  /// The criteria among `criteria` the deal's evidence (`kind:key`, as the store reads it)
  /// does not meet.
  static func missing(_ criteria: [ExitCriterion], evidence: Set<String>) -> [ExitCriterion] {
    criteria.filter { !evidence.contains("\($0.evidenceKind):\($0.evidenceKey)") }
  }

  /// Each unmet criterion with the line that records its evidence on deal `id`.
  static func lines(_ unmet: [(stage: Stage, criterion: ExitCriterion)], deal id: Int64) -> [String] {
    unmet.map {
      "  - \($0.criterion.wording) (\($0.stage.name): needs \($0.criterion.evidenceDescription)): “"
        + EvidencePhrases.recordingLine(kind: $0.criterion.evidenceKind, key: $0.criterion.evidenceKey, deal: id) + "”"
    }
  }
}
