import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import GRDB
import IntentMatching
import Rendering
import Testing
import WorkspaceStore

/// Hostile and random lines through the whole turn (matcher, resolver, actions, renderers)
/// on a demo workspace file: no crash, no hang, a reply for every line, nothing raw sent to
/// the terminal, and lines that only read leave the file byte-for-byte as it was.
@Suite(.serialized, .tags(.fast)) struct HostileInputTests {
  /// This test's own folder, removed after it.
  let scratch = TemporaryFolder()

  /// Real commands, so the fuzzer reaches deep into actions rather than stopping at "not
  /// understood".
  static let commands = [
    "who owns stage exit criteria", "and who is consulted?", "show deal 42", "move it to negotiation",
    "assign a follow-up to Priya by Friday", "summarize the pipeline", "pipeline by owner", "forecast for Q3",
    "which deals are stuck", "what is our win rate", "how is NRR defined", "trigger handoff for deal 8",
    "propose a new stage Verbal Commit", "route lead 7", "reassign Globex to Sam", "what changed today",
    "undo", "yes", "no", "why", "context", "help", "start over", "complete task 1", "approve change 1",
  ]

  /// Fragments meant to break something: terminal escapes, control characters, SQL, shell,
  /// format strings, slot markers, numbers at and past the limits, odd Unicode.
  static let fragments = [
    "\u{1B}[2J\u{1B}[31m", "\u{1B}]0;pwned\u{7}", "\u{0}", "\u{7}\u{8}\u{7F}", "\r", "\t",
    "'; DROP TABLE deal; --", "\" OR 1=1 --", "$(rm -rf /)", "`reboot`", "| cat /etc/passwd", "&& shutdown",
    "%s%s%s%n%x", "%@", "{{responsibility}}", "{deal}", "{text}", "\\", "\\u{1B}",
    "deal 99999999999999999999", "deal -1", "deal 0", "task 9223372036854775807", "deal 9223372036854775808",
    "lead 1e309", "stuck for 99999999999 days", "Q9 2026", "2026-13-45", "in -5 days", "#", "##42",
    "\u{202E}evil", "ｗｈｏ ｏｗｎｓ", "naïve café", "e\u{301}\u{301}\u{301}", "🦄🦄", "\u{FEFF}", "\u{FFFD}",
    "Δ Ω ж 中文", "ownz critera negotation", "99999999999999999999k", "1e300 million",
    "set the amount of deal 42 to 9e18m",
  ]

  @Test func hostileLinesGetARepliesAndNeverWriteWhenTheyOnlyRead() throws {
    let path = try Fixtures.demoFile(in: scratch)
    let workspace = try Workspace.open(path: path, createIfMissing: nil)
    let session = try Fixtures.session(on: workspace)
    let catalog = try Fixtures.catalog()
    // What may write: a side effect (a refusal is audited), a confirmation, an undo.
    let writers = Set(catalog.intents.filter(\.sideEffects).map(\.name)).union(["confirm.yes", "session.undo"])
    let text = TextRenderer(width: 80, colour: false)
    let json = JSONRenderer()
    var random = SeededGenerator(seed: 0xBA7_0F22)
    var lines = Self.fragments + Self.commands
    for _ in 0..<1_500 { lines.append(Self.randomLine(&random)) }
    lines += [
      String(repeating: "owns ", count: 399), String(repeating: "x", count: 1_000_000),
      String(repeating: "deal 42 ", count: 240), String(repeating: "🦄", count: 3_000),
    ]
    for line in lines where !line.allSatisfy(\.isWhitespace) {
      let before = try Self.digest(path)
      let turn = session.handle(line)
      let rendered = text.render(turn.reply)
      let object = json.render(turn)

      #expect(!rendered.isEmpty, "no reply to \(line.debugDescription)")
      let raw = rendered.unicodeScalars.first { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }
      #expect(raw == nil, "a raw control character in the reply to \(line.prefix(60).debugDescription)")
      let parsed = try? JSONSerialization.jsonObject(with: Data(object.utf8)) as? [String: Any]
      #expect(parsed?["ok"] is Bool, "the JSON of \(line.prefix(60).debugDescription) is not an object")
      #expect(!object.contains("\n"), "the JSON of a line spans more than one line")
      // A proposal of nothing in the operating model reads no intent, and its refusal is audited.
      if !writers.contains(turn.intent ?? ""), turn.reply.refusalReason != .notAChange {
        #expect(try Self.digest(path) == before, "\(line.prefix(60).debugDescription) changed the workspace")
      }
    }
    let check = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    #expect(check == "ok")
  }

  @Test func escapesInWorkspaceDataAreShownEscaped() throws {
    let path = try Fixtures.demoFile(in: scratch)
    try DatabaseQueue(path: path).write { db in
      try db.execute(
        sql: "UPDATE deal SET name = ? WHERE id = 42", arguments: ["Nakatomi \u{1B}[2J\u{1B}]0;owned\u{7} Expansion"])
      try db.execute(sql: "UPDATE account SET name = ? WHERE name = 'Globex'", arguments: ["Globex\u{1B}[31m"])
    }
    let session = try Fixtures.session(on: try Workspace.open(path: path, createIfMissing: nil))
    for line in ["show deal 42", "deals of Globex", "pipeline by account", "forecast"] {
      let rendered = TextRenderer(width: 120, colour: false).render(session.handle(line).reply)
      #expect(!rendered.contains("\u{1B}"), "\(line) sent ESC raw")
      #expect(!rendered.contains("\u{7}"), "\(line) sent BEL raw")
    }
    let shown = TextRenderer(width: 120, colour: false).render(session.handle("show deal 42").reply)
    #expect(shown.contains("Nakatomi ^[[2J^[]0;owned^G Expansion"))
  }

  /// A line of one to six pieces: commands, fragments, random words and random scalars.
  static func randomLine(_ random: inout SeededGenerator) -> String {
    var pieces: [String] = []
    for _ in 0..<Int.random(in: 1...6, using: &random) {
      switch Int.random(in: 0..<4, using: &random) {
      case 0: pieces.append(commands.randomElement(using: &random) ?? "")
      case 1: pieces.append(fragments.randomElement(using: &random) ?? "")
      case 2:
        let words = (commands.randomElement(using: &random) ?? "").split(separator: " ")
        pieces.append(words.shuffled(using: &random).prefix(3).joined(separator: " "))
      default:
        let scalars = (0..<Int.random(in: 1...12, using: &random)).compactMap { _ in
          Unicode.Scalar(UInt32.random(in: 0...0x2FFF, using: &random))
        }
        pieces.append(String(String.UnicodeScalarView(scalars)))
      }
    }
    return pieces.joined(separator: [" ", "", ", ", "\t"].randomElement(using: &random) ?? " ")
  }

  /// The workspace file and its write-ahead log, as bytes: what "unchanged" means.
  static func digest(_ path: String) throws -> [Data?] {
    [FileManager.default.contents(atPath: path), FileManager.default.contents(atPath: path + "-wal")]
  }
}
