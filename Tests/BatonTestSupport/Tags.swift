import Testing

extension Tag {
  /// In-process and quick: no built binary, no pseudo-terminal, no child process.
  @Tag public static var fast: Self
  /// Starts the built `baton` binary (pipes, files, a pseudo-terminal, other processes).
  @Tag public static var process: Self
}
