/// What `baton` itself (the conversation, not a subcommand) is asked to do: its flags as
/// plain values, so a run does not depend on how they were read (ArgumentParser, or the
/// quick reading of the usual command lines in `RunOptions(quickly:)`).
public struct RunOptions: Equatable, Sendable {
  public var commands: [String] = []
  public var file: String?
  public var json = false
  public var echo = false
  public var strict = false
  public var explain = false
  public var yes = false
  public var workspace: String?
  public var actor: String?
  public var intents: String?

  public init() {}
}
