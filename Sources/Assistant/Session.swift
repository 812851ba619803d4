import Actions
import BatonModel
import Conversation
import Foundation
import IntentMatching
import WorkspaceStore

/// One conversation: each line is matched, resolved against the conversation, run, and
/// answered with a typed reply. Session wires the parts: the matcher reads the line, the
/// `Resolver` reads it against what came before, actions answer questions and the
/// `WorkflowRunner` carries out side effects. No I/O: the CLI reads lines and renders turns.
public final class Session {
  public let workspace: any WorkspaceAccess
  public private(set) var matcher: IntentMatcher
  /// The workspace's names token the matcher's names were read at (nil: not known).
  private var namesToken: Int64?
  public private(set) var actor: Actor
  private let registry: ActionRegistry
  private let today: () -> Day
  private let now: () -> String
  let resolver: Resolver
  let runner: WorkflowRunner
  /// Whether questions' answers carry their `data` (`ActionRequest.includesData`): on for
  /// `--json` and for callers that read it; off, text-only output skips building it.
  public var answersCarryData = true
  /// How this session's words reach baton, for the audit log: the command line, or an agent
  /// over MCP.
  public var channel: AuditChannel = .commandLine

  /// - Parameters:
  ///   - today: the clock, injected so tests and transcripts are stable.
  ///   - now: this moment as ISO 8601, for the audit log; by default 09:00 UTC of `today`.
  public init(
    workspace: any WorkspaceAccess, matcher: IntentMatcher, actor: Actor,
    registry: ActionRegistry = .standard, confirmations: ConfirmationPolicy = .ask,
    today: @escaping () -> Day, now: (() -> String)? = nil
  ) {
    self.workspace = workspace
    self.matcher = matcher
    self.actor = actor
    self.registry = registry
    self.today = today
    self.now = now ?? { "\(today().iso)T09:00:00Z" }
    resolver = Resolver(matcher: matcher)
    namesToken = try? workspace.namesToken()
    runner = WorkflowRunner(registry: registry, workspace: workspace, confirmations: confirmations)
  }

  /// What a side effect's confirmation does: ask, assume yes, or refuse.
  public var confirmations: ConfirmationPolicy {
    get { runner.confirmations }
    set { runner.confirmations = newValue }
  }

  /// The action names this session can run: workspace actions and the session's own.
  public static func knownActions(_ registry: ActionRegistry = .standard) -> Set<String> {
    registry.names.union(SessionActions.names)
  }

  /// The intents whose `side_effects` says otherwise than their action does: a workflow
  /// declared a question (it would be read with a question's lower bar, and shown to agents
  /// as read-only), or a question declared a change.
  public static func misdeclared(
    in catalog: IntentCatalog, registry: ActionRegistry = .standard
  ) -> [IntentDefinition] {
    catalog.intents.filter { intent in
      (registry.workflow(for: intent.action) != nil && !intent.sideEffects)
        || (registry.handler(for: intent.action) != nil && intent.sideEffects)
    }
  }

  /// The intent actions that have no handler, and handlers no intent names.
  public static func unmatchedActions(
    in catalog: IntentCatalog, registry: ActionRegistry = .standard
  ) -> (unhandled: [IntentDefinition], unused: [String]) {
    let known = knownActions(registry)
    let named = Set(catalog.intents.map(\.action))
    return (
      catalog.intents.filter { !known.contains($0.action) },
      known.subtracting(named).sorted()
    )
  }

  /// How the last line was read, for `--explain`.
  public var lastMatch: Match? { resolver.state.lastMatch }

  /// What the prompt shows in focus: "deal 42".
  public var focusDescription: String? { resolver.state.promptFocus }

  /// What the conversation waits for, if anything: what Tab should offer.
  public var awaiting: Awaiting? { resolver.awaiting }

  /// Whether baton waits for the answer to a question it asked ("Which stage?").
  public var awaitsAnAnswer: Bool {
    if case .value = resolver.awaiting { true } else { false }
  }

