import CEditLine
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether the window was resized since the key reader last redrew the line.
private let resized = Atomic<Bool>(false)

/// Reads keys for libedit (`EL_GETCFN`): one UTF-8 character at a time from the terminal, as
/// libedit's own reader does, and one thing more: a window resized while a line is being
/// typed (SIGWINCH) redraws that line at the new width, where libedit's reader only goes on
/// reading and leaves a stale copy on screen. A Ctrl-C still ends the read with `EINTR`.
enum KeyReader {
  /// Installs the SIGWINCH handler (it only notes the resize) and the reader on `editLine`.
  static func install(on editLine: OpaquePointer) {
    _ = cel_install_sigwinch { _ in resized.store(true, ordering: .relaxed) }
    _ = cel_set_getcfn(editLine) { editLine, character in
      guard let editLine, let character else { return -1 }
      return KeyReader.readKey(editLine, into: character)
    }
  }

  /// One character into `character`: 1, or 0 at end of input, or -1 with `errno` set.
  static func readKey(_ editLine: OpaquePointer, into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
    let interrupts = Interrupts.count
    var bytes: [UInt8] = []
    var expected = 1
    while bytes.count < expected {
      var byte: UInt8 = 0
      let count = read(0, &byte, 1)
      if count == 1 {
        if bytes.isEmpty { expected = Self.length(ofSequenceStartingWith: byte) }
        bytes.append(byte)
        continue
      }
      if count == 0 { return 0 }
      let error = errno
      // A resize, and no Ctrl-C with it: redraw the line at the new width and read on.
      if error == EINTR, Interrupts.count == interrupts, resized.exchange(false, ordering: .relaxed) {
        _ = cel_refresh(editLine)
        continue
      }
      cel_set_errno(error)
      return -1
    }
    let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    character.pointee = wchar_t(bitPattern: scalar.value)
    return 1
  }

  /// How many bytes the UTF-8 sequence that `lead` starts has (1 for a stray byte).
  private static func length(ofSequenceStartingWith lead: UInt8) -> Int {
    switch lead {
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
    default: 1
    }
  }
}
