/// Works out what Tab does with the word before the cursor, independent of libedit.
public enum Completion: Equatable, Sendable {
  /// Insert this text at the cursor (the rest of a unique match plus a space, or a longer
  /// common prefix).
  case insert(String)
  /// Several candidates and nothing more to insert: show them.
  case list([String])
  /// Nothing matches.
  case none

  /// Completes the last word of `textBeforeCursor` from `candidates` (case-insensitive).
  public static func complete(_ textBeforeCursor: String, candidates: [String]) -> Completion {
    let word = lastWord(of: textBeforeCursor)
    let lowered = word.lowercased()
    var seen = Set<String>()
    let matches = candidates.filter {
      $0.lowercased().hasPrefix(lowered) && $0.count > 0 && seen.insert($0.lowercased()).inserted
    }.sorted()
    guard let first = matches.first else { return .none }
    if matches.count == 1 {
      return .insert(String(first.dropFirst(word.count)) + " ")
    }
    let common = longestCommonPrefix(matches.map { $0.lowercased() })
    if common.count > word.count {
      return .insert(String(first.prefix(common.count).dropFirst(word.count)))
    }
    return .list(matches)
  }

  /// The characters after the last space; the empty string after a space.
  static func lastWord(of text: String) -> String {
    guard let space = text.lastIndex(where: { $0 == " " || $0 == "\t" }) else { return text }
    return String(text[text.index(after: space)...])
  }

  static func longestCommonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for word in words.dropFirst() {
      while !word.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}
