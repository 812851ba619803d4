import Assistant
import BatonModel
import Foundation
import IntentMatching

/// A tool call's arguments read into an intent's slots, each checked: the argument an
/// intent does not take, a required one missing, a value of the wrong type or naming
/// nothing in the workspace; every problem named, none guessed at.
struct ToolArguments {
  let names: WorkspaceNames
  let matcher: IntentMatcher
  let today: Day

  /// One argument's problem, as the tool result names it.
  struct Problem: Equatable {
    var argument: String
    var message: String
  }

  /// The slots the arguments fill, or every problem they have.
  enum Reading {
    case slots([String: SlotValue])
    case problems([Problem])
  }

  func slots(for intent: IntentDefinition, _ arguments: [String: JSONValue]) -> Reading {
    var problems: [Problem] = []
    var slots: [String: SlotValue] = [:]
    let takes = intent.slots.map(\.name)
    for name in arguments.keys.sorted() where intent.slot(named: name) == nil {
      problems.append(
        Problem(
          argument: name,
          message: takes.isEmpty
            ? "is not an argument: this tool takes none"
            : "is not an argument: this tool takes \(takes.joined(separator: ", "))"))
    }
    for slot in intent.slots {
      guard let argument = arguments[slot.name], argument != .null else {
        if slot.required { problems.append(Problem(argument: slot.name, message: "is required")) }
        continue
      }
      switch value(of: argument, slot) {
      case .success(let value): slots[slot.name] = SlotValue(value, source: .argument)
      case .failure(let problem): problems.append(Problem(argument: slot.name, message: problem.message))
      }
    }
    return problems.isEmpty ? .slots(slots) : .problems(problems)
  }

  private struct Unreadable: Error {
    var message: String
  }

  private func value(of argument: JSONValue, _ slot: SlotDefinition) -> Result<EntityValue, Unreadable> {
    let kind = slot.type
    switch kind {
    case .deal, .lead, .task, .change, .number:
      guard let number = integer(argument) else {
        return .failure(Unreadable(message: "must be a whole number, not \(argument.jsonText)"))
      }
      if kind == .number { return .success(EntityValue(kind: .number, key: String(number), display: String(number))) }
      guard number > 0 else { return .failure(Unreadable(message: "must be a number above 0, not \(number)")) }
      let display = "\(kind == .change ? "change" : kind.rawValue) \(number)"
      return .success(EntityValue(kind: kind, key: String(number), display: display))
    default:
      break
    }
    guard case .string(let text) = argument, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      return .failure(Unreadable(message: "must be a non-empty string, not \(String(argument.jsonText.prefix(80)))"))
    }
    // As a typed line is: no longer than a line, and nothing a terminal would obey.
    guard text.count <= Session.maximumLineLength else {
      return .failure(Unreadable(message: "is \(text.count) characters long; at most \(Session.maximumLineLength)"))
    }
    guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
      return .failure(Unreadable(message: "holds control characters (a newline, an escape); give it on one line"))
    }
    switch kind {
    case .text:
      return .success(EntityValue(kind: .text, key: text, display: text))
    case .date, .period, .size:
      return read(text, as: kind)
    default:
      if let name = names.find(text, kind: kind) {
        return .success(EntityValue(kind: kind, key: name.key, display: name.display))
      }
      let nearest = names.nearest(text, kind: kind)
      let hint = nearest.isEmpty ? "" : "; did you mean \(nearest.map { "“\($0)”" }.joined(separator: " or "))?"
      return .failure(Unreadable(message: "“\(text)” is no \(kind.rawValue) of this workspace\(hint)"))
    }
  }

  /// A date, period or size in words, read as a line's would be.
  private func read(_ text: String, as kind: EntityKind) -> Result<EntityValue, Unreadable> {
    let entities = matcher.entities(in: text, today: today)
    if let impossible = entities.first(where: { $0.kinds.contains(.impossibleDate) }) {
      return .failure(Unreadable(message: "there is no \(impossible.surface) on the calendar"))
    }
    let found = entities.compactMap { $0.value(of: kind) }
    // "that quarter" points at a conversation's period; a tool call names its own.
    if found.contains(where: { $0.pointedUnit != nil }) {
      return .failure(
        Unreadable(message: "“\(text)” points at an earlier period: give the period itself, such as 2026-Q4"))
    }
    guard found.count == 1, let value = found.first else {
      let examples: String
      switch kind {
      case .date: examples = "an ISO date such as 2026-12-15"
      case .period: examples = "a period such as 2026-Q4, Q3 2025, 2025 or last 30 days"
      default: examples = "a size such as 200 employees or $50M ARR"
      }
      return .failure(
        Unreadable(
          message: "“\(text)” is \(found.isEmpty ? "not" : "more than one") \(kind.rawValue): give \(examples)"))
    }
    return .success(value)
  }

  private func integer(_ value: JSONValue) -> Int64? {
    switch value {
    case .int(let number): return number
    case .double(let number) where number.rounded() == number && abs(number) < 1e15: return Int64(number)
    case .string(let text): return Int64(text.trimmingCharacters(in: .whitespaces))
    default: return nil
    }
  }
}
