/// Words a line sets apart as free text: in double quotes ("…", “…”), or after a colon or a
/// dash standing between words ("new task for Sam: send the MSA on deal 42", "reject change 1
/// - it repeats a field we have"). People mark a title or a reason so, and whatever names the
/// marked words hold are the text's words, not requests of their own.
enum DelimitedText {
  /// The token positions of the marked words in `line`, whose tokens number `tokenCount`:
  /// the first quoted span, else what follows the first colon or dash between words. Nil when
  /// nothing is marked or the mark leaves no words after it.
  static func range(in line: String, normalizer: Normalizer, tokenCount: Int) -> Range<Int>? {
    guard mayHold(line, quotes: true, stops: [UInt8(ascii: ":")]) else { return nil }
    let characters = Array(line)
    if let (open, close) = quoted(characters) {
      let start = normalizer.tokens(String(characters[..<open])).count
      let count = normalizer.tokens(String(characters[(open + 1)..<close])).count
      guard count > 0, start + count <= tokenCount else { return nil }
      return start..<(start + count)
    }
    guard let mark = separator(characters) else { return nil }
    let start = normalizer.tokens(String(characters[..<mark])).count
    guard start > 0, start < tokenCount else { return nil }
    return start..<tokenCount
  }

  /// The token positions of what the line says before its last sentence break (". ", "? ",
  /// "! ", or a colon or dash between words), when it has one and words after it: "Two AEs
  /// are fighting over the West. Which team should handle that?" says its problem first.
  static func leadingSentence(in line: String, normalizer: Normalizer, tokenCount: Int) -> Range<Int>? {
    guard
      mayHold(line, quotes: false, stops: [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":")])
    else { return nil }
    let characters = Array(line)
    var last: Int?
    for index in characters.indices.dropFirst() where index + 1 < characters.count {
      let (before, mark, after) = (characters[index - 1], characters[index], characters[index + 1])
      guard after.isWhitespace, !before.isWhitespace || dashes.contains(mark) else { continue }
      if stops.contains(mark) || (dashes.contains(mark) && before.isWhitespace) { last = index }
    }
    guard let last else { return nil }
    // Three words at least: "Got it. Who should own that?" says no problem before.
    let end = normalizer.tokens(String(characters[..<last])).count
    return end >= 3 && end < tokenCount ? 0..<end : nil
  }

  /// The token positions of what the line says before its first comma, full stop or dash
  /// between words, when words follow it: "had a great call, move deal 42 to Proposal"
  /// opens with a clause of its own.
  static func leadingClause(in line: String, normalizer: Normalizer, tokenCount: Int) -> Range<Int>? {
    guard let (characters, mark) = clauseMark(in: line) else { return nil }
    let end = normalizer.tokens(String(characters[..<mark])).count
    return end > 0 && end < tokenCount ? 0..<end : nil
  }

  /// What the line says before its leading clause's mark (`leadingClause`).
  static func beforeLeadingClause(in line: String) -> String? {
    guard let (characters, mark) = clauseMark(in: line) else { return nil }
    let head = String(characters[..<mark])
    return head.allSatisfy(\.isWhitespace) ? nil : head
  }

  /// What the line says after its leading clause (`leadingClause`).
  static func afterLeadingClause(in line: String) -> String? {
    guard let (characters, mark) = clauseMark(in: line) else { return nil }
    let rest = characters[(mark + 1)...].drop(while: \.isWhitespace)
    return rest.isEmpty ? nil : String(rest)
  }

  /// The line's characters and the position of the mark that ends its first clause.
  private static func clauseMark(in line: String) -> (characters: [Character], mark: Int)? {
    guard
      mayHold(
        line, quotes: false, stops: [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "!")])
    else { return nil }
    let characters = Array(line)
    for index in characters.indices.dropFirst() where index + 1 < characters.count {
      let (before, mark, after) = (characters[index - 1], characters[index], characters[index + 1])
      guard after.isWhitespace, !before.isWhitespace || dashes.contains(mark) else { continue }
      guard clauseEnds.contains(mark) || (dashes.contains(mark) && before.isWhitespace) else { continue }
      return (characters, index)
    }
    return nil
  }

  /// Marks that end a clause before a space.
  private static let clauseEnds: Set<Character> = [",", ".", ";", "!"]

  /// Marks that end a sentence before a space.
  private static let stops: Set<Character> = [".", "?", "!", ":"]
  private static let dashes: Set<Character> = ["-", "–", "—"]

  /// Whether `line` may hold a mark, read from its bytes before any character is: one of
  /// `stops` before a space (any ASCII one), a hyphen with one on each side, a straight quote (with
  /// `quotes`), or any byte outside ASCII (curly quotes, long dashes and other spaces are
  /// left to the reading by characters). Most lines hold none, and are passed by at the cost
  /// of one look at each byte.
  private static func mayHold(_ line: String, quotes: Bool, stops: [UInt8]) -> Bool {
    let hyphen = UInt8(ascii: "-")
    // What `Character.isWhitespace` counts in ASCII: space, tab, line feed, vertical tab,
    // form feed and carriage return.
    let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) }
    var (beforeLast, last): (UInt8, UInt8) = (0, 0)
    for byte in line.utf8 {
      if byte >= 0x80 || (quotes && byte == UInt8(ascii: "\"")) { return true }
      if isSpace(byte), stops.contains(last) || (last == hyphen && isSpace(beforeLast)) { return true }
      (beforeLast, last) = (last, byte)
    }
    return false
  }

  /// The positions of the first pair of quotes: a straight quote opening a word and the next
  /// straight quote, or “ and the next ”.
  private static func quoted(_ characters: [Character]) -> (Int, Int)? {
    for (index, character) in characters.enumerated() {
      if character == "“", let close = characters[(index + 1)...].firstIndex(of: "”") { return (index, close) }
      if character == "\"", index == 0 || characters[index - 1].isWhitespace,
        let close = characters[(index + 1)...].firstIndex(of: "\"")
      {
        return (index, close)
      }
    }
    return nil
  }

  /// The position of the first colon that ends a word and is followed by a space ("Sam: …",
  /// not "10:30"), or of a dash with a space on each side (not "sales-to-cs").
  private static func separator(_ characters: [Character]) -> Int? {
    for index in characters.indices.dropFirst() where index + 1 < characters.count {
      let before = characters[index - 1]
      let after = characters[index + 1]
      if characters[index] == ":", !before.isWhitespace, after.isWhitespace { return index }
      if dashes.contains(characters[index]), before.isWhitespace, after.isWhitespace { return index }
    }
    return nil
  }
}
