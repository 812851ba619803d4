import BatonModel
import Conversation
import IntentMatching
import WorkspaceStore

extension Session {
  /// `slots` with each record named by what it holds ("the security questionnaire task",
  /// "Kira Pied's lead") as the one record whose words hold it, open ones first; a refusal
  /// instead when none does, or several do (they are listed, by number).
  func resolveDescribed(_ slots: inout [String: SlotValue]) -> Reply? {
    for (name, slot) in slots {
      guard let words = DescribedRecords.words(of: slot.value) else { continue }
      let kind = slot.value.kind
      let noun = kind == .change ? "change request" : kind.rawValue
      let said = words.joined(separator: " ")
      let found: [DescribedRecord]
      do {
        found = try workspace.records(kind, describedBy: words, limit: Self.describedListed + 1)
      } catch {
        return Reply(kind: .error, text: "The workspace could not be read: \(error)")
      }
      let open = found.filter(\.isOpen)
      let candidates = open.isEmpty ? found : open
      switch candidates.count {
      case 0:
        return .notFound("\(noun) about “\(said)”", ["slot": .string(name)])
      case 1:
        let id = candidates[0].id
        slots[name] = SlotValue(
          EntityValue(kind: kind, key: String(id), display: "\(kind.rawValue) \(id)"), source: slot.source)
      default:
        let listed = candidates.prefix(Self.describedListed).map { "\(noun) \($0.id) “\($0.label)”" }
        let more = candidates.count > Self.describedListed ? ", and more" : ""
        return .refused(
          "Several \(noun)s are about “\(said)”: \(listed.joined(separator: ", "))\(more). Name it by number.",
          reason: .ambiguous,
          ["slot": .string(name), "candidates": .array(candidates.map { .int($0.id) })])
      }
    }
    return nil
  }

  /// How many matching records an ambiguous description lists.
  static let describedListed = 5
}
