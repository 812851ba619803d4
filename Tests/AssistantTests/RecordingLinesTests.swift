import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import Testing
import WorkspaceStore

/// The lines refusals offer ("record budget confirmed on deal 42") do what they say: for
/// every piece of evidence the demo's exit criteria and handoff rules check, the line is read
/// as `deal.update` of that evidence, and saying it records it.
@Suite(.tags(.fast)) struct RecordingLinesTests {
  @Test func everyOfferedRecordingLineRecordsItsEvidence() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    let model = try workspace.operatingModel()
    let evidence =
      model.stages.flatMap { $0.exitCriteria.map { ($0.evidence.kind, $0.evidence.key) } }
      + model.handoffRules.flatMap { $0.requiredFields.map { ("field", $0) } }
    #expect(evidence.count > 20)
    var misread: [String] = []
    for (kind, key) in evidence {
      // Deal 10 is in Discovery, with none of the later stages' evidence.
      let line = EvidencePhrases.recordingLine(kind: kind, key: key, deal: 10)
      let session = try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan")
      session.confirmations = .assumeYes
      let turn = session.handle(line)
      let recorded = try workspace.evidence(forDeal: 10).contains("\(kind):\(key)")
      if turn.intent != "deal.update" || !recorded {
        misread.append("\(line) → \(turn.intent ?? "-"): \(turn.reply.firstLine)")
      }
    }
    #expect(misread.isEmpty, "\(misread.joined(separator: "\n"))")
  }
}
