import BatonModel
import Foundation
import IntentMatching
import WorkspaceStore

/// A line read again with an open task's number where it named the task by words of its title.
struct TitledTask {
  /// The line's reading with "task N" in place of the title's words.
  let match: Match
  /// The words as typed, and the task they name.
  let said: String
  let id: Int64
  let title: String

  /// What the reply says first, so the person sees which task the words were read as.
  var note: String { "Read “\(said)” as task \(id) “\(title)”." }

  var data: [String: JSONValue] {
    ["read_as": .object(["text": .string(said), "task": .int(id), "title": .string(title)])]
  }
}

extension Session {
  /// The most open tasks whose titles a line is read against; a workspace with more reads
  /// tasks by number or by the "… task" noun only, since a title found among some of them
  /// could be another's too.
  static let titledTasksRead = 2_000

  /// A line not understood that names an open task by words of its title ("push the
  /// onboarding deck to Friday"), read again with "task N" in their place; nil unless that
  /// reading is understood and takes that task.
  func titledTaskReading(_ line: String, match: Match, day: Day, focus: [EntityKind]) -> TitledTask? {
    guard match.intent == nil, match.tokens.count >= 2,
      let open = try? workspace.openTaskTitles(limit: Self.titledTasksRead), !open.isEmpty
    else { return nil }
    let titles = open.map { (id: $0.id, words: matcher.normalizedWords($0.title)) }
    guard let found = TitleWords.find(in: match.tokens.map(\.text), titles: titles),
      let span = Self.characters(of: found.range, tokens: match.tokens, in: line),
      let title = open.first(where: { $0.id == found.id })?.title
    else { return nil }
    let key = String(found.id)
    let reread = matcher.match(line.replacingCharacters(in: span, with: "task \(key)"), today: day, focus: focus)
    let takesTask = reread.slots.values.contains { (value: EntityValue) in value.kind == .task && value.key == key }
    guard reread.intent != nil, takesTask else { return nil }
    return TitledTask(match: reread, said: String(line[span]), id: found.id, title: title)
  }

  /// Where in `line` the tokens in `range` were typed: each token's surface found after the
  /// one before it; nil when one is not found as typed (a word the normalizer rewrote).
  private static func characters(of range: Range<Int>, tokens: [Token], in line: String) -> Range<String.Index>? {
    var cursor = line.startIndex
    var start = line.startIndex
    for index in 0..<range.upperBound {
      guard
        let found = line.range(
          of: tokens[index].surface, options: [.caseInsensitive], range: cursor..<line.endIndex)
      else { return nil }
      if index == range.lowerBound { start = found.lowerBound }
      cursor = found.upperBound
    }
    return start..<cursor
  }
}
