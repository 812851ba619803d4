import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A byte read past a broken UTF-8 sequence, to be the start of the next key. Only the
/// thread that reads the terminal touches it.
nonisolated(unsafe) private var pendingByte: UInt8?

/// Reads keys for libedit (`EL_GETCFN`): one UTF-8 character at a time from the terminal, as
/// libedit's own reader does (a broken sequence is one U+FFFD, and the byte that broke it
/// starts the next key), and one thing more: a window resized while a line is being typed
/// (SIGWINCH), or a return from Ctrl-Z, redraws that line at the window's size, where
/// libedit's reader only goes on reading and leaves a stale copy on screen. A Ctrl-C still
/// ends the read with `EINTR`.
enum KeyReader {
  /// Installs the SIGWINCH handler and the reader on `editLine`.
  static func install(on editLine: OpaquePointer) {
    // The handler does nothing: its part is to interrupt the read (no SA_RESTART).
    _ = cel_install_sigwinch { _ in }
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
      let count: Int
      if let pending = pendingByte {
        byte = pending
        pendingByte = nil
        count = 1
      } else {
        count = read(0, &byte, 1)
      }
      if count == 1 {
        if bytes.isEmpty {
          expected = Self.length(ofSequenceStartingWith: byte)
        } else if byte & 0xC0 != 0x80 {
          // Not a continuation: the sequence so far is broken, and this byte starts the next key.
          pendingByte = byte
          break
        }
        bytes.append(byte)
        continue
      }
      if count == 0 { return 0 }
      let error = errno
      // Any signal but a Ctrl-C (a resize, a return from Ctrl-Z): draw the line again at
      // the window's size now and read on.
      if error == EINTR, Interrupts.count == interrupts {
        el_resize(editLine)
        _ = cel_refresh(editLine)
        continue
      }
      cel_set_errno(error)
      return -1
    }
    let scalar = bytes.count == expected ? String(decoding: bytes, as: UTF8.self).unicodeScalars.first : nil
    character.pointee = wchar_t(bitPattern: (scalar ?? "\u{FFFD}").value)
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
