import BatonModel
import WorkspaceStore

/// "What does a deal need to reach Negotiation": what it takes to enter a stage is what it
/// takes to leave the stage before it, and a question put so is answered with that stage's
/// exit criteria, said as such, never with the named stage's own.
enum StageEntry {
  /// Whether `input` asks what it takes to enter its stage rather than to leave it.
  static func asksEntry(_ input: String) -> Bool {
    let words = input.lowercased().split { !$0.isLetter }.map(String.init)
    let said = " " + words.joined(separator: " ") + " "
    if exitCues.contains(where: { said.contains(" \($0) ") }) { return false }
    return entryCues.contains { said.contains(" \($0) ") }
  }

  /// The stage a deal or lead leaves to enter `stage`, or why there is none.
  static func stageBefore(_ stage: Stage, in stages: [Stage]) -> Result<Stage, Refusal> {
    let ordered = stages.sorted { $0.position < $1.position }
    switch stage.stageKind {
    case .lost:
      return .failure(Refusal("A deal may be lost from any open stage: nothing is needed to enter \(stage.name)."))
    case .won:
      guard let last = ordered.last(where: { $0.stageKind == .opportunity }) else {
        return .failure(Refusal("No open stage comes before \(stage.name)."))
      }
      return .success(last)
    default:
      guard let previous = ordered.last(where: { $0.position < stage.position && $0.stageKind?.isClosed != true })
      else {
        return .failure(Refusal("\(stage.name) is the first stage: nothing comes before it."))
      }
      return .success(previous)
    }
  }

  /// Why a stage has no stage before it to leave.
  struct Refusal: Error {
    let text: String
    init(_ text: String) { self.text = text }
  }

  /// Words that ask about leaving the stage named.
  private static let exitCues = [
    "leave", "leaves", "leaving", "left", "exit", "exits", "exiting", "exited", "out of", "past", "graduate from",
    "move on from", "gates out",
  ]
  /// Words that ask about entering it.
  private static let entryCues = [
    "reach", "enter", "entering", "get to", "get into", "gets into", "into", "become", "becomes", "make it to",
    "advance to", "qualify as", "count as", "entry", "move to", "moving to", "go to", "progress to", "before",
  ]
}
