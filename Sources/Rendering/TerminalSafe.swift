/// Makes workspace text safe to print: control characters and escape sequences in data (a
/// deal named with ESC codes) are shown escaped, never sent raw to the terminal; so are the
/// bidirectional controls, which would reorder what the terminal shows ("fdp.exe" read as
/// "exe.pdf").
public enum TerminalSafe {
  public static func escape(_ text: String) -> String {
    // Bytes first: text with no control byte and nothing beyond ASCII (nearly all of it)
    // needs no look at its scalars.
    let plain =
      text.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.allSatisfy { byte in byte == 0x0A || (byte >= 0x20 && byte < 0x7F) }
      } ?? false
    guard !plain, text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        result +=
          scalar.value < 0x20
          ? "^" + String(UnicodeScalar(scalar.value + 0x40).map(Character.init) ?? "?")
          : "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A: return false  // newline separates lines of a reply
    case 0x00..<0x20, 0x7F, 0x80..<0xA0: return true
    // Bidirectional marks, embeddings, overrides and isolates.
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}
