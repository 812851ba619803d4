/// A light suffix stripper: enough that "owned" and "owning" meet at "own", and "deals" at
/// "deal", when a line's words are lined up against an example's anchors. Words of four
/// letters or fewer stay whole ("owns", "buys").
enum Stemmer {
  static func stem(_ word: String) -> String {
    let bytes = word.utf8
    guard bytes.count > 4, bytes.first != UInt8(ascii: "{"), !hasNumber(word) else { return word }
    for suffix in suffixes where ends(bytes, with: suffix) {
      if suffix == [UInt8(ascii: "s")] && keptEndings.contains(where: { ends(bytes, with: $0) }) { return word }
      guard bytes.count - suffix.count >= 3 else { continue }
      let base = String(decoding: bytes.dropLast(suffix.count), as: UTF8.self)
      return suffix == Array("ies".utf8) ? base + "y" : base
    }
    return word
  }

  /// Longest first where one ends another ("ies" before "es" before "s").
  private static let suffixes: [[UInt8]] = ["ing", "ed", "ies", "es", "s"].map { Array($0.utf8) }
  /// Words ending in "s" that are no plural ("class", "status", "analysis").
  private static let keptEndings: [[UInt8]] = ["ss", "us", "is"].map { Array($0.utf8) }

  private static func ends(_ bytes: String.UTF8View, with suffix: [UInt8]) -> Bool {
    bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix)
  }

  /// Whether `word` has a digit or another numeric character; by bytes for ASCII.
  private static func hasNumber(_ word: String) -> Bool {
    var ascii = true
    for byte in word.utf8 {
      if byte >= 0x80 { ascii = false } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
    }
    return !ascii && word.contains(where: \.isNumber)
  }
}
