import BatonModel
import Foundation
import WorkspaceStore

/// Reads what a change request's words ask of the operating model, when they say it exactly:
/// a new stage (with where it sits, its probability, category and exit criteria), a new exit
/// criterion on a stage, a handoff rule's SLA or a field it requires. Anything else is a
/// request RevOps decides on paper: no effect, and the reply says so.
enum ChangeEffectReading {
  static func effect(of line: String, in model: OperatingModel) -> ChangeEffect? {
    // The request's own words, without the asking: "propose adding …", "can we add …".
    let text = line.replacingOccurrences(
      of:
        "^(?:please |can we |could we |let's |let us |i'd like to |i want to |we should )?(?:propose|suggest|request)?(?: that| we)?\\s*(?:adding |add |making |make |creating |create |changing |change )?",
      with: "", options: [.regularExpression, .caseInsensitive])
    let lowered = text.lowercased()
    if let effect = criterion(lowered, text, model) { return effect }
    if let effect = handoff(lowered, text, model) { return effect }
    if let effect = dealField(text) { return effect }
    return stage(lowered, text, model)
  }

  /// "a Competitor field to opportunities", "a new deal field called Competitor".
  private static func dealField(_ text: String) -> ChangeEffect? {
    let name =
      capture("(?:deal|opportunity) field (?:called |named )?(.+?)(?: to | on | for |$)", in: text)
      ?? capture("^(?:an? )?(?:new )?(.+?) field (?:to|on|for) (?:the )?(?:deals?|opportunit(?:y|ies))\\b", in: text)
    guard var name, !name.isEmpty, name.split(separator: " ").count <= 3 else { return nil }
    name = name.replacingOccurrences(
      of: "^(?:a |an |the |new )+", with: "", options: [.regularExpression, .caseInsensitive])
    if name == name.lowercased() { name = name.capitalized }
    return name.isEmpty ? nil : .addDealField(name: name)
  }

