import ArgumentParser
import BatonCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// baton's executable: everything lives in BatonCLI, so tests can reach it.
@main
struct Entrypoint {
  static func main() {
    // Every file baton makes is its user's alone: a workspace holds a CRM's deals, amounts
    // and people, and its -wal, -shm and the engine cache hold the same.
    umask(0o077)
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
