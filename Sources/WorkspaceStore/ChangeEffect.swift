import Foundation

/// What approving a change request does to the operating model. A request opened in
/// conversation carries one when its words say exactly what to change; approving it applies
/// the effect in the approval's transaction, and undoing the approval takes it back.
public enum ChangeEffect: Codable, Hashable, Sendable {
  /// A new stage, after `after` (a stage id) or, when none is said, after the last open
  /// opportunity stage; probability and forecast category, when not said, from its place.
  case addStage(name: String, after: String?, probability: Int?, forecastCategory: String?, criteria: [String])
  /// A party given a RACI letter on a responsibility: accountable replaces the accountable
  /// party (there is one); responsible, consulted and informed add to theirs.
  case raci(responsibility: String, letter: String, party: OperatingModel.Party)
  /// A new exit criterion on a stage, checked as a field named after its wording.
  case addCriterion(stage: String, wording: String)
  /// A handoff rule's SLA, in hours.
  case handoffSLA(rule: String, hours: Int)
  /// A field a handoff rule requires.
  case handoffField(rule: String, field: String)
  /// A field of the team's own on every deal ("Competitor"), which exit criteria can check.
  case addDealField(name: String)

  /// A stage or field id from words: "Verbal Commit" is `verbal-commit`, or with `_`,
  /// `verbal_commit`.
  public static func slug(_ words: String, separator: String = "-") -> String {
    words.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: separator)
  }
}

extension OperatingModel {
  /// This model with `effect` applied, and what it did in words ("adds stage Verbal Commit
  /// after Negotiation (opportunity, 90 %, commit)"), each value not given said as chosen.
  ///
  /// - Throws: `ChangeConflict` when the model no longer fits the effect (the stage exists,
  ///   the responsibility is gone), or when the model it makes has a problem this one has not
  ///   (an SLA out of range, a name two stages would answer to).
  public func applying(_ effect: ChangeEffect) throws -> (model: OperatingModel, description: String) {
    let result = try applied(effect)
    let before = Set(problems().map(\.message))
    if let problem = result.model.problems().first(where: { !before.contains($0.message) }) {
      throw ChangeConflict(problem.message)
    }
    return result
  }

