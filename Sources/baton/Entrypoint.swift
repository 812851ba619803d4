import ArgumentParser
import BatonCLI

/// baton's executable: everything lives in BatonCLI, so tests can reach it.
@main
struct Entrypoint {
  static func main() {
    // The usual command lines skip ArgumentParser's reflection, a third of a start (see
    // `RunOptions(quickly:)`); everything else, help and errors included, goes through it.
    guard let options = RunOptions(quickly: CommandLine.arguments.dropFirst()) else {
      BatonCommand.main()
      return
    }
    do {
      try BatonCommand.run(options)
    } catch {
      BatonCommand.exit(withError: error)
    }
  }
}
