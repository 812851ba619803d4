// Swift Testing is importable only where tests build; a plain `swift build` of the package
// compiles this support library too, without it.
#if canImport(Testing)
  import Testing

  extension Tag {
    /// In-process and quick: no built binary, no pseudo-terminal, no child process.
    @Tag public static var fast: Self
    /// Starts the built `baton` binary (pipes, files, a pseudo-terminal, other processes).
    @Tag public static var process: Self
  }
#endif
