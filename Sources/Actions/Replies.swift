import BatonModel

/// Replies several actions share.
enum Replies {
  /// A record the line named does not exist.
  static func notFound(_ what: String, nearest: [String] = []) -> Reply { .notFound(what, nearest: nearest) }

  /// A required slot reached the action empty; the resolver should have asked.
  static func missing(_ slot: String) -> Reply {
    Reply(kind: .error, text: "Which \(slot)? Name one and ask again.", data: ["missing_slot": .string(slot)])
  }

  /// "a" or "an" before `word`.
  static func article(_ word: String) -> String {
    "aeiou".contains(word.first.map { Character($0.lowercased()) } ?? "x") ? "an" : "a"
  }

  /// "1 criterion", "2 criteria": `count` with the right form of the noun.
  static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
  }

  /// "a, b and c".
  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
  }
}
