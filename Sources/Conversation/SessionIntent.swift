/// The intents the conversation answers about itself rather than the workspace. The intent
/// files declare them (their examples are data like any other), and each one's action has
/// the intent's name.
public enum SessionIntent: String, Sendable, CaseIterable {
  case help = "session.help"
  case context = "session.context"
  case why = "session.why"
  case reset = "session.reset"
  case quit = "session.quit"
  case undo = "session.undo"
  case yes = "confirm.yes"
  case no = "confirm.no"

  /// Whether the conversation's own intent named `name` leaves what it is about unchanged:
  /// help, undo, a confirmation and the like never put anything in focus.
  public static func keepsFocus(_ name: String) -> Bool {
    // Most lines are the workspace's intents: the prefixes rule them out before any lookup.
    (name.hasPrefix("session.") || name.hasPrefix("confirm.")) && SessionIntent(rawValue: name) != nil
  }
}
