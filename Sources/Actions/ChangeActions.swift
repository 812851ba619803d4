import BatonModel
import Foundation
import WorkspaceStore

/// Governed changes: proposing a new stage, field or rule; RevOps deciding; listing them.
enum ChangeActions {
  /// The questions governance asks before deciding, by kind of change (DOMAIN.md).
  static let questions: [String: [String]] = [
    "stage": [
      "What evidence moves a deal into it?", "Does it change forecast categories?", "How does Finance read it?",
      "What does CS need downstream?",
    ],
    "field": [
      "What is its source of truth?", "Which downstream reports use it?", "What data-quality burden does it add?",
    ],
    "rule": [
      "Which teams does it cross?", "What does it change in routing and reporting?", "Who is accountable for it?",
    ],
    "other": ["Which teams and systems does it touch?", "Who is accountable for it?"],
  ]

  /// A description's words, lower-cased, for `kind(of:)` and the operating-model check.
  static func words(of text: String) -> Set<String> {
    Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
  }

  /// The kind of change a description asks for, from its words.
  static func kind(of words: Set<String>) -> String {
    if words.contains("stage") || words.contains("stages") { return "stage" }
    if words.contains("field") || words.contains("fields") || words.contains("property") { return "field" }
    if !words.isDisjoint(with: ["rule", "rules", "sla", "routing", "handoff", "criteria", "criterion", "category"]) {
      return "rule"
    }
    return "other"
  }

  /// Words that say what part of the operating model a change touches, beyond the stage,
  /// field and rule words `kind(of:)` reads: a change request changes how revenue is run.
  static let operatingModelWords: Set<String> = [
    "owner", "owners", "ownership", "own", "raci", "accountable", "responsible", "consulted", "informed", "metric",
    "metrics", "definition", "definitions", "define", "process", "workflow", "territory", "territories", "quota",
    "quotas", "forecast", "forecasting", "pipeline", "lead", "leads", "deal", "deals", "opportunity", "scoring",
    "score", "report", "reports", "dashboard", "crm", "picklist", "approval", "approvals", "playbook", "segment",
    "segments", "comp", "compensation", "commission", "target", "targets", "exit", "lifecycle", "mql", "sql", "sal",
    "template", "policy", "cadence", "renewal", "renewals", "onboarding", "discount", "pricing", "threshold",
  ]

  /// Words a proposal is put in, whatever it is about: no sign of the operating model.
  static let proposalWords: Set<String> = [
    "propose", "proposal", "proposals", "proposing", "suggest", "suggestion", "request", "requests", "change",
    "changes", "submit", "raise", "log", "open", "file", "new", "approval", "approvals", "approve", "revops",
  ]

  /// `change.propose`: opens a change request owned by RevOps.
  static let propose: WorkflowHandler = { request, workspace in
    if let refusal = Permissions.require(.rep, to: "proposing changes", request) { return refusal }
    guard
      let text = request.key("change")?.replacingOccurrences(
        of: "^(?:that )?(?:we )?(?:should )?", with: "", options: [.regularExpression, .caseInsensitive]),
      !text.isEmpty
    else { return .reply(Replies.missing("change")) }
    let title = text.prefix(1).uppercased() + text.dropFirst()
    let words = words(of: text)
    let model = try workspace.operatingModel()
    // A change request is about the operating model; one that names no part of it ("a
    // toast to the team") is not opened on a guess. The line's words around the text count
    // ("new field request: Partner Sourced checkbox"), less those any proposal is put in
    // ("proposal: …", "… for approval"); a stage's name counts inside the text ("… before
    // Negotiation").
    let said = words.union(Self.words(of: request.input).subtracting(proposalWords))
    let kind = kind(of: said)
    let namesStage = model.stages.contains { stage in
      let name = Self.words(of: stage.name)
      return !name.isEmpty && name.isSubset(of: words)
    }
    guard kind != "other" || !said.isDisjoint(with: operatingModelWords) || namesStage else {
      return Replies.refused(
        "Not opened: a change request changes how revenue is run (a stage, field, rule, owner, metric or process), and “\(text)” names none of these. Say what it changes.",
        reason: .notAChange)
    }
    let asks = questions[kind] ?? []
    // What approving it will do, when the words say exactly; a request that cannot take
    // effect as written is not opened.
    // Read from the line as typed: the free text loses "%" and ":". A tool call's argument
    // is its text as given.
    let typed = request.slots["change"].flatMap { $0.source == .argument ? $0.value.display : nil } ?? request.input
    let effect = ChangeEffectReading.effect(of: typed, in: model)
    var effectText: String?
    if let effect {
      do {
        effectText = try model.applying(effect).description
      } catch let conflict as ChangeConflict {
        return Replies.refused("Not opened: \(conflict.description).", reason: .conflict, ["title": .string(title)])
      }
    }
    let data: [String: JSONValue] = [
      "title": .string(title), "kind": .string(kind), "owner_team": "revops",
      "questions": .array(asks.map(JSONValue.string)), "effect": effectText.map(JSONValue.string) ?? .null,
    ]
    let outcome =
      effectText.map { " Approving it \($0)." }
      ?? " Approving it records the decision; it names no change baton makes to the model itself."
    return .plan(
      Plan(
        summary: "Open a change request “\(title)” (\(kind)), for RevOps to decide.\(outcome)", data: .object(data)
      ) {
        let (changeID, auditID) = try workspace.proposeChange(
          title: title, kind: kind, description: typed, effect: effect, by: request.actor.personID,
          request.audit)
        var done = data
        done["change"] = .int(changeID)
        return Replies.done(
          "Opened change \(changeID) “\(title)”, owned by RevOps.\(outcome) Before deciding, RevOps will ask:\n"
            + asks.map { "  - \($0)" }.joined(separator: "\n"), auditID: auditID, done)
      })
  }

