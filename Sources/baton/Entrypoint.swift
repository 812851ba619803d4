import ArgumentParser
import BatonCLI

/// baton's executable: everything lives in BatonCLI, so tests can reach it.
@main
struct Entrypoint {
  static func main() {
    BatonCommand.main()
  }
}
