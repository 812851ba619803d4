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

  /// Spoken run-together words, read as what they stand for ("gimme deal 42").
  static let runTogether: [String: [String]] = [
    "gimme": ["give", "me"], "lemme": ["let", "me"], "whats": ["what", "is"], "whos": ["who", "is"],
  ]

  /// Arrows, read as the word "to" ("marketing→sales handoff", "lead 2 -> Jamie").
  static let arrows = ["->", "=>", "→", "⇒", "➔", "⟶"]

  /// Normalizes `line` into tokens.
  public func tokens(_ line: String) -> [Token] {
    var bytes = line
    if let tokens = bytes.withUTF8({ Self.isPlain($0) ? Self.asciiTokens($0) : nil }) {
      return NumberWords.collapse(Self.expandingRunTogether(tokens))
    }
    return NumberWords.collapse(Self.expandingRunTogether(unicodeTokens(Self.spacingArrows(line))))
  }

  /// Whether `bytes` are ASCII with no arrow ("->", "=>"), for the plain tokenizer.
  private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if byte >= 0x80 || (byte == UInt8(ascii: ">") && (previous == UInt8(ascii: "-") || previous == UInt8(ascii: "=")))
      {
        return false
      }
      previous = byte
    }
    return true
  }

  /// `line` with a space either side of each arrow, so that it stands as a word of its own.
  private static func spacingArrows(_ line: String) -> String {
    arrows.reduce(line) { spaced, arrow in
      spaced.contains(arrow) ? spaced.replacingOccurrences(of: arrow, with: " \(arrow) ") : spaced
    }
  }

  /// `tokens` with each run-together word ("gimme") as the words it stands for.
  private static func expandingRunTogether(_ tokens: [Token]) -> [Token] {
    guard tokens.contains(where: { runTogether[$0.text] != nil }) else { return tokens }
    return tokens.flatMap { token in
      runTogether[token.text].map { $0.map { Token(text: $0, surface: $0) } } ?? [token]
    }
  }

  /// `tokens` before number words are collapsed, for any text.
  func unicodeTokens(_ line: String) -> [Token] {
    var result: [Token] = []
    for raw in line.split(whereSeparator: { $0.isWhitespace }) {
      if Self.arrows.contains(String(raw)) {
        result.append(Token(text: "to", surface: String(raw)))
        continue
      }
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
    return result
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

  /// Splits a word at punctuation other than apostrophes and the decimal point, hyphen or
  /// slash inside numbers and dates ("2026-11-27", "1.5", "12/15"), keeping `$` and `%` out.
  static func split(_ word: String) -> [String] {
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return splitASCII(Array(word.utf8)) }
    var parts: [String] = []
    var current = ""
    let characters = Array(word)
    for (index, character) in characters.enumerated() {
      let keepsNumber =
        (character == "-" || character == "." || character == "," || character == "/")
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

  /// `unicodeTokens` for an ASCII line, by bytes: the same rules without Unicode's
  /// character tables, which would make reading a line cost more than ranking it.
  static func asciiTokens(_ line: UnsafeBufferPointer<UInt8>) -> [Token] {
    var result: [Token] = []
    var text: [UInt8] = []
    var surface: [UInt8] = []
    var start = 0
    while start < line.count {
      while start < line.count && isASCIIWhitespace(line[start]) { start += 1 }
      var end = start
      while end < line.count && !isASCIIWhitespace(line[end]) { end += 1 }
      guard start < end else { break }
      let word = UnsafeBufferPointer(rebasing: line[start..<end])
      start = end
      // Most words have no apostrophe: read them in place, into two reused buffers, with
      // no array per word or piece (allocating those would be most of reading a line).
      guard word.contains(UInt8(ascii: "'")) else {
        plainASCIIWord(word, into: &result, text: &text, surface: &surface)
        continue
      }
      let raw = Array(word)
      let folded = raw.map { $0 >= 0x41 && $0 <= 0x5a ? $0 | 0x20 : $0 }
      if folded.contains(UInt8(ascii: "'")),
        let expansion = contractions[String(decoding: trimmingEdgePunctuation(folded), as: UTF8.self)]
      {
        result += expansion.map { Token(text: $0, surface: $0) }
        continue
      }
      // Case does not move the split points, so pieces and surfaces pair up one to one.
      let pieces = splitASCIIBytes(folded)
      let surfaces = splitASCIIBytes(raw)
      for (piece, surface) in zip(pieces, surfaces) {
        var piece = piece[...]
        var surface = surface[...]
        if piece.count >= 2 && piece.suffix(2).elementsEqual("'s".utf8) {
          piece = piece.dropLast(2)
          if surface.count >= 2 && surface.suffix(2).elementsEqual("'s".utf8) { surface = surface.dropLast(2) }
        }
        let text = piece.filter { $0 != UInt8(ascii: "'") }
        if !text.isEmpty {
          result.append(
            Token(
              text: String(decoding: text, as: UTF8.self),
              surface: String(decoding: surface.filter { $0 != UInt8(ascii: "'") }, as: UTF8.self)))
        }
      }
    }
    return result
  }

  /// `asciiTokens` for a word without apostrophes: its pieces, each lower-cased for the
  /// text and kept as typed for the surface.
  private static func plainASCIIWord(
    _ word: UnsafeBufferPointer<UInt8>, into result: inout [Token], text: inout [UInt8], surface: inout [UInt8]
  ) {
    forEachASCIIPiece(of: word, in: &surface) { piece in
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: piece.lazy.map { $0 >= 0x41 && $0 <= 0x5a ? $0 | 0x20 : $0 })
      result.append(Token(text: String(decoding: text, as: UTF8.self), surface: String(decoding: piece, as: UTF8.self)))
    }
  }

  private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0d)
  }

  /// Which ASCII bytes are punctuation to Unicode (`Character.isPunctuation`), read once.
  private static let asciiPunctuation: [Bool] = (0..<128).map {
    Character(Unicode.Scalar(UInt8($0))).isPunctuation
  }

  /// `trimmingEdgePunctuation` for ASCII bytes.
  private static func trimmingEdgePunctuation(_ word: [UInt8]) -> ArraySlice<UInt8> {
    var word = word[...]
    func trims(_ byte: UInt8) -> Bool { byte != UInt8(ascii: "'") && asciiPunctuation[Int(byte)] }
    while let first = word.first, trims(first) { word.removeFirst() }
    while let last = word.last, trims(last) { word.removeLast() }
    return word
  }

  /// `split` for an ASCII word, by bytes: the same rules without Unicode's character
  /// tables, which would be most of the cost of reading a line.
  private static func splitASCII(_ bytes: [UInt8]) -> [String] {
    splitASCIIBytes(bytes).map { String(decoding: $0, as: UTF8.self) }
  }

  private static func splitASCIIBytes(_ bytes: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var piece: [UInt8] = []
    bytes.withUnsafeBufferPointer { word in forEachASCIIPiece(of: word, in: &piece) { parts.append($0) } }
    return parts
  }

  /// Calls `body` with each piece of an ASCII word, in order, gathered in `piece` (a buffer
  /// reused from piece to piece): letters, digits and apostrophes, and the hyphen, point,
  /// slash or comma between two digits, commas left out ("2026-11-27", "1.5", "12/15",
  /// "1,000" → "1000").
  private static func forEachASCIIPiece(
    of word: UnsafeBufferPointer<UInt8>, in piece: inout [UInt8], _ body: ([UInt8]) -> Void
  ) {
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a }
    piece.removeAll(keepingCapacity: true)
    for index in word.indices {
      let byte = word[index]
      let keepsNumber =
        (byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
          || byte == UInt8(ascii: "/"))
        && index > 0 && index + 1 < word.count && isDigit(word[index - 1]) && isDigit(word[index + 1])
      if isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "'") || keepsNumber {
        if byte != UInt8(ascii: ",") { piece.append(byte) }
      } else if !piece.isEmpty {
        body(piece)
        piece.removeAll(keepingCapacity: true)
      }
    }
    if !piece.isEmpty {
      body(piece)
      piece.removeAll(keepingCapacity: true)
    }
  }
}
