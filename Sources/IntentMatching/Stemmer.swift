/// A light suffix stripper: enough that "owns", "owned" and "owning" meet at "own" when a
/// line's words are lined up against an example's anchors.
enum Stemmer {
  static func stem(_ word: String) -> String {
    guard word.utf8.count > 4, !word.hasPrefix("{"), !word.contains(where: \.isNumber) else {
      return word
    }
    for suffix in ["ing", "ed", "ies", "es", "s"] where word.hasSuffix(suffix) {
      if suffix == "s" && (word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is")) {
        return word
      }
      let base = String(word.dropLast(suffix.count))
      if base.utf8.count >= 3 { return suffix == "ies" ? base + "y" : base }
    }
    return word
  }
}
