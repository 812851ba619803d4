import BatonModel
import IntentMatching

/// A line matched before its turn (a script's next lines, on another core, while the session
/// answers the one before) with nothing in focus. Matching is a pure function of the line,
/// the day and, for a line with a word such as "it", the focus; so the session takes this
/// reading in place of its own unless the line points at a focus the session has, or the
/// day has turned, or the workspace's names changed since.
public struct Prereading: Sendable {
  public let line: String
  public let day: Day
  private let match: Match
  /// The matcher's names version: a line read before a name was added is read again.
  private let namesVersion: Int

  public init(_ line: String, day: Day, matcher: IntentMatcher) {
    self.line = line
    self.day = day
    namesVersion = matcher.namesVersion
    match = matcher.match(line, today: day)
  }

  /// The reading, when it is the one the session would make of `line` now.
  func match(for line: String, day: Day, focus: [EntityKind], namesVersion: Int) -> Match? {
    guard line == self.line, day == self.day, namesVersion == self.namesVersion, focus.isEmpty || !match.readsFocus
    else { return nil }
    return match
  }
}
