import Foundation

/// A one-line progress bar on standard error, drawn only at a terminal, so scripts and
/// logs get the summary alone.
final class ProgressBar {
  private let enabled: Bool
  private var lastDrawn = -1

  init(enabled: Bool = isatty(2) == 1) { self.enabled = enabled }

  /// Redraws when the whole percentage changes.
  func update(label: String, done: Int, total: Int) {
    guard enabled, total > 0 else { return }
    let percent = min(100, done * 100 / total)
    guard percent != lastDrawn else { return }
    lastDrawn = percent
    let width = 30
    let filled = percent * width / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    write(
      "\r\(label.padding(toLength: 8, withPad: " ", startingAt: 0)) ▕\(bar)▏ \(percent)%  \(ImportSummary.grouped(done)) rows\u{1B}[K"
    )
  }

  /// Starts a new phase from 0 %.
  func reset() { lastDrawn = -1 }

  /// Clears the line, leaving the terminal as it was.
  func finish() {
    guard enabled, lastDrawn >= 0 else { return }
    write("\r\u{1B}[K")
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
