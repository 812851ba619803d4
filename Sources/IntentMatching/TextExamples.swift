/// The examples of one intent with free text, as reading a line again with its free text
/// needs them (`IntentMatcher.rereadFreeText`): which examples place a text slot, the
/// distinct anchors they place it by (a line's text is placed once for each, not once an
/// example: examples share them), and each one's frame. Read once an intent, the first time
/// a line needs it.
final class TextExamples: Sendable {
  /// For each example with a text slot, in order, for each of the intent's text slots in order, its anchors' position
  /// in `anchors`; nil where the example lacks the slot.
  let placements: [[Int?]]
  /// The distinct anchors the examples place text by.
  let anchors: [SlotFiller.Anchors]
  /// For each of those examples, its literal words, normalized (`SlotFiller.frames`).
  let frames: [Set<String>]
  /// For each of those examples, whether it marks the intent's first text slot, where
  /// marked words may stand (even where it has no anchors for it, as when it marks it twice).
  let marksFirst: [Bool]
  /// The positions in `anchors` of those that place text only in a line with this stem: the
  /// word before the slot, or for a slot that opens its example, the word after it. A line's
  /// text is placed by the anchors its own stems list, not by every one.
  private let byStem: [String: [Int]]

  init(slots: [[SlotFiller.Anchors?]], frames: [Set<String>], marksFirst marks: [Bool]) {
    var distinct: [SlotFiller.Anchors: Int] = [:]
    var anchors: [SlotFiller.Anchors] = []
    var placements: [[Int?]] = []
    var kept: [Set<String>] = []
    var marksFirst: [Bool] = []
    for index in frames.indices where marks[index] || slots.contains(where: { $0[index] != nil }) {
      kept.append(frames[index])
      marksFirst.append(marks[index])
      placements.append(
        slots.map { slot in
          slot[index].map { read in
            if let known = distinct[read] { return known }
            distinct[read] = anchors.count
            anchors.append(read)
            return anchors.count - 1
          }
        })
    }
    self.placements = placements
    self.anchors = anchors
    self.frames = kept
    self.marksFirst = marksFirst
    var byStem: [String: [Int]] = [:]
    for (position, read) in anchors.enumerated() {
      if let stem = read.before.last ?? read.after.first { byStem[stem, default: []].append(position) }
    }
    self.byStem = byStem
  }

  /// Where each of `anchors` places the free text of a line with `stems` (`distinct`, the
  /// same without repeats), as `SlotFiller.freeTextRange(_:stems:anchored:)` with `anchored`
  /// does.
  func placed(stems: [String], distinct: Set<String>) -> [Range<Int>?] {
    var placed = [Range<Int>?](repeating: nil, count: anchors.count)
    for stem in distinct {
      for position in byStem[stem] ?? [] {
        placed[position] = SlotFiller.freeTextRange(anchors[position], stems: stems, anchored: true)
      }
    }
    return placed
  }
}
