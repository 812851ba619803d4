import BatonModel

/// Finds the things a line names: workspace names and vocabulary (longest match wins, typos
/// tolerated), record numbers ("deal 42", "#42"), dates, periods, company sizes, numbers.
struct EntityRecognizer: Sendable {
  let gazetteer: Gazetteer

  /// Words that say what kind of record the number after them is.
  private static let labels: [String: EntityKind] = [
    "deal": .deal, "deals": .deal, "opportunity": .deal, "opp": .deal, "task": .task,
    "tasks": .task, "lead": .lead, "leads": .lead, "change": .change, "cr": .change,
    "request": .change, "proposal": .change,
  ]
  /// Words after a number that make it a company size.
  private static let sizeWords: Set<String> = [
    "employees", "employee", "people", "person", "staff", "heads", "headcount", "fte", "ftes",
  ]

  init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

  /// Recognizes entities in `tokens`, scanning left to right with the longest match first.
  func recognize(_ tokens: [String], corrected: Set<Int>, today: Day) -> [RecognizedEntity] {
    let temporal = TemporalParser(today: today)
    var result: [RecognizedEntity] = []
    var index = 0
    while index < tokens.count {
      var candidates: [(values: [EntityValue], length: Int)] = []
      if let (value, length) = temporal.match(tokens, at: index) {
        // "in 30 days" is a day ahead for a due date and a span for "no movement in 30
        // days": both readings, and the slot takes the kind it needs.
        if tokens[index] == "in", value.kind == .date, let day = Day(iso: value.key), length == 3 {
          let days = temporal.today.days(to: day)
          candidates.append(
            ([value, EntityValue(kind: .number, key: String(days), display: "\(days) days")], length))
        } else if length == 1, let ahead = temporal.aheadReading(tokens, at: index) {
          // "on Friday": the last one for a question, the next for a change's due date.
          candidates.append(([value, ahead], length))
        } else if length == 2, let period = temporal.alsoPeriod(tokens[index], tokens[index + 1]) {
          // "next month", "this week": a day for a due date, the span for a period.
          candidates.append(([value, period], length))
        } else {
          candidates.append(([value], length))
        }
      }
      if let labelled = labelledNumber(tokens, at: index) { candidates.append(knownCRMID(labelled, tokens, at: index)) }
      let numeric = Self.mayBeNumber(tokens[index])
      if numeric, let size = size(tokens, at: index) { candidates.append(([size.0], size.1)) }
      if let found = gazetteer.longestMatch(tokens, at: index) {
        candidates.append((found.entities.map(Self.value), found.length))
      }
      if Self.isRemindMeTo(tokens, at: index) { candidates.append(([Self.actor], 1)) }
      if numeric, let (amount, length) = Self.shorthandAmount(tokens, at: index) {
        candidates.append(([EntityValue(kind: .number, key: String(amount), display: String(amount))], length))
      }
      if !numeric {
        // A word: none of the readings of a number below.
      } else if let number = Int64(tokens[index]) {
        candidates.append(([EntityValue(kind: .number, key: String(number), display: tokens[index])], 1))
      } else if tokens[index].allSatisfy(\.isNumber) {
        // Digits too long for a number are still a number the user typed; keep them as text
        // so "deal 99999999999999999999" gets "no such deal" rather than a crash.
        candidates.append(([EntityValue(kind: .number, key: tokens[index], display: tokens[index])], 1))
      }
      // Longest wins; among equals, the order above (dates, labels, sizes, names, numbers).
      if let best = candidates.enumerated().max(by: {
        $0.element.length != $1.element.length
          ? $0.element.length < $1.element.length : $0.offset > $1.offset
      })?.element {
        let range = index..<index + best.length
        result.append(
          RecognizedEntity(
            values: best.values, range: range,
            surface: tokens[range].joined(separator: " "),
            corrected: range.contains { corrected.contains($0) }))
        index += best.length
      } else {
        index += 1
      }
    }
    return ResponsibilityParties.absorbing(result, tokens: tokens)
  }

  /// The person acting, as "my" and "myself" name them.
  private static let actor = EntityValue(kind: .person, key: "@me", display: "me")

  /// "me" in "remind me to …": the person a task is for, who is the one asking ("remind me
  /// to call Dana" is my task, not Dana's). Elsewhere "me" names no one ("tell me who owns
  /// X", "remind me of the exit criteria").
  private static func isRemindMeTo(_ tokens: [String], at index: Int) -> Bool {
    tokens[index] == "me" && index > 0 && tokens[index - 1] == "remind" && index + 1 < tokens.count
      && tokens[index + 1] == "to"
  }

  private static func value(_ entity: NamedEntity) -> EntityValue {
    EntityValue(kind: entity.kind, key: entity.key, display: entity.display)
  }

