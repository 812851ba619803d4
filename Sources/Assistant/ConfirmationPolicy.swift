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
