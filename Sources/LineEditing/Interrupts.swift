import CEditLine
import Synchronization

/// Counts SIGINTs. A signal handler may only touch lock-free state, hence an atomic.
private let interruptCount = Atomic<Int>(0)

/// Ctrl-C handling: a SIGINT handler that only counts, installed without `SA_RESTART`.
public enum Interrupts {
  /// Installs the handler. Without `SA_RESTART` a Ctrl-C interrupts libedit's read, which
  /// returns with `EINTR` so the REPL can clear the line instead of exiting.
  public static func install() {
    _ = cel_install_sigint { _ in
      interruptCount.add(1, ordering: .relaxed)
    }
  }

  /// How many Ctrl-Cs have arrived since start.
  public static var count: Int { interruptCount.load(ordering: .relaxed) }
}