  /// "deal 42", "task #5", "change request 3", "lead no 17".
  private func labelledNumber(_ tokens: [String], at start: Int) -> ([EntityValue], Int)? {
    guard let kind = Self.labels[tokens[start]] else { return nil }
    var offset = 1
    if kind == .change, start + 1 < tokens.count, ["request", "req"].contains(tokens[start + 1]) { offset = 2 }
    if start + offset < tokens.count, ["number", "no", "id"].contains(tokens[start + offset]) {
      offset += 1
    }
    guard start + offset < tokens.count else { return nil }
    // "change request one": after a change request's full label, "one" is its number (alone,
    // or after "change" or "proposal", it stays a word: "change one thing").
    let fullLabel = offset >= 2 || tokens[start] == "cr"
    let text = tokens[start + offset] == "one" && fullLabel ? "1" : tokens[start + offset]
    guard !text.isEmpty, text.allSatisfy(\.isNumber) || (kind == .deal && Self.looksLikeCRMID(text)) else {
      return nil
    }
    let display = kind == .change ? "change \(text)" : "\(kind.rawValue) \(text)"
    return ([EntityValue(kind: kind, key: text, display: display)], offset + 1)
  }

  /// A labelled CRM id ("opportunity 006NW16") read as the deal the workspace knows by it,
  /// so the line names deal 42 as "deal 42" does.
  private func knownCRMID(_ labelled: ([EntityValue], Int), _ tokens: [String], at start: Int) -> (
    [EntityValue], Int
  ) {
    guard let value = labelled.0.first, value.kind == .deal, !value.key.allSatisfy(\.isNumber),
      let found = gazetteer.longestMatch(tokens, at: start + labelled.1 - 1), found.length == 1,
      let deal = found.entities.first(where: { $0.kind == .deal })
    else { return labelled }
    return ([Self.value(deal)], labelled.1)
  }

  /// An imported deal's CRM id ("0065g00000abcde", "1c1i7a6r"): letters and digits, with
  /// at least one digit, long enough not to be a word or a quarter ("q3").
  private static func looksLikeCRMID(_ text: String) -> Bool {
    text.count >= 6 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
      && text.contains(where: \.isNumber) && text.contains(where: \.isLetter)
  }

  /// An amount written short: "400k", "1.2m", "2.5 million", "400 thousand".
  private static let multipliers: [String: Double] = [
    "k": 1_000, "thousand": 1_000, "m": 1_000_000, "mm": 1_000_000, "million": 1_000_000,
  ]

  /// Whether `token` may be read as a number, an amount or a size: it opens with a digit, a
  /// point or a sign, or with a character outside ASCII (digits of other scripts). Most words
  /// are ruled out by their first byte, before any number is parsed.
  private static func mayBeNumber(_ token: String) -> Bool {
    guard let byte = token.utf8.first else { return false }
    return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte >= 0x80
  }

  static func shorthandAmount(_ tokens: [String], at start: Int) -> (Int64, Int)? {
    let token = tokens[start]
    if let last = token.last, let multiplier = multipliers[String(last)], let number = Double(token.dropLast()),
      token.dropLast().allSatisfy({ $0.isNumber || $0 == "." })
    {
      return Int64(exactly: (number * multiplier).rounded()).map { ($0, 1) }
    }
    guard start + 1 < tokens.count, let multiplier = multipliers[tokens[start + 1]], tokens[start + 1].count > 1,
      token.allSatisfy({ $0.isNumber || $0 == "." }), let number = Double(token)
    else { return nil }
    return Int64(exactly: (number * multiplier).rounded()).map { ($0, 2) }
  }

  /// "120 employees", "a 120-person company", "$25m arr", "25 million arr".
  private func size(_ tokens: [String], at start: Int) -> (EntityValue, Int)? {
    var text = tokens[start]
    var multiplier: Int64 = 1
    var length = 1
    if let last = text.last, last == "m" || last == "k", Int64(text.dropLast()) != nil {
      multiplier = last == "m" ? 1_000_000 : 1_000
      text.removeLast()
    }
    guard let number = Int64(text) else { return nil }
    if start + length < tokens.count, ["million", "mm", "m"].contains(tokens[start + length]) {
      multiplier = 1_000_000
      length += 1
    }
    guard start + length < tokens.count else { return nil }
    let next = tokens[start + length]
    if next == "arr" || next == "revenue" {
      let value = number * multiplier
      return (EntityValue(kind: .size, key: "arr:\(value)", display: "$\(value / 1_000_000)M ARR"), length + 1)
    }
    if multiplier == 1, Self.sizeWords.contains(next) {
      return (.headcount(number), length + 1)
    }
    return nil
  }
}
