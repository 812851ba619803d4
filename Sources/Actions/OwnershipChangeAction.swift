import BatonModel
import WorkspaceStore

/// `ownership.change`: "make Priya accountable for lead routing" opens a governed change
/// request carrying that change to the ownership matrix; approving it makes it so.
enum OwnershipChangeAction {
  static let run: WorkflowHandler = { request, workspace in
    if let refusal = Permissions.require(.rep, to: "proposing changes", request) { return refusal }
    guard let responsibilityID = request.key("responsibility") else { return .reply(Replies.missing("responsibility")) }
    guard let responsibility = try workspace.responsibility(id: responsibilityID) else {
      return .reply(Replies.notFound("responsibility \(responsibilityID)"))
    }
    guard let letter = request.key("raci"), let role = RACIRole(rawValue: letter) else {
      return .reply(Replies.missing("raci"))
    }
    let party: OperatingModel.Party
    let partyName: String
    switch (request.key("person"), request.key("team")) {
    case (.some, nil):
      switch try Lookup.person("person", request, workspace) {
      case .found(let person):
        party = OperatingModel.Party(.person, person.handle)
        partyName = person.name
      case .refused(let reply): return .reply(reply)
      }
    case (nil, let teamID?):
      guard let team = try workspace.team(id: teamID) else { return .reply(Replies.notFound("team \(teamID)")) }
      party = OperatingModel.Party(.team, team.id)
      partyName = team.name
    default:
      return .reply(
        Reply(
          kind: .question,
          text: "Who should be \(role.word) for \(responsibility.name): one person or one team?",
          data: ["responsibility": .string(responsibility.id), "raci": .string(letter)]))
    }
    let effect = ChangeEffect.raci(responsibility: responsibility.id, letter: letter, party: party)
    let description: String
    do {
      description = try workspace.operatingModel().applying(effect).description
    } catch let conflict as ChangeConflict {
      return Replies.refused("Nothing to propose: \(conflict.description).", reason: .conflict)
    }
    let title = "Make \(partyName) \(role.word) for \(responsibility.name)"
    let data: [String: JSONValue] = [
      "title": .string(title), "kind": "raci", "responsibility": .string(responsibility.id), "raci": .string(letter),
      "party": .string(party.description), "effect": .string(description),
    ]
    return .plan(
      Plan(
        summary: "Open a change request “\(title)”, for RevOps to decide. Approving it \(description).",
        data: .object(data)
      ) {
        let (changeID, auditID) = try workspace.proposeChange(
          // A tool call's words are its arguments as JSON; the title says the change in words.
          title: title, kind: "raci",
          description: request.slots.values.contains { $0.source == .argument } ? title : request.input,
          effect: effect, by: request.actor.personID,
          request.audit)
        var done = data
        done["change"] = .int(changeID)
        return Replies.done(
          "Opened change \(changeID) “\(title)”, owned by RevOps: “approve change \(changeID)” makes it so.",
          auditID: auditID, done)
      })
  }
}
