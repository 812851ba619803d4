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
  private let completer: (String) -> [String]

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
    free(promptPointer)
    promptPointer = strdup(prompt)
  }

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
      print("")
      print(words.joined(separator: "  "))
      return UInt8(CC_REDISPLAY)
    case .none:
      return UInt8(CC_REFRESH_BEEP)
    }
  }
}
