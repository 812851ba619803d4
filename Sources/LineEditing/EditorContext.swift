import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Swift state libedit's C callbacks reach through `EL_CLIENTDATA`.
///
/// C callbacks cannot capture, so the prompt string and the completer live here; the prompt's
/// C copy must stay alive while libedit may draw it.
final class EditorContext {
  private(set) var promptPointer: UnsafeMutablePointer<CChar>?
  /// The prompt as last set, to put back after a history search shows its own.
  private(set) var prompt = ""
  private let completer: (String) -> [String]
  /// The history's lines, oldest first, for Ctrl-R (`searchHistory`).
  var entries: [String] = []

  init(completer: @escaping (String) -> [String]) {
    self.completer = completer
  }

  deinit { free(promptPointer) }

  /// Looks up the context registered on `editLine`.
  static func instance(for editLine: OpaquePointer) -> EditorContext? {
    guard let raw = cel_get_clientdata(editLine) else { return nil }
    return Unmanaged<EditorContext>.fromOpaque(raw).takeUnretainedValue()
  }

  func setPrompt(_ prompt: String) {
    self.prompt = prompt
    showPrompt(prompt)
  }

  /// Draws `text` as the prompt without changing the one `setPrompt` set.
  func showPrompt(_ text: String) {
    free(promptPointer)
    promptPointer = strdup(text)
  }

  /// More choices than this are listed only when asked.
  static let longList = 100

  /// Tab: insert a unique completion or a longer common prefix, or list the candidates.
  func complete(_ editLine: OpaquePointer) -> UInt8 {
    guard let info = el_line(editLine)?.pointee, let buffer = info.buffer else {
      return UInt8(CC_ERROR)
    }
    // The buffer and cursor are UTF-8 bytes; decode everything before the cursor.
    let length = info.cursor - buffer
    let bytes = UnsafeRawBufferPointer(start: buffer, count: max(0, length))
    let before = String(decoding: bytes, as: UTF8.self)
    switch Completion.complete(before, candidates: completer(before)) {
    case .insert(let text):
      return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
    case .list(let words):
      // libedit lays the list out in columns to the terminal's width; a long one only if
      // asked, as readline does.
      print("")
      if words.count > Self.longList {
        print("Display all \(words.count) possibilities? (y or n)", terminator: "")
        fflush(cel_stdout())
        var key: CChar = 0
        guard el_getc(editLine, &key) == 1 else {
          // Ctrl-C: libedit's handler left the terminal cooked; end the line, cleared.
          print("")
          if let info = el_wline(editLine)?.pointee, let buffer = info.buffer {
            _ = el_cursor(editLine, Int32(info.lastchar - info.cursor))
            el_deletestr(editLine, Int32(info.lastchar - buffer))
          }
          var newline: [wchar_t] = [0x0A, 0]
          el_wpush(editLine, &newline)
          return UInt8(CC_REFRESH)
        }
        print("")
        let answer = Character(UnicodeScalar(UInt8(bitPattern: key)))
        guard answer == "y" || answer == "Y" || answer == " " else { return UInt8(CC_REDISPLAY) }
      }
      fflush(cel_stdout())
      var pointers: [UnsafeMutablePointer<CChar>?] = [strdup("")] + words.map { strdup($0) }
      defer { pointers.forEach { free($0) } }
      let widest = words.map(\.utf8.count).max() ?? 0
      pointers.withUnsafeMutableBufferPointer { buffer in
        cel_display_matches(editLine, buffer.baseAddress, buffer.count, widest)
      }
      return UInt8(CC_REDISPLAY)
    case .none:
      return UInt8(CC_REFRESH_BEEP)
    }
  }
}
