#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal that decide how baton talks: interactive or scripted, colour or
/// not, how wide.
public enum Terminal {
  /// Interactive only when standard input and output are both terminals, as psql and
  /// CPython decide: with stdout piped, libedit would print no prompt anyway.
  public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

  /// Whether standard output is a terminal.
  public static var stdoutIsTerminal: Bool { isatty(1) == 1 }

  /// Colour only on a terminal, never with `NO_COLOR` set or `TERM=dumb`.
  public static func usesColour(environment: [String: String], isTerminal: Bool) -> Bool {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return isTerminal
  }

  /// The width of standard output in columns, or nil when it is not a terminal.
  public static func columns() -> Int? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// Selects the user's locale, falling back to C.UTF-8.
  ///
  /// libedit decodes keystrokes with `mbrtowc`; in the "C" locale (Swift never calls
  /// `setlocale`, and CI has no `LANG`) non-ASCII input such as `Zoë` is silently dropped.
  public static func ensureUTF8Locale() {
    setlocale(LC_ALL, "")
    if let current = setlocale(LC_CTYPE, nil) {
      let name = String(cString: current)
      if name == "C" || name == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
    }
  }
}
