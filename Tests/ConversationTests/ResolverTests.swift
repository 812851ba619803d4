import BatonModel
import BatonTestSupport
import Conversation
import IntentMatching
import Testing

/// The conversation read without a store: the product's intents and a handful of names.
@Suite(.tags(.fast)) struct ResolverTests {
  static let names = [
    NamedEntity(kind: .deal, key: "42", display: "deal 42", phrases: ["Nakatomi Expansion"]),
    NamedEntity(kind: .stage, key: "negotiation", display: "Negotiation", phrases: ["Negotiation"]),
    NamedEntity(kind: .stage, key: "proposal", display: "Proposal", phrases: ["Proposal"]),
    NamedEntity(
      kind: .responsibility, key: "stage-exit-criteria", display: "Stage exit criteria",
      phrases: ["stage exit criteria"]),
    NamedEntity(
      kind: .responsibility, key: "forecast-categories", display: "Forecast categories",
      phrases: ["forecast categories"]),
    NamedEntity(kind: .person, key: "priya", display: "Priya Natarajan", phrases: ["Priya Natarajan", "Priya"]),
    NamedEntity(kind: .person, key: "avery", display: "Avery Kim", phrases: ["Avery Kim", "Avery"]),
    NamedEntity(kind: .account, key: "7", display: "Hooli", phrases: ["Hooli"]),
    NamedEntity(kind: .account, key: "9", display: "Soylent", phrases: ["Soylent"]),
  ]

  static let matcher: IntentMatcher = {
    // A catalogue the tests cannot load is reported by the first test that uses it.
    IntentMatcher(catalog: (try? Fixtures.catalog()) ?? IntentCatalog(intents: [], vocabulary: []), names: names)
  }()

  /// Resolves `line` as the session would: matched against the focus, then resolved.
  static func resolve(_ line: String, _ resolver: Resolver) -> Resolution {
    let match = matcher.match(line, today: Fixtures.today, focus: resolver.focusKinds)
    return resolver.resolve(match, line: line, today: Fixtures.today)
  }

  /// Resolves `line` and, when it runs, records it as answered (what a session does).
  static func answer(_ line: String, _ resolver: Resolver) -> (String, [String: String])? {
    guard case .run(let intent, let slots) = resolve(line, resolver) else { return nil }
    resolver.ran(intent, slots: slots, reply: Reply(kind: .answer, text: "ok"))
    return (intent.name, slots.mapValues(\.value.key))
  }

  @Test func aPointerIsFilledFromTheFocus() throws {
    #expect(try !Fixtures.catalog().intents.isEmpty)
    let resolver = Resolver(matcher: Self.matcher)
    #expect(Self.answer("show deal 42", resolver)?.1["deal"] == "42")
    #expect(resolver.state.promptFocus == "deal 42")
    let move = Self.resolve("move it to negotiation", resolver)
    guard case .run(let intent, let slots) = move else {
      Issue.record("“move it to negotiation” did not run: \(move)")
      return
    }
    #expect(intent.name == "deal.move")
    #expect(slots["deal"] == SlotValue(EntityValue(kind: .deal, key: "42", display: "deal 42"), source: .context))
    #expect(slots["stage"]?.value.key == "negotiation" && slots["stage"]?.source == .line)
  }

  @Test func aFollowUpKeepsTheSubjectAndChangesWhatItNames() {
    let resolver = Resolver(matcher: Self.matcher)
    #expect(Self.answer("who owns stage exit criteria", resolver)?.0 == "ownership.who")
    let informed = Self.answer("and who gets informed?", resolver)
    #expect(informed?.0 == "ownership.who")
    #expect(informed?.1 == ["responsibility": "stage-exit-criteria", "raci": "I"])
    let other = Self.answer("what about forecast categories", resolver)
    #expect(other?.1 == ["responsibility": "forecast-categories", "raci": "I"])
  }

  @Test func aMissingSlotIsAskedForAndTheNextLineAnswersIt() {
    let resolver = Resolver(matcher: Self.matcher)
    let asked = Self.resolve("what are the exit criteria", resolver)
    guard case .reply(let question, let intent, _) = asked else {
      Issue.record("no question: \(asked)")
      return
    }
    #expect(question.kind == .question)
    #expect(question.firstLine == "Which stage? For example: Negotiation")
    #expect(intent?.name == "stage.exit_criteria")
    #expect(resolver.awaiting == .value(.stage))
    #expect(Self.answer("proposal", resolver)?.1 == ["stage": "proposal"])
    #expect(resolver.awaiting == nil)
  }

  @Test func aNewCommandDropsTheQuestionAndNonsenseSaysSo() {
    let resolver = Resolver(matcher: Self.matcher)
    _ = Self.resolve("what are the exit criteria", resolver)
    #expect(Self.answer("who owns stage exit criteria", resolver)?.0 == "ownership.who")
    _ = Self.resolve("what are the exit criteria", resolver)
    guard case .reply(let reply, nil, _) = Self.resolve("blorp", resolver) else {
      Issue.record("nonsense was not refused")
      return
    }
    #expect(reply.kind == .notUnderstood)
    #expect(
      reply.firstLine == "That does not answer which stage for “what are the exit criteria”; the question is dropped.")
    #expect(resolver.awaiting == nil)
  }

  @Test(arguments: [("yes", true), ("y", true), ("sure", true), ("no", false), ("n", false), ("cancel", false)])
  func aConfirmationIsAnsweredByYesOrNo(_ line: String, _ yes: Bool) {
    let resolver = Resolver(matcher: Self.matcher)
    let waiting = PendingConfirmation(action: "deal.move", intent: "deal.move", slots: [:], input: "move deal 42")
    resolver.awaitConfirmation(waiting)
    #expect(resolver.awaiting == .confirmation)
    guard case .confirmation(let answered, let said) = Self.resolve(line, resolver) else {
      Issue.record("“\(line)” did not answer the confirmation")
      return
    }
    #expect(answered == waiting && said == yes)
    #expect(resolver.awaiting == nil)
  }

  @Test func anyOtherLineDropsTheConfirmation() {
    let resolver = Resolver(matcher: Self.matcher)
    resolver.awaitConfirmation(
      PendingConfirmation(action: "deal.move", intent: "deal.move", slots: [:], input: "move deal 42"))
    #expect(Self.answer("who owns stage exit criteria", resolver)?.0 == "ownership.who")
    #expect(resolver.awaiting == nil)
  }

  @Test func theConversationsOwnIntentsLeaveTheFocusAsItWas() {
    let resolver = Resolver(matcher: Self.matcher)
    _ = Self.answer("show deal 42", resolver)
    _ = Self.answer("help", resolver)
    #expect(resolver.state.lastIntent?.name == "deal.show")
    resolver.reset()
    #expect(resolver.state.promptFocus == nil && resolver.state.lastIntent == nil)
  }

  @Test func aNameTheWorkspaceLacksIsRefusedWithTheNearest() {
    let resolver = Resolver(matcher: Self.matcher)
    guard
      case .reply(let reply, let intent, _) = Self.resolve("what are the exit criteria for Negotation Plus", resolver)
    else {
      Issue.record("an unknown stage was answered")
      return
    }
    #expect(intent?.name == "stage.exit_criteria")
    #expect(reply.refusalReason == .notFound)
    #expect(reply.firstLine.hasPrefix("No stage called “"))
  }

  @Test(arguments: ["who owns the hooli account", "who should get the hooli account", "what is moving deal 42"])
  func aQuestionIsNeverCarriedOut(_ line: String) {
    let resolver = Resolver(matcher: Self.matcher)
    _ = Self.answer("show deal 42", resolver)
    let resolution = Self.resolve(line, resolver)
    if case .run(let intent, _) = resolution {
      #expect(!intent.sideEffects, "“\(line)” would run \(intent.name)")
    }
    if case .reply(_, let intent?, _) = resolution { #expect(!intent.sideEffects) }
  }

  @Test func aSideEffectTakesItsRecordFromTheFocusOnlyWhenTheLinePointsAtIt() {
    let resolver = Resolver(matcher: Self.matcher)
    _ = Self.answer("show deal 42", resolver)
    guard case .reply(let question, let intent, _) = Self.resolve("trigger the handoff", resolver) else {
      Issue.record("a handoff ran on the deal an earlier line was about")
      return
    }
    #expect(intent?.name == "handoff.trigger" && question.firstLine == "Which deal? For example: deal 42")
    _ = Self.answer("show deal 42", resolver)
    guard case .run(let pointed, let slots) = Self.resolve("trigger the handoff for it", resolver) else {
      Issue.record("“for it” did not point at deal 42")
      return
    }
    #expect(pointed.name == "handoff.trigger" && slots["deal"]?.value.key == "42")
  }

  @Test func aCommandOfItsOwnIsNotTakenAsTheAnswer() {
    let resolver = Resolver(matcher: Self.matcher)
    guard case .reply(_, let asking?, _) = Self.resolve("reassign hooli", resolver) else {
      Issue.record("no question for the new owner")
      return
    }
    #expect(asking.name == "account.reassign" && resolver.awaiting == .value(.person))
    guard case .run(let intent, let slots) = Self.resolve("reassign soylent to avery", resolver) else {
      Issue.record("the new command did not run as itself")
      return
    }
    #expect(!resolver.answeredQuestion)
    #expect(intent.name == "account.reassign")
    #expect(slots["account"]?.value.key == "9" && slots["person"]?.value.key == "avery")
  }

  @Test func thePromptShowsWhatTheNextFollowUpIsAbout() {
    let resolver = Resolver(matcher: Self.matcher)
    _ = Self.answer("show deal 42", resolver)
    #expect(resolver.state.promptFocus == "deal 42")
    _ = Self.answer("who owns stage exit criteria", resolver)
    #expect(resolver.state.promptFocus == "Stage exit criteria")
    _ = Self.answer("what about forecast categories", resolver)
    #expect(resolver.state.promptFocus == "Forecast categories")
  }

  @Test func aRefusalAboutARecordPutsItInFocus() {
    let resolver = Resolver(matcher: Self.matcher)
    guard case .run(let intent, let slots) = Self.resolve("move deal 42 to negotiation", resolver) else {
      Issue.record("the move did not resolve")
      return
    }
    resolver.ran(intent, slots: slots, reply: .refused("Deal 42 cannot move.", reason: .exitCriteria))
    #expect(resolver.state.promptFocus == "deal 42")
    guard case .run(_, let again) = Self.resolve("move it to negotiation anyway because legal signed", resolver) else {
      Issue.record("“move it” did not find deal 42")
      return
    }
    #expect(again["deal"]?.value.key == "42" && again["deal"]?.source == .context)
  }

  @Test func fromOneToAnotherTakesTheOneAfterTo() {
    let resolver = Resolver(matcher: Self.matcher)
    guard case .run(let intent, let slots) = Self.resolve("reassign hooli from priya to avery", resolver) else {
      Issue.record("the reassignment did not resolve")
      return
    }
    #expect(intent.name == "account.reassign")
    #expect(slots["person"]?.value.key == "avery" && slots["account"]?.value.key == "7")
  }
}
