extension RunOptions {
  /// The usual command lines (`-c TEXT`, `-f FILE`, the flags, `--workspace`, `--as`,
  /// `--intents`), read without ArgumentParser; nil for anything else (help, subcommands,
  /// repeated or unknown options, a value that looks like an option), which ArgumentParser
  /// then reads and reports.
  ///
  /// Why: ArgumentParser builds its model of the command by reflection at every parse, three
  /// times over, and that was a third of a `baton -c` start. ArgumentParser stays the parser
  /// of record: a test holds every line read here to what it reads from the same line.
  public init?(quickly arguments: some Collection<String>) {
    self.init()
    var seen = Set<String>()
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      var name = argument
      var inline: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      // Options other than -c are given once; flags never take a value.
      guard name == "-c" || seen.insert(name).inserted else { return nil }
      let takesValue = ["-c", "-f", "--workspace", "--as", "--intents"].contains(name)
      let value: String?
      if takesValue {
        if let inline {
          // ArgumentParser refuses `--as=` with nothing after it.
          guard !inline.isEmpty else { return nil }
          value = inline
        } else {
          value = rest.popFirst()
        }
        // A missing value, or one ArgumentParser could read as an option.
        guard let value, !value.hasPrefix("-") else { return nil }
      } else {
        guard inline == nil else { return nil }
        value = nil
      }
      switch (name, value) {
      case ("-c", let value?): commands.append(value)
      case ("-f", let value?): file = value
      case ("--workspace", let value?): workspace = value
      case ("--as", let value?): actor = value
      case ("--intents", let value?): intents = value
      case ("--json", nil): json = true
      case ("--echo", nil): echo = true
      case ("--strict", nil): strict = true
      case ("--explain", nil): explain = true
      case ("--yes", nil): yes = true
      default: return nil
      }
    }
  }
}
