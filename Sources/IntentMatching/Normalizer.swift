import Foundation

/// Turns a typed line into tokens the matcher compares: case and accents folded, Unicode
/// compatibility forms unified (NFKC), punctuation dropped, contractions expanded, number
/// words turned into digits, `#42` into `42`.
public struct Normalizer: Sendable {
  public init() {}

  /// Contractions that carry a verb; any other `'s` is a possessive and is dropped.
  private static let contractions: [String: [String]] = [
    "who's": ["who", "is"], "what's": ["what", "is"], "it's": ["it", "is"],
    "that's": ["that", "is"], "where's": ["where", "is"], "how's": ["how", "is"],
    "there's": ["there", "is"], "here's": ["here", "is"], "let's": ["let", "us"],
    "don't": ["do", "not"], "doesn't": ["does", "not"], "didn't": ["did", "not"],
    "can't": ["can", "not"], "won't": ["will", "not"], "isn't": ["is", "not"],
    "aren't": ["are", "not"], "i'm": ["i", "am"], "i've": ["i", "have"], "i'd": ["i", "would"],
    "we're": ["we", "are"], "they're": ["they", "are"], "you're": ["you", "are"],
    "what're": ["what", "are"], "who're": ["who", "are"],
  ]

  /// Normalizes `line` into tokens.
  public func tokens(_ line: String) -> [Token] {
    var result: [Token] = []
    for raw in line.split(whereSeparator: { $0.isWhitespace }) {
      let folded = Self.fold(String(raw))
      let surfaceWord = String(raw)
      // Apostrophes: expand contractions, drop possessive 's.
      let apostrophed = folded.unicodeScalars.contains("’") ? folded.replacingOccurrences(of: "’", with: "'") : folded
      if apostrophed.unicodeScalars.contains("'"),
        let expansion = Self.contractions[Self.trimmingEdgePunctuation(apostrophed)]
      {
        result += expansion.map { Token(text: $0, surface: $0) }
        continue
      }
      var pieces = Self.split(apostrophed)
      var surfaces = Self.split(surfaceWord)
      if surfaces.count != pieces.count { surfaces = pieces }
      for index in pieces.indices {
        if pieces[index].hasSuffix("'s") {
          pieces[index].removeLast(2)
          if surfaces[index].hasSuffix("'s") || surfaces[index].hasSuffix("’s") {
            surfaces[index].removeLast(2)
          }
        }
        let text = pieces[index].filter { $0 != "'" }
        if !text.isEmpty {
          result.append(Token(text: text, surface: surfaces[index].filter { $0 != "'" && $0 != "’" }))
        }
      }
    }
    return NumberWords.collapse(result)
  }

  /// The normalized words joined by single spaces.
  public func normalize(_ line: String) -> String {
    tokens(line).map(\.text).joined(separator: " ")
  }

  /// The word without punctuation at either end, apostrophes kept ("who's?" → "who's").
  private static func trimmingEdgePunctuation(_ word: String) -> String {
    var characters = Substring(word)
    while let first = characters.first, first.isPunctuation, first != "'" { characters.removeFirst() }
    while let last = characters.last, last.isPunctuation, last != "'" { characters.removeLast() }
    return String(characters)
  }

  /// NFKC, lower case, combining marks removed ("Zoë" → "zoe", "ﬁ" → "fi").
  static func fold(_ word: String) -> String {
    // ASCII has no compatibility forms or marks: lower-casing is all it needs, and it skips
    // Foundation's Unicode tables, the bulk of building the matcher at start-up.
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
    let compatible = word.precomposedStringWithCompatibilityMapping.lowercased()
    let scalars = compatible.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
      $0.properties.generalCategory != .nonspacingMark
    }
    return String(String.UnicodeScalarView(scalars))
  }

  /// Splits a word at punctuation other than apostrophes and the decimal point or hyphen
  /// inside numbers and dates ("2026-11-27", "1.5"), keeping `$` and `%` out.
  static func split(_ word: String) -> [String] {
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return splitASCII(Array(word.utf8)) }
    var parts: [String] = []
    var current = ""
    let characters = Array(word)
    for (index, character) in characters.enumerated() {
      let keepsNumber =
        (character == "-" || character == "." || character == ",")
        && index > 0 && index + 1 < characters.count
        && characters[index - 1].isNumber && characters[index + 1].isNumber
      if character.isLetter || character.isNumber || character == "'" || character == "’"
        || keepsNumber
      {
        current.append(character)
      } else if !current.isEmpty {
        parts.append(current)
        current = ""
      }
    }
    if !current.isEmpty { parts.append(current) }
    return parts.map { $0.unicodeScalars.contains(",") ? $0.filter { $0 != "," } : $0 }
  }

  /// `split` for an ASCII word, by bytes: the same rules without Unicode's character
  /// tables, which were most of the cost of reading a line.
  private static func splitASCII(_ bytes: [UInt8]) -> [String] {
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a }
    var parts: [String] = []
    var current: [UInt8] = []
    for (index, byte) in bytes.enumerated() {
      let keepsNumber =
        (byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","))
        && index > 0 && index + 1 < bytes.count && isDigit(bytes[index - 1]) && isDigit(bytes[index + 1])
      if isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "'") || keepsNumber {
        if byte != UInt8(ascii: ",") { current.append(byte) }
      } else if !current.isEmpty {
        parts.append(String(decoding: current, as: UTF8.self))
        current = []
      }
    }
    if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
    return parts
  }
}
