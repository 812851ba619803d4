import BatonModel

/// How a session treats a side effect's "Proceed? [y/N]".
public enum ConfirmationPolicy: Sendable {
  /// Ask, and take the next line as the answer (a terminal).
  case ask
  /// Confirm every side effect (`--yes`).
  case assumeYes
  /// Refuse every side effect, saying how to confirm (a script without `--yes`).
  case refuse
}

/// A side effect waiting for "yes" or "no".
struct PendingConfirmation {
  var action: String
  var intent: String
  var slots: [String: SlotValue]
  /// The line that asked for it: the words the audit log records.
  var input: String
}
