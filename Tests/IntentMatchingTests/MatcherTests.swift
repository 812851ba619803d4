import BatonModel
import BatonTestSupport
import Foundation
import IntentMatching
import Testing
import WorkspaceStore

/// The matcher measured as a whole on paraphrases written for the tests (not copies of the
/// intent files' examples), with the slots each must fill.
@Suite(.tags(.fast)) struct MatcherTests {
  static let today = Fixtures.today

  static func matcher() throws -> IntentMatcher {
    let workspace = try Workspace.inMemory(.demo(today: today))
    return IntentMatcher(catalog: try Fixtures.catalog(), names: try workspace.vocabulary())
  }

  /// (line, intent, expected slots as name=key).
  static let paraphrases: [(String, String, [String: String])] = [
    ("who is the owner of stage exit criteria", "ownership.who", ["responsibility": "stage-exit-criteria"]),
    ("which group owns forecast categories", "ownership.who", ["responsibility": "forecast-categories"]),
    ("who's accountable for quota planning", "ownership.who", ["responsibility": "quota-support", "raci": "A"]),
    ("who gets consulted on territory rules?", "ownership.who", ["responsibility": "territory-rules", "raci": "C"]),
    ("who is informed about comp plans", "ownership.who", ["responsibility": "compensation-plans", "raci": "I"]),
    ("who should I ask about lead scoring", "ownership.who", ["responsibility": "lead-scoring"]),
    ("who owns the crm fields", "ownership.who", ["responsibility": "crm-fields"]),
    ("what does marketing operations own", "ownership.of", ["team": "marketing-ops"]),
    ("what is jordan accountable for", "ownership.of", ["person": "jordan", "raci": "A"]),
    ("what is salesops responsible for", "ownership.of", ["team": "sales-ops", "raci": "R"]),
    ("which responsibilities does RevOps have", "ownership.of", ["team": "revops"]),
    ("show me the RACI", "ownership.matrix", [:]),
    ("raci matrix for territory rules", "ownership.matrix", ["responsibility": "territory-rules"]),
    ("how does revops differ from sales ops", "compare.functions", ["team": "revops", "other": "sales-ops"]),
    ("revenue operations versus sales operations", "compare.functions", ["team": "revops", "other": "sales-ops"]),
    ("what is a marketing qualified lead", "stage.define", ["stage": "mql"]),
    ("explain what Negotiation means", "stage.define", ["stage": "negotiation"]),
    ("what's needed to leave discovery", "stage.exit_criteria", ["stage": "discovery"]),
    ("exit criteria of the proposal stage", "stage.exit_criteria", ["stage": "proposal"]),
    ("what has to happen before a deal exits negotation", "stage.exit_criteria", ["stage": "negotiation"]),
    ("what do we need to hand over at closed won", "handoff.rule", ["stage": "closed-won"]),
    ("what is the marketing to sales handoff rule", "handoff.rule", ["handoff": "marketing-to-sales"]),
    ("how do we calculate net revenue retention", "metric.define", ["metric": "nrr"]),
    ("what does win rate mean", "metric.define", ["metric": "win-rate"]),
    ("define pipeline coverage", "metric.define", ["metric": "pipeline-coverage"]),
    ("show me deal #42", "deal.show", ["deal": "42"]),
    ("tell me about deal number 8", "deal.show", ["deal": "8"]),
    ("what's the status of deal forty two", "deal.show", ["deal": "42"]),
    ("which deals are in proposal", "deal.list", ["stage": "proposal"]),
    ("show Sam's deals", "deal.list", ["person": "sam"]),
    ("what can I ask you", "session.help", [:]),
    ("what's in focus", "session.context", [:]),
    ("how did you read that", "session.why", [:]),
    ("forget it, start over", "session.reset", [:]),
    ("goodbye", "session.quit", [:]),
  ]

  static let outOfScope = [
    "what's the weather like tomorrow", "tell me a joke", "delete all deals", "drop table deals;",
    "rm -rf /", "asdkjh qwe zzz", "'; DROP TABLE deal; --", "%s%s%s%n", "book a flight to Paris",
    "what is the meaning of life", "sudo shutdown now", "play some music",
  ]

  /// The engine the paraphrases are read with, built once for all of them.
  static let shared = Result { try matcher() }

  @Test(arguments: paraphrases)
  func aParaphraseIsUnderstoodWithItsSlots(_ line: String, _ intent: String, _ slots: [String: String]) throws {
    let match = try Self.shared.get().match(line, today: Self.today)
    #expect(
      match.intent?.name == intent,
      "“\(line)”: read as \(match.intent?.name ?? "not understood") (\(match.candidates.first.map { "\($0.intent) \($0.score)" } ?? ""))"
    )
    #expect(match.slots.mapValues(\.key) == slots, "“\(line)”")
  }

  @Test func outOfScopeLinesAreNotUnderstood() throws {
    let matcher = try Self.matcher()
    for line in Self.outOfScope {
      let match = matcher.match(line, today: Self.today)
      #expect(match.intent == nil, "“\(line)” was read as \(match.intent?.name ?? "") at \(match.confidence)")
    }
  }

  /// Words baton does not know in a record's place are a name the workspace lacks; known
  /// names, and lines with no such place, report none. Every paraphrase reports none.
  @Test func unknownWordsInARecordsPlaceAreAnUnknownName() throws {
    let matcher = try Self.matcher()
    let zed = matcher.match("what does Zed own", today: Self.today)
    #expect(zed.unknownNames.map(\.text) == ["Zed"])
    #expect(Set(zed.unknownNames.flatMap(\.kinds)) == [.team, .person])
    let stage = matcher.match("exit criteria for Verbal Commit", today: Self.today)
    #expect(stage.unknownNames.map(\.text) == ["Verbal Commit"])
    #expect(stage.unknownNames.map(\.kinds) == [[.stage]])
    // A name of which only a part is known is not the record that part names.
    let partly = matcher.match("how is Churn Velocity defined", today: Self.today)
    #expect(partly.unknownNames.map(\.text) == ["Churn Velocity"])
    for line in ["what does Alex own", "exit criteria for proposal", "who owns stage exit criteria"] {
      #expect(matcher.match(line, today: Self.today).unknownNames.isEmpty, "\(line)")
    }
    for (line, _, _) in Self.paraphrases {
      #expect(matcher.match(line, today: Self.today).unknownNames.isEmpty, "\(line)")
    }
  }

  @Test func typosAreTolerated() throws {
    let matcher = try Self.matcher()
    let match = matcher.match("who ownz stage exit critera", today: Self.today)
    #expect(match.intent?.name == "ownership.who")
    #expect(match.slots["responsibility"]?.key == "stage-exit-criteria")
    #expect(match.corrections.map(\.readAs) == ["owns", "criteria"])
  }

  /// A word of English is what the user meant, not a typo of a word the examples have:
  /// "life" stays "life" (it was read as "like"), so the line counts as having a word baton
  /// does not know, and is refused.
  @Test func aRealWordIsNotATypo() throws {
    let matcher = try Self.matcher()
    let match = matcher.match("what is the meaning of life", today: Self.today)
    #expect(match.corrections.isEmpty)
    #expect(match.intent == nil)
  }

  /// An intent's description is one more line to learn from: "update the list" is its
  /// intent's description in other words, and no example of either intent says "update".
  @Test func anIntentsDescriptionTeachesWhatItIsFor() {
    let described = IntentCatalog.labelled([
      ("what is on my list", "list_read"), ("read me the list", "list_read"), ("tell me my list", "list_read"),
      ("put milk on my list", "list_update"), ("milk goes on the list", "list_update"),
      ("take eggs off my list", "list_update"),
    ])
    var undescribed = described
    for index in undescribed.intents.indices { undescribed.intents[index].description = "" }
    func score(_ catalog: IntentCatalog) -> Double {
      let match = IntentMatcher(catalog: catalog, names: []).match("update the list", today: Self.today)
      return match.candidates.first { $0.intent == "list_update" }?.score ?? 0
    }
    #expect(described.intents.map(\.description) == ["list read", "list update"])
    let match = IntentMatcher(catalog: described, names: []).match("update the list", today: Self.today)
    #expect(match.candidates.first?.intent == "list_update")
    #expect(score(described) > score(undescribed) + 0.05, "\(score(described)) \(score(undescribed))")
  }

  /// A destructive request about baton's own things shares their words ("the pipeline",
  /// "the raci matrix") but is not a question about them: its verb, which only refused lines
  /// have, refuses it. None of these lines is in `intents/out-of-scope.yaml`.
  @Test func aRequestToDestroyIsNotAQuestionAboutWhatItNames() throws {
    let matcher = try Self.matcher()
    for line in [
      "delete the pipeline", "erase the raci matrix", "wipe the raci matrix", "delete my tasks",
      "destroy the stuck deals",
      "delete all change requests", "wipe the forecast", "remove the forecast",
    ] {
      let match = matcher.match(line, today: Self.today)
      #expect(match.intent == nil, "\(line): \(match.intent?.name ?? "")")
    }
    let erase = matcher.match("wipe the raci matrix", today: Self.today)
    #expect(erase.contraryWords == ["wipe"])
    #expect(erase.confidence >= erase.threshold, "refused by its word, not by its score")
    for (line, intent) in [
      ("show the raci matrix", "ownership.matrix"), ("show my tasks", "task.list"),
      ("which deals are stuck", "deal.stuck"), ("open change requests", "change.list"),
    ] {
      #expect(matcher.match(line, today: Self.today).intent?.name == intent, "\(line)")
    }
  }

  /// Free text is read only where the line keeps at least half of an example's frame: "who
  /// is the boss of everything" shares only "is" with "whose call is {problem}", which is no
  /// reason to read "the boss of everything" as a problem to assign; "whose call is the lead
  /// scoring model" keeps the whole frame.
  @Test func oneSharedWordIsNoFrameForFreeText() {
    let yaml = """
      version: 1
      intents:
        - name: decide
          description: who should take a problem
          action: decide
          slots:
            problem: {type: text, required: true}
          examples:
            - whose call is {problem}
            - who decides {problem}
            - who should own {problem}
            - which team should take {problem}
        - name: owner
          description: who owns a responsibility
          action: owner
          examples:
            - who owns the pipeline
            - who is the owner of forecasting
            - who runs lead routing
            - who is accountable for quotas
      """
    let (catalog, diagnostics) = IntentLoader.load(sources: [IntentSource(name: "t.yaml", bytes: Array(yaml.utf8))])
    #expect(diagnostics.filter { $0.description.contains("error") }.isEmpty)
    let matcher = IntentMatcher(catalog: catalog, names: [])
    // Read as "who is {text}", either line scored 0.59 for `decide`.
    for line in ["who is the boss of everything", "who is the best person for this"] {
      let match = matcher.match(line, today: Self.today)
      #expect(match.intent?.name != "decide", "\(line)")
      #expect((match.candidates.first { $0.intent == "decide" }?.score ?? 0) < 0.5, "\(line)")
    }
    let framed = matcher.match("whose call is the lead scoring model", today: Self.today)
    #expect(framed.intent?.name == "decide")
    #expect(framed.slots["problem"]?.display == "the lead scoring model")
  }

  @Test func datesAndPeriodsAreRecognizedAgainstTheClock() throws {
    let matcher = try Self.matcher()
    func values(_ line: String) -> [String] {
      matcher.entities(in: line, today: Self.today).flatMap(\.values).filter {
        [.date, .period, .size].contains($0.kind)
      }.map(\.key)
    }
    #expect(values("by friday") == ["2026-11-27"])
    #expect(values("tomorrow") == ["2026-11-24"])
    #expect(values("next week") == ["2026-11-30", "2026-11-30..2026-12-06"])
    #expect(values("end of quarter") == ["2026-12-31"])
    #expect(values("this quarter") == ["2026-Q4"])
    #expect(values("q3") == ["2026-Q3"])
    #expect(values("a 120 person company") == ["employees:120"])
  }

  @Test func theEngineBuildsIdenticallyTwice() throws {
    let one = try Self.matcher()
    let two = try Self.matcher()
    for (line, _, _) in Self.paraphrases {
      let a = one.match(line, today: Self.today)
      let b = two.match(line, today: Self.today)
      #expect(a.candidates == b.candidates)
      #expect(a.slots == b.slots)
    }
  }

  @Test func hostileLinesNeverCrash() throws {
    let matcher = try Self.matcher()
    let lines = [
      "", "   ", "\u{1B}[31mred\u{1B}[0m", "deal 99999999999999999999", String(repeating: "deal ", count: 10_000),
      String(repeating: "x", count: 100_000), "\u{0}\u{7}\u{8}", "%@ %d %n", "$(reboot)", "show deal -1",
    ]
    for line in lines { _ = matcher.match(line, today: Self.today) }
  }
}
