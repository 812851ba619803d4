import BatonModel
import Conversation
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

  /// Whether `slots` hold this task.
  func isTaken(by slots: [String: SlotValue]) -> Bool {
    slots.values.contains { $0.value.kind == .task && $0.value.key == String(id) }
  }
}

extension Session {
  /// The most open tasks whose titles a line is read against; a workspace with more reads
  /// tasks by number or by the "… task" noun only, since a title found among some of them
  /// could be another's too.
  static let titledTasksRead = 2_000

  /// A line not understood that names an open task by words of its title ("push the
  /// onboarding deck to Friday"), read again with "task N" in their place; nil unless that
  /// reading is understood and takes that task. Never for a line that may be a question
  /// (a guess must not turn one into a change), nor while the conversation waits for an
  /// answer.
  func titledTaskReading(_ line: String, match: Match, day: Day, focus: [EntityKind]) -> TitledTask? {
    guard match.intent == nil, match.tokens.count >= 2, resolver.awaiting == nil, !Resolver.mayAsk(match),
      let open = try? workspace.openTaskTitles(limit: Self.titledTasksRead), !open.isEmpty
    else { return nil }
    let titles = open.map { (id: $0.id, words: matcher.normalizedWords($0.title)) }
    let covered = Set(match.entities.flatMap { Array($0.range) })
    let words = match.tokens.map(\.text)
    let tells = { (index: Int) in !covered.contains(index) && !self.matcher.knows(words[index]) }
    guard let found = TitleWords.find(in: words, titles: titles, tells: tells),
      let span = Self.characters(of: Array(match.tokens[found.range]), in: line),
      let title = open.first(where: { $0.id == found.id })?.title
    else { return nil }
    let key = String(found.id)
    let reread = matcher.match(line.replacingCharacters(in: span, with: "task \(key)"), today: day, focus: focus)
    let takesTask = reread.slots.values.contains { (value: EntityValue) in value.kind == .task && value.key == key }
    guard reread.intent != nil, takesTask else { return nil }
    return TitledTask(match: reread, said: String(line[span]), id: found.id, title: title)
  }

  /// The refusal of a change to a task read from its title's words when no one is asked to
  /// confirm it (`--yes`, a script, an agent): a guess is shown before it is carried out.
  func titledChangeRefusal(_ titled: TitledTask) -> Reply {
    .refused(
      "Not done: “\(titled.said)” may be task \(titled.id) “\(titled.title)”. Say it with “task \(titled.id)” to go ahead.",
      reason: .ambiguous, titled.data)
  }

  /// Where in `line` the words `tokens` were typed, one after another with nothing but
  /// punctuation or spaces between them, each a whole word (case aside); nil unless they
  /// were typed so in exactly one place.
  static func characters(of tokens: [Token], in line: String) -> Range<String.Index>? {
    guard let first = tokens.first else { return nil }
    var places: [Range<String.Index>] = []
    var searchFrom = line.startIndex
    while let start = line.range(of: first.surface, options: .caseInsensitive, range: searchFrom..<line.endIndex) {
      searchFrom = start.upperBound
      guard isWordStart(start.lowerBound, in: line) else { continue }
      var end = start.upperBound
      var typed = true
      for token in tokens.dropFirst() {
        var next = end
        while next < line.endIndex, !line[next].isLetter, !line[next].isNumber { next = line.index(after: next) }
        guard next > end,
          let word = line.range(of: token.surface, options: [.caseInsensitive, .anchored], range: next..<line.endIndex)
        else {
          typed = false
          break
        }
        end = word.upperBound
      }
      if typed, end == line.endIndex || !(line[end].isLetter || line[end].isNumber) {
        places.append(start.lowerBound..<end)
      }
    }
    return places.count == 1 ? places[0] : nil
  }

  private static func isWordStart(_ index: String.Index, in line: String) -> Bool {
    guard index > line.startIndex else { return true }
    let before = line[line.index(before: index)]
    return !before.isLetter && !before.isNumber
  }
}