  /// Whether the last line answered a question baton had asked ("Which stage?").
  public var lastLineAnsweredAQuestion: Bool { resolver.answeredQuestion }

  /// The longest line read, in characters: every question and command fits in a few
  /// hundred, and a pasted document would only cost time to be refused anyway.
  public static let maximumLineLength = 2_000

  /// The day the session's dates are read against, now.
  public var day: Day { today() }

  /// Handles one line; `prereading` is the line matched ahead of its turn (`Prereading`),
  /// used when the conversation cannot have changed how it reads.
  public func handle(_ line: String, prereading: Prereading? = nil) -> Turn {
    if line.utf8.count > Self.maximumLineLength && line.count > Self.maximumLineLength {
      resolver.dropAwaiting()
      return Turn(
        input: String(line.prefix(80)) + "…", intent: nil, slots: [:],
        reply: Reply(
          kind: .notUnderstood,
          text:
            "That line is \(line.count) characters long; baton reads lines of up to \(Self.maximumLineLength). Ask one thing at a time.",
          data: ["length": .int(Int64(line.count))]))
    }
    // Names another session changed (a shared workspace announces them) are read first.
    if workspace.takeNamesNotice() { refreshNames() }
    let day = today()
    let focus = resolver.focusKinds
    var match =
      prereading?.match(for: line, day: day, focus: focus, namesVersion: matcher.namesVersion)
      ?? matcher.match(line, today: day, focus: focus)
    // A task named by its title's words: a change so read runs only once the person has
    // seen which task and said yes.
    let titled = titledTaskReading(line, match: match, day: day, focus: focus)
    if let titled, let intent = titled.match.intent, intent.sideEffects, confirmations != .ask {
      let refusal = auditedRefusal(titledChangeRefusal(titled), of: intent, slots: [:], line: line, day: day)
      return Turn(input: line, intent: intent.name, slots: [:], reply: refusal)
    }
    if let titled { match = titled.match }
    var turn = impossibleDate(in: match, line: line, day: day) ?? resolved(match, line: line, day: day)
    if let aside = match.setAside, turn.intent == match.intent?.name, [.answer, .table].contains(turn.reply.kind) {
      // The question was read without the clause of context beside it: said, not hidden.
      turn.reply.blocks.append(.text("Not used: “\(aside)”; the question was read without it."))
      turn.reply.data = turn.reply.data.merging(["set_aside": .string(aside)])
    }
    if let titled, titled.isTaken(by: turn.slots) {
      turn.reply.blocks.insert(.text(titled.note), at: 0)
      turn.reply.data = turn.reply.data.merging(titled.data)
    }
    if let dropped = resolver.droppedConfirmation {
      // Said before the reply, so a mistyped "yse" does not leave the person thinking it ran.
      turn.reply.blocks.insert(.text("Not done: “\(dropped.input)” (the answer was not yes or no)."), at: 0)
      turn.reply.data = turn.reply.data.merging(["dropped": .string(dropped.action)])
    }
    if turn.reply.kind == .done { refreshNames() }
    return turn
  }

  /// After a change, the names the workspace has now (a stage approved, a deal renamed), so
  /// the next line is read with them.
  func refreshNames() {
    guard let token = try? workspace.namesToken(), token != namesToken,
      let names = try? workspace.vocabulary(maxDealNames: 10_000)
    else {
      return
    }
    namesToken = token
    matcher = matcher.recognizing(names)
    resolver.use(matcher)
  }

  /// The refusal for a line that names a date the calendar lacks ("by 2026-02-30"): never
  /// read as another date or as no date; audited when the line asked for a change.
  private func impossibleDate(in match: Match, line: String, day: Day) -> Turn? {
    guard let entity = match.entities.first(where: { $0.kinds.contains(.impossibleDate) }) else { return nil }
    resolver.dropAwaiting()
    let refusal = Reply.refused(
      "There is no \(entity.surface) on the calendar; nothing was done. Say the date again.",
      reason: .impossibleDate, ["date": .string(entity.surface)])
    let reply = auditedRefusal(refusal, of: match.intent, slots: [:], line: line, day: day)
    return Turn(input: line, intent: match.intent?.name, slots: [:], reply: reply)
  }

