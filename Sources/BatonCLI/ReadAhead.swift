import Assistant
import BatonModel
import Dispatch
import IntentMatching
import LineEditing
import Synchronization

/// Matches the lines a script has already sent on another core while the session answers
/// the lines before them: matching is a large part of a question's time and needs nothing the
/// answers change (`Prereading` says when it does). Only lines already waiting are read, so
/// a program that sends its next line after reading a reply is never waited for.
final class ReadAhead {
  /// A line handed to the queue, whose reading is collected when its turn comes.
  final class Pending: @unchecked Sendable {
    // Written once, on the queue, before `done` is signalled; read only after waiting for
    // `done`, which orders the two (hence unchecked).
    private var reading: Prereading?
    private let done = DispatchSemaphore(value: 0)

    fileprivate func fulfil(_ reading: Prereading) {
      self.reading = reading
      done.signal()
    }

    /// The reading, once the queue has made it. Called once.
    func wait() -> Prereading? {
      done.wait()
      return reading
    }
  }

  /// How many lines are held ahead of the one answered, and how low they may run before more
  /// are read: lines go to the queue in batches, since waking its thread for each line costs
  /// more than matching the line.
  static let depth = 32
  static let refill = 8

  /// A line read ahead: the event, a line's text trimmed (so the loop does not trim it
  /// again), and its reading when one is on the way.
  struct Line {
    let event: LineEvent
    let trimmed: String?
    fileprivate(set) var pending: Pending?
  }

  private final class Stopped: Sendable {
    let flag = Atomic<Bool>(false)
  }

  private let queue = DispatchQueue(label: "baton.read-ahead")
  private let matcher: IntentMatcher
  /// Set when the loop ends: lines read but never to be answered (after `quit`, a failure
  /// under `--strict`) are not matched.
  private let stopped = Stopped()
  /// The lines read, oldest first from `first`.
  private var lines: [Line] = []
  private var first = 0
  private var ended = false

  init(matcher: IntentMatcher) { self.matcher = matcher }

  var isEmpty: Bool { first == lines.count }

  /// When fewer than `refill` lines are left, reads the lines already waiting, up to `depth`
  /// ahead, and starts matching the ones the session will match, as read on `day`.
  func topUp(from reader: inout some LineReader, day: Day) {
    guard !ended, lines.count - first < Self.refill else { return }
    lines.removeFirst(first)
    first = 0
    var matched: [(line: String, place: Int)] = []
    while !ended, lines.count < Self.depth, reader.hasLineReady() {
      let event = reader.readLine(prompt: "")
      var trimmed: String?
      switch event {
      case .eof: ended = true
      case .interrupted: break
      case .line(let text):
        let line = ConversationLoop.trimmed(text)
        trimmed = line
        // An over-long line is refused before it is matched.
        if !ConversationLoop.isSkipped(line) && line.utf8.count <= Session.maximumLineLength {
          matched.append((line, lines.count))
        }
      }
      lines.append(Line(event: event, trimmed: trimmed, pending: nil))
    }
    // A single line has nothing to overlap with: the session matches it, and a one-line run
    // (`-c`) starts no thread.
    guard matched.count > 1 else { return }
    let pending = matched.map { _ in Pending() }
    queue.async { [matcher, matched, stopped] in
      for (line, pending) in zip(matched, pending) {
        guard !stopped.flag.load(ordering: .relaxed) else { return }
        pending.fulfil(Prereading(line.line, day: day, matcher: matcher))
      }
    }
    for (line, pending) in zip(matched, pending) { lines[line.place].pending = pending }
  }

  /// Drops the readings still to be made and returns once the queue has let go: nothing of
  /// the loop's runs on after it (a process that exits while another thread still works can
  /// crash in its exit handlers).
  func stop() {
    stopped.flag.store(true, ordering: .relaxed)
    queue.sync {}
  }

  /// The oldest line read ahead.
  func next() -> Line? {
    guard !isEmpty else { return nil }
    defer { first += 1 }
    return lines[first]
  }
}