  private func applied(_ effect: ChangeEffect) throws -> (model: OperatingModel, description: String) {
    var model = self
    switch effect {
    case .addStage(let name, let after, let probability, let category, let criteria):
      let id = ChangeEffect.slug(name)
      if let existing = stages.first(where: { $0.id == id || $0.name.lowercased() == name.lowercased() }) {
        throw ChangeConflict("there is a stage \(existing.name) already")
      }
      let openKinds: Set<String> = ["opportunity"]
      let anchorIndex: Int
      var chosen: [String] = []
      if let after {
        guard let index = stages.firstIndex(where: { $0.id == after }) else {
          throw ChangeConflict("there is no stage \(after) to put it after")
        }
        anchorIndex = index
      } else {
        guard let index = stages.lastIndex(where: { openKinds.contains($0.kind) }) else {
          throw ChangeConflict("there is no opportunity stage to put it after")
        }
        anchorIndex = index
        chosen.append("place")
      }
      let previous = stages[anchorIndex]
      let next = anchorIndex + 1 < stages.count ? stages[anchorIndex + 1] : nil
      let kind = openKinds.contains(previous.kind) || previous.kind == "opportunity" ? "opportunity" : previous.kind
      var chance = probability
      if chance == nil, let low = previous.probability {
        chance = next?.probability.map { (low + $0) / 2 } ?? low
        chosen.append("probability")
      }
      var forecast = category
      if forecast == nil, let inherited = previous.forecastCategory {
        forecast = inherited
        chosen.append("forecast category")
      }
      let stage = Stage(
        id: id, name: name, kind: kind, probability: chance, forecastCategory: forecast,
        definition: "\(name): approved as a stage after \(previous.name).", aliases: [name.lowercased()],
        exitCriteria: criteria.map {
          Criterion(wording: $0, evidence: Evidence(kind: "field", key: ChangeEffect.slug($0, separator: "_")))
        })
      model.stages.insert(stage, at: anchorIndex + 1)
      let details = [kind, chance.map { "\($0) %" }, forecast].compactMap { $0 }.joined(separator: ", ")
      var text = "adds stage \(name) after \(previous.name)" + (next.map { " and before \($0.name)" } ?? "")
      text += " (\(details))"
      if !chosen.isEmpty {
        text +=
          "; its \(chosen.count > 1 ? chosen.dropLast().joined(separator: ", ") + " and " + (chosen.last ?? "") : chosen.joined()) \(chosen.count == 1 ? "follows" : "follow") from where it sits, as none was given"
      }
      return (model, text)
    case .raci(let responsibilityID, let letter, let party):
      guard let index = responsibilities.firstIndex(where: { $0.id == responsibilityID }) else {
        throw ChangeConflict("there is no responsibility \(responsibilityID) any more")
      }
      let word = Self.raciKeys.first { $0.letter == letter }?.key ?? letter
      let name = responsibilities[index].name
      func named(_ party: Party) -> String {
        switch party.kind {
        case .team: return teams.first { $0.id == party.id }?.name ?? party.id
        case .person: return people.first { $0.handle == party.id }?.name ?? party.id
        }
      }
      let current = responsibilities[index].raci[letter] ?? []
      if current.contains(party) { throw ChangeConflict("\(named(party)) is \(word) for \(name) already") }
      if letter == "A" {
        model.responsibilities[index].raci["A"] = [party]
        let was = current.map(named).joined(separator: ", ")
        return (model, "makes \(named(party)) accountable for \(name)" + (was.isEmpty ? "" : " in place of \(was)"))
      }
      model.responsibilities[index].raci[letter] = current + [party]
      return (model, "adds \(named(party)) as \(word) on \(name)")
    case .addCriterion(let stageID, let wording):
      guard let index = stages.firstIndex(where: { $0.id == stageID }) else {
        throw ChangeConflict("there is no stage \(stageID) any more")
      }
      let key = ChangeEffect.slug(wording, separator: "_")
      if stages[index].exitCriteria.contains(where: { $0.evidence.key == key }) {
        throw ChangeConflict("\(stages[index].name) has that exit criterion already")
      }
      model.stages[index].exitCriteria.append(
        Criterion(wording: wording, evidence: Evidence(kind: "field", key: key)))
      return (model, "adds the exit criterion “\(wording)” to \(stages[index].name), checked as the field \(key)")
    case .handoffSLA(let ruleID, let hours):
      guard let index = handoffRules.firstIndex(where: { $0.id == ruleID }) else {
        throw ChangeConflict("there is no handoff rule \(ruleID) any more")
      }
      let was = handoffRules[index].slaHours
      model.handoffRules[index].slaHours = hours
      return (model, "sets the \(handoffRules[index].name) handoff's SLA to \(hours) hours (was \(was))")
    case .handoffField(let ruleID, let field):
      guard let index = handoffRules.firstIndex(where: { $0.id == ruleID }) else {
        throw ChangeConflict("there is no handoff rule \(ruleID) any more")
      }
      let key = ChangeEffect.slug(field, separator: "_")
      if handoffRules[index].requiredFields.contains(key) {
        throw ChangeConflict("the \(handoffRules[index].name) handoff requires \(key) already")
      }
      model.handoffRules[index].requiredFields.append(key)
      return (model, "makes the \(handoffRules[index].name) handoff require \(key)")
    case .addDealField(let name):
      let key = ChangeEffect.slug(name, separator: "_")
      if dealFields.contains(where: { $0.key == key }) { throw ChangeConflict("deals have a \(name) field already") }
      model.dealFields.append(DealField(key: key, name: name))
      return (
        model,
        "adds the deal field \(name): “set the \(name.lowercased()) on deal 42 to …” records it, and an exit criterion can check it as `field: \(key)`"
      )
    }
  }
}