  /// `reply`, audited when it refuses a change, as a workflow's own refusals are (who, the
  /// words, why); unchanged for a question or a reply that is no refusal.
  private func auditedRefusal(
    _ reply: Reply, of intent: IntentDefinition?, slots: [String: SlotValue], line: String, day: Day
  ) -> Reply {
    guard let intent, intent.sideEffects, reply.kind == .refused else { return reply }
    return runner.audited(reply, of: request(intent.action, intent: intent.name, slots: slots, input: line, today: day))
  }

  /// The turn for a line the resolver reads as `match`.
  private func resolved(_ match: Match, line: String, day: Day) -> Turn {
    switch resolver.resolve(match, line: line, today: day) {
    case .run(let intent, let described):
      var slots = described
      if let reply = resolveDescribed(&slots) {
        // Refused for a record it cannot pin down.
        let audited = auditedRefusal(reply, of: intent, slots: [:], line: line, day: day)
        return Turn(input: line, intent: intent.name, slots: described, reply: audited)
      }
      // What the line named and this reading leaves out (not for an answer to a question,
      // whose line is only that answer).
      let unused =
        SessionIntent.keepsFocus(intent.name) || resolver.answeredQuestion
        ? []
        : UnusedEntities.find(in: match, slots: described, matcher: matcher) { resolver.frames(of: intent) }
      if unused.isEmpty, intent.sideEffects, !resolver.answeredQuestion, !match.unknownWords.isEmpty {
        // Words baton does not know beside a name the intent did not need ("hand deal 42 to CS
        // unless legal objects"): the change is not guessed at.
        let refusal = Reply.refused(
          "Not done: \(UnusedEntities.unknownWordsSaid(match.unknownWords)) "
            + "Say the change without \(match.unknownWords.count == 1 ? "it" : "them").",
          reason: .unusedWords, ["unknown": .array(match.unknownWords.map(JSONValue.string))])
        let audited = auditedRefusal(refusal, of: intent, slots: slots, line: line, day: day)
        return Turn(input: line, intent: intent.name, slots: slots, reply: audited)
      }
      guard !unused.isEmpty else { return run(intent, slots: slots, input: line, today: day) }
      guard !intent.sideEffects else {
        // A side effect runs only as asked: a name it cannot use may be a condition on it.
        let refusal = Reply.refused(
          "Not done: the line also names \(UnusedEntities.named(unused)), which \(intent.name) does not take, "
            + "and baton does not guess what it means for the change. Say the change without it, or one at a time.",
          reason: .unusedWords, ["unused": UnusedEntities.data(unused)])
        let audited = auditedRefusal(refusal, of: intent, slots: slots, line: line, day: day)
        return Turn(input: line, intent: intent.name, slots: slots, reply: audited)
      }
      var turn = run(intent, slots: slots, input: line, today: day)
      if turn.reply.ok {
        turn.reply.blocks.append(.text(UnusedEntities.note(unused)))
        turn.reply.data = turn.reply.data.merging(["unused": UnusedEntities.data(unused)])
      }
      return turn
    case .confirmation(let pending, let yes):
      return confirm(pending, yes: yes, line: line, today: day)
    case .reply(let reply, let intent, let slots):
      // A workflow refused for a name it lacks.
      let audited = auditedRefusal(reply, of: intent, slots: [:], line: line, day: day)
      return Turn(input: line, intent: intent?.name, slots: slots, reply: audited)
    }
  }