  /// `change.decide`: RevOps approves or rejects an open change; a rejection needs a reason.
  static let decide: WorkflowHandler = { request, workspace in
    let change: ChangeRequest
    switch try Lookup.record(.change, request, workspace, fetch: workspace.changeRequest(id:)) {
    case .found(let found): change = found
    case .refused(let reply): return .reply(reply)
    }
    let id = change.id
    if let refusal = Permissions.require(.revops, to: "deciding governed changes", request) { return refusal }
    guard change.status == "open" else {
      return .reply(
        Reply(
          kind: .answer,
          text:
            "Change \(id) was already \(change.status) by \(change.decidedBy ?? "someone") at \(change.decidedAt ?? "?")"
            + (change.reason.map { ": \($0)" } ?? "") + ".",
          data: ["change": .int(id), "status": .string(change.status), "already_done": true]))
    }
    let approve = request.key("decision") != "reject"
    let reason = request.key("reason")
    if !approve && reason == nil {
      return Replies.refused(
        "A rejection needs a reason: reject change \(id) because …", reason: .reasonRequired, ["change": .int(id)])
    }
    let verb = approve ? "Approve" : "Reject"
    // Approving applies the request's effect; one the model no longer fits is refused.
    var effectText: String?
    if approve, let effect = change.effect {
      do {
        effectText = try workspace.operatingModel().applying(effect).description
      } catch let conflict as ChangeConflict {
        return Replies.refused(
          "Change \(id) cannot be approved as it stands: \(conflict.description). Reject it with a reason, or propose it again.",
          reason: .conflict, ["change": .int(id)])
      }
    }
    let data: [String: JSONValue] = [
      "change": .int(id), "decision": .string(approve ? "approved" : "rejected"),
      "reason": reason.map(JSONValue.string) ?? .null, "effect": effectText.map(JSONValue.string) ?? .null,
    ]
    return .plan(
      Plan(
        summary: "\(verb) change \(id) “\(change.title)”" + (reason.map { " because \($0)" } ?? "")
          + (effectText.map { ": this \($0)." } ?? "."),
        data: .object(data)
      ) {
        let auditID = try workspace.decideChange(
          id: id, approve: approve, reason: reason, by: request.actor.personID, request.audit)
        return Replies.done(
          "Change \(id) “\(change.title)” is \(approve ? "approved" : "rejected")" + (reason.map { ": \($0)" } ?? "")
            + (effectText.map { "; it \($0)." }
              ?? (approve && change.effect == nil ? "; it changes nothing in the model by itself." : ".")),
          auditID: auditID, data)
      })
  }

  /// `change.list`: the open change requests, or those approved or rejected when the line
  /// says so ("show me the rejected changes"); a status said negated ("which changes haven't
  /// been approved", "nobody has approved yet") asks for the undecided ones.
  static let list: ActionHandler = { request, workspace in
    var decided: [String] = []
    for status in ["status", "other"].compactMap({ request.key($0) }) where ["approved", "rejected"].contains(status) {
      if !decided.contains(status) { decided.append(status) }
    }
    let words = request.input.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init)
    let negated = words.contains { word in
      ["not", "never", "nobody", "undecided", "pending"].contains(word) || word.hasSuffix("n't")
        || word.hasSuffix("n’t") || ["havent", "hasnt", "isnt", "arent", "wasnt", "werent", "didnt"].contains(word)
    }
    if negated { decided = [] }
    let changes = try workspace.changeRequests(statuses: decided.isEmpty ? ["open"] : decided)
    let named = decided.isEmpty ? "open" : decided.joined(separator: " and ")
    guard !changes.isEmpty else {
      return Reply(kind: .answer, text: "No \(named) change requests.", data: ["changes": []])
    }
    let table =
      decided.isEmpty
      ? Table(
        header: ["#", "Change", "Kind", "Proposed by", "Opened"],
        rows: changes.map {
          [String($0.id), $0.title, $0.kind, $0.proposedBy ?? "-", String($0.createdAt.prefix(10))]
        },
        alignments: [.right, .left, .left, .left, .left])
      : Table(
        header: ["#", "Change", "Status", "Decided by", "Decided", "Reason"],
        rows: changes.map {
          [
            String($0.id), $0.title, $0.status, $0.decidedBy ?? "-", String(($0.decidedAt ?? "-").prefix(10)),
            $0.reason ?? "",
          ]
        },
        alignments: [.right, .left, .left, .left, .left, .left])
    let title =
      decided.isEmpty
      ? "Open change requests (RevOps decides):"
      : "\(named.prefix(1).uppercased() + named.dropFirst()) change requests:"
    return Reply(
      kind: .table, blocks: [.text(title), .table(table)],
      data: [
        "changes": .array(
          changes.map {
            [
              "id": .int($0.id), "title": .string($0.title), "kind": .string($0.kind), "status": .string($0.status),
              "decided_by": $0.decidedBy.map(JSONValue.string) ?? .null,
              "reason": $0.reason.map(JSONValue.string) ?? .null,
            ]
          })
      ])
  }
}
