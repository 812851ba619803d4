import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-R: a reverse incremental search of the history, with the keys of readline's (and
/// psql's): typing narrows it, Ctrl-R finds the next older match, Backspace widens it,
/// Enter runs the line found, Ctrl-G puts the line back as it was, and any other key (an
/// arrow, Ctrl-A, Ctrl-E) ends the search on the line found and then does what it does;
/// Ctrl-C ends the line empty, as it does outside the search.
/// libedit's own search ends at the escape that starts an arrow key and types the rest of
/// it into the line ("[C").
extension EditorContext {
  func searchHistory(_ editLine: OpaquePointer) -> UInt8 {
    let original = currentLine(editLine)
    var pattern = ""
    // Where the next older match is looked for: below this index.
    var below = entries.count
    var found: Int?
    func show() {
      let failing = !pattern.isEmpty && found == nil ? "failing " : ""
      showPrompt("(\(failing)reverse-i-search)`\(pattern)': ")
      replaceLine(editLine, with: found.map { entries[$0] } ?? (pattern.isEmpty ? original : currentLine(editLine)))
      _ = cel_refresh(editLine)
    }
    func search(from start: Int) {
      guard !pattern.isEmpty else { return found = nil }
      let needle = pattern.lowercased()
      found = entries[..<max(0, min(start, entries.count))].lastIndex { $0.lowercased().contains(needle) }
    }
    func finish(_ line: String) -> UInt8 {
      showPrompt(prompt)
      replaceLine(editLine, with: line)
      _ = cel_refresh(editLine)
      return UInt8(CC_REFRESH)
    }
    show()
    while true {
      var key: wchar_t = 0
      guard el_wgetc(editLine, &key) == 1, let scalar = Unicode.Scalar(UInt32(bitPattern: key)) else {
        // Ctrl-C (or the input's end): libedit's SIGINT handler has put the terminal back in
        // cooked mode, so the line ends here, empty, as a Ctrl-C clears it; the next read
        // sets the terminal up again.
        _ = finish("")
        push(editLine, [0x0A])
        return UInt8(CC_REFRESH)
      }
      switch scalar.value {
      case 0x12:  // Ctrl-R: the next older match
        search(from: found ?? below)
        if found != nil { below = found ?? below }
      case 0x07:  // Ctrl-G: abort, the line as it was
        return finish(original)
      case 0x0D, 0x0A:  // Enter: run the line found
        _ = finish(found.map { entries[$0] } ?? currentLine(editLine))
        // Enter itself, read next: libedit's newline ends the line properly (returning
        // CC_NEWLINE from here would leave the end of an older, longer line after it).
        push(editLine, [0x0A])
        return UInt8(CC_REFRESH)
      case 0x7F, 0x08:  // Backspace
        if !pattern.isEmpty { pattern.removeLast() }
        below = entries.count
        search(from: below)
      case 0x1B:  // an escape sequence: end the search, then do what the key does
        let line = found.map { entries[$0] } ?? currentLine(editLine)
        _ = finish(line)
        var next: wchar_t = 0
        guard el_wgetc(editLine, &next) == 1 else { return UInt8(CC_REFRESH) }
        guard next == 0x5B || next == 0x4F else {  // not "[" or "O": Meta and a key ("Alt-f")
          push(editLine, [0x1B, next])
          return UInt8(CC_REFRESH)
        }
        // The rest of the sequence: parameters ("3", "1;5"), then its final character.
        var parameters = 0
        var final: wchar_t = 0
        while el_wgetc(editLine, &final) == 1, (0x20...0x3F).contains(final) { parameters += 1 }
        // The arrows and Home/End as the control keys emacs mode binds to the same moves;
        // other keys (Delete, Ctrl-Right) end the search and are not typed into the line.
        let control: [wchar_t: wchar_t] = [0x43: 0x06, 0x44: 0x02, 0x41: 0x10, 0x42: 0x0E, 0x48: 0x01, 0x46: 0x05]
        if parameters == 0, let key = control[final] { push(editLine, [key]) }
        return UInt8(CC_REFRESH)
      case 0..<0x20:  // another control key: end the search, then do what the key does
        _ = finish(found.map { entries[$0] } ?? currentLine(editLine))
        push(editLine, [key])
        return UInt8(CC_REFRESH)
      default:
        pattern.unicodeScalars.append(scalar)
        search(from: found.map { $0 + 1 } ?? below)
      }
      show()
    }
  }

  /// The line being edited, read in libedit's wide characters (the units its cursor and
  /// deletions count in).
  private func currentLine(_ editLine: OpaquePointer) -> String {
    guard let info = el_wline(editLine)?.pointee, let buffer = info.buffer else { return "" }
    var text = String.UnicodeScalarView()
    for index in 0..<max(0, info.lastchar - buffer) {
      if let scalar = Unicode.Scalar(UInt32(bitPattern: buffer[index])) { text.append(scalar) }
    }
    return String(text)
  }

  /// Replaces the line being edited with `text`, the cursor at its end. Counts are in wide
  /// characters: in bytes, a line with "Zoë" would keep part of itself.
  private func replaceLine(_ editLine: OpaquePointer, with text: String) {
    guard let info = el_wline(editLine)?.pointee, let buffer = info.buffer else { return }
    let length = Int32(info.lastchar - buffer)
    _ = el_cursor(editLine, length - Int32(info.cursor - buffer))
    el_deletestr(editLine, length)
    var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
    _ = el_winsertstr(editLine, &wide)
  }

  /// Puts keys back to be read next, as if typed after the search ended. One push a
  /// sequence: libedit reads the latest push first.
  private func push(_ editLine: OpaquePointer, _ keys: [wchar_t]) {
    var wide = keys + [0]
    el_wpush(editLine, &wide)
  }
}