  /// Runs a resolved intent: the session's own, a workflow, or a question.
  func run(_ intent: IntentDefinition, slots: [String: SlotValue], input: String, today: Day) -> Turn {
    var reply: Reply
    var ends = false
    if let own = SessionActions.run(intent.action, session: self, slots: slots) {
      reply = own.reply
      ends = own.ends
    } else if runner.runs(intent.action) {
      let result = runner.run(
        request(intent.action, intent: intent.name, slots: slots, input: input, today: today), confirmed: false)
      reply = result.reply
      if let waiting = result.awaiting { resolver.awaitConfirmation(waiting) }
    } else if let handler = registry.handler(for: intent.action) {
      var request = request(intent.action, intent: intent.name, slots: slots, input: input, today: today)
      request.includesData = answersCarryData
      reply = WorkflowRunner.guarded { try handler(request, workspace) }
    } else {
      reply = WorkflowRunner.noHandler(intent.action)
    }
    var slots = slots
    for (name, value) in reply.found where slots[name] == nil { slots[name] = SlotValue(value, source: .found) }
    resolver.ran(intent, slots: slots, reply: reply)
    // A proposal that names no part of how revenue is run ("propose a toast to the team") was
    // not a change request after all: the turn reports no intent read, as for any line not
    // understood, while the refusal is audited as every refusal is.
    let read = reply.refusalReason == .notAChange ? nil : intent.name
    return Turn(input: input, intent: read, slots: slots, reply: reply, endsSession: ends)
  }

  /// Cancels the side effect waiting for "yes" or "no", as Ctrl-C or Enter alone at the
  /// prompt do; nil when none waits.
  public func cancelConfirmation(input: String) -> Turn? {
    guard let pending = resolver.cancelConfirmation() else { return nil }
    return Turn(input: input, intent: SessionIntent.no.rawValue, slots: pending.slots, reply: Self.cancelled(pending))
  }

  /// What declining a side effect says: nothing changed, or, for a further change offered
  /// after one already made, that the first one stands.
  private static func cancelled(_ pending: PendingConfirmation) -> Reply {
    let text =
      pending.isFollowUp
      ? "Not done; the change before it stands (undo reverses it)." : "Cancelled; nothing changed."
    return Reply(kind: .done, text: text, data: ["cancelled": .string(pending.action)])
  }

  /// Carries out or cancels the side effect that waited for "yes" or "no".
  private func confirm(_ pending: PendingConfirmation, yes: Bool, line: String, today: Day) -> Turn {
    let intent = (yes ? SessionIntent.yes : .no).rawValue
    guard yes else { return Turn(input: line, intent: intent, slots: pending.slots, reply: Self.cancelled(pending)) }
    let result = runner.run(
      request(pending.action, intent: pending.intent, slots: pending.slots, input: pending.input, today: today),
      confirmed: true, continuing: pending.follows)
    if let waiting = result.awaiting { resolver.awaitConfirmation(waiting) }
    return Turn(input: line, intent: intent, slots: pending.slots, reply: result.reply)
  }

  /// What an action is asked, by this session's actor, now.
  func request(
    _ action: String, intent: String, slots: [String: SlotValue], input: String, today: Day
  ) -> ActionRequest {
    var request = ActionRequest(
      action: action, slots: slots, actor: actor, input: input, today: today, intent: intent, now: now())
    request.channel = channel
    return request
  }

  /// Clears the focus and any pending question.
  func reset() { resolver.reset() }
}

extension Session {
  /// How many of this session's changes are made but not yet saved: a script's group of
  /// changes, committed together (see `save()`).
  public var unsavedChanges: Int { (workspace as? any CommitGrouping)?.uncommittedChanges ?? 0 }

  /// How long the oldest unsaved change has waited, or nil when none waits.
  public var unsavedFor: Duration? { (workspace as? any CommitGrouping)?.uncommittedFor }

  /// Saves the changes made so far. When it throws, none of the unsaved ones was kept.
  public func save() throws { try (workspace as? any CommitGrouping)?.commitPending() }
}