  /// The first capture of `pattern` in `text`, trimmed.
  private static func capture(_ pattern: String, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
      let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), match.numberOfRanges > 1,
      let range = Range(match.range(at: 1), in: text)
    else { return nil }
    let value = text[range].trimmingCharacters(in: CharacterSet(charactersIn: " \"'“”‘’.,:;"))
    return value.isEmpty ? nil : value
  }

  /// The SLA a line gives, in hours: the one number of hours or days it names, or of several
  /// ("from 72 to 48 hours") the one after "to"; nil when that is not plain.
  private static func slaHours(in lowered: String) -> Int? {
    // "cut the SLA by 24 hours" is a change by an amount, not to one: not read as exact.
    if lowered.range(of: "\\bby (?:another |a further )?\\d", options: .regularExpression) != nil { return nil }
    guard
      let regex = try? NSRegularExpression(
        pattern: "(\\bto )?(?<![\\d.,])(\\d+) ?(hours?|hrs|h|days?)\\b|(\\bto )?(?<![\\d.,])(\\d+)\\b")
    else { return nil }
    var values: [(hours: Int?, afterTo: Bool, unit: Bool)] = []
    for match in regex.matches(in: lowered, range: NSRange(lowered.startIndex..., in: lowered)) {
      func group(_ index: Int) -> String? {
        Range(match.range(at: index), in: lowered).map { String(lowered[$0]) }
      }
      if let digits = group(2), let unit = group(3) {
        let number = Int(digits)
        let days = unit.hasPrefix("d") ? number.map { $0.multipliedReportingOverflow(by: 24) } : nil
        values.append((days.map { $0.overflow ? nil : $0.partialValue } ?? number, group(1) != nil, true))
      } else if group(5) != nil {
        values.append((nil, group(4) != nil, false))
      }
    }
    // "from 72 to 48 hours": the unit follows the new value only; the old one has none.
    // A value after "from" alone ("change the SLA from 72 hours") is the old one: no new value.
    if values.count == 1, lowered.range(of: "\\bfrom \\d", options: .regularExpression) != nil { return nil }
    let chosen = values.count == 1 ? values.first : values.first { $0.afterTo && $0.unit }
    guard let chosen, chosen.unit else { return nil }
    return chosen.hours
  }

  /// The stage whose name or alias `words` starts with, longest first.
  private static func stage(named words: String, _ model: OperatingModel) -> OperatingModel.Stage? {
    let lowered = words.lowercased()
    let names = model.stages.flatMap { stage in
      ([stage.name.lowercased(), stage.id] + stage.aliases).map { ($0, stage) }
    }
    return names.filter { name in lowered == name.0 || [" ", ",", ":", "."].contains { lowered.hasPrefix(name.0 + $0) }
    }
    .max { $0.0.count < $1.0.count }?.1
  }

  private static func handoffRule(in lowered: String, _ model: OperatingModel) -> OperatingModel.HandoffRule? {
    let names = model.handoffRules.flatMap { rule in
      ([rule.name.lowercased(), rule.id] + rule.aliases).map { ($0, rule) }
    }
    return names.filter { lowered.contains($0.0) }.max { $0.0.count < $1.0.count }?.1
  }

  private static func stage(_ lowered: String, _ text: String, _ model: OperatingModel) -> ChangeEffect? {
    guard lowered.contains("stage") else { return nil }
    // Renaming, removing or merging stages is a change baton does not make from words: such
    // a request is decided on paper, never read as a new stage named "to Contracting".
    let otherChange = "\\b(?:renam|remov|delet|drop|merg|retir|split|replace\\b|replacing|reorder)"
    guard lowered.range(of: otherChange, options: .regularExpression) == nil else { return nil }
    let stops = "(?= after | before | between | with | at \\d| in the | as | placed |,|$)"
    guard
      // A name, not where the stage goes: "a Verbal Commit stage between …" is named before.
      var name = capture(
        "\\bstage (?:called |named |(?!(?:after|before|between)\\b))(.+?)\(stops)", in: text)
        ?? capture("(?:add |create |new |an? )+(.+?) stage\\b", in: text)
    else { return nil }
    name = name.replacingOccurrences(
      of: "^(?:a |an |the |new )+", with: "", options: [.regularExpression, .caseInsensitive])
    guard !name.isEmpty, name.split(separator: " ").count <= 4 else { return nil }
    if name == name.lowercased() { name = name.capitalized }
    var after: String?
    if let words = capture("\\b(?:after|between) (.+)$", in: text) {
      guard let anchor = stage(named: words, model) else { return nil }
      after = anchor.id
    } else if let words = capture("\\bbefore (.+)$", in: text) {
      guard let anchor = stage(named: words, model), let index = model.stages.firstIndex(of: anchor), index > 0 else {
        return nil
      }
      after = model.stages[index - 1].id
    }
    let probability = (capture("(\\d{1,3}) ?%", in: text) ?? capture("probability (?:of )?(\\d{1,3})", in: text))
      .flatMap { Int($0) }
    let categories = Set(model.stages.compactMap(\.forecastCategory))
    let category = capture(
      "(?:category|forecast)(?: category)?(?: of| as| is)? ([a-z ]+?)(?: with| and|,|$)", in: lowered
    )
    .flatMap { categories.contains($0) ? $0 : nil }
    let criteria =
      capture("exit criteri(?:on|a)(?: of| is| are)?:? (.+)$", in: text)?
      .components(separatedBy: CharacterSet(charactersIn: ";")).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty } ?? []
    return .addStage(name: name, after: after, probability: probability, forecastCategory: category, criteria: criteria)
  }

  private static func criterion(_ lowered: String, _ text: String, _ model: OperatingModel) -> ChangeEffect? {
    guard lowered.contains("criterion") || lowered.contains("criteria") else { return nil }
    if let wording = capture("^(?:an? )*(.+?) as (?:an? |the )?(?:new )?exit criterion (?:for|of|on|to) ", in: text),
      let stageWords = capture("exit criterion (?:for|of|on|to) (?:the )?(.+)$", in: text),
      let stage = stage(named: stageWords, model)
    {
      return .addCriterion(stage: stage.id, wording: wording.prefix(1).uppercased() + wording.dropFirst())
    }
    guard let stageWords = capture("criterion (?:for|of|on|to) (?:the )?(.+)$", in: text),
      let stage = stage(named: stageWords, model),
      let wording = capture("criterion (?:for|of|on|to) (?:the )?[^:]+?(?: stage)?:\\s*(.+)$", in: text)
    else { return nil }
    return .addCriterion(stage: stage.id, wording: wording.prefix(1).uppercased() + wording.dropFirst())
  }

  private static func handoff(_ lowered: String, _ text: String, _ model: OperatingModel) -> ChangeEffect? {
    guard let rule = handoffRule(in: lowered, model) else { return nil }
    if lowered.contains("sla"), let hours = slaHours(in: lowered) { return .handoffSLA(rule: rule.id, hours: hours) }
    if let field =
      capture("(?:add |make )?(?:the )?(.+?) (?:as )?(?:a )?required field", in: lowered)
      ?? capture("require (?:the |an |a )?(.+?) (?:for|on|in|at) (?:the )?", in: lowered)
    {
      let cleaned = field.replacingOccurrences(
        of: "^(?:(?:propose |suggest )?(?:adding|add|making|make|requiring) (?:the |an |a )?)", with: "",
        options: .regularExpression)
      guard !cleaned.isEmpty, cleaned.split(separator: " ").count <= 4 else { return nil }
      return .handoffField(rule: rule.id, field: cleaned)
    }
    return nil
  }
}
