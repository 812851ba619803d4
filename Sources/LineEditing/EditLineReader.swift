import CEditLine
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines at a terminal through libedit's native API: emacs keys, UTF-8, history with
/// up-arrow and Ctrl-R (a search with readline's keys, `HistorySearch`), Tab completion,
/// Ctrl-C clearing the line.
///
/// It owns the `EditLine` and `History` handles and frees them in `deinit`. It is not
/// `Sendable` on purpose: libedit's state belongs to the thread that reads the terminal.
public final class EditLineReader: LineReader {
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let context: EditorContext
  private let historyStore: HistoryStore?

  /// Sets up libedit on stdin/stdout. Returns nil when libedit cannot start.
  ///
  /// - Parameters:
  ///   - historyStore: where entered lines are kept across sessions; nil keeps none.
  ///   - completer: given the text before the cursor, the words Tab may complete to.
  public init?(historyStore: HistoryStore?, completer: @escaping (String) -> [String]) {
    Terminal.ensureUTF8Locale()
    guard let editLine = el_init("baton", cel_stdin(), cel_stdout(), cel_stderr()) else {
      return nil
    }
    guard let history = history_init() else {
      el_end(editLine)
      return nil
    }
    self.editLine = editLine
    self.history = history
    self.historyStore = historyStore
    self.context = EditorContext(completer: completer)

    _ = cel_set_editor(editLine, "emacs")
    _ = cel_set_signal(editLine, 1)
    _ = cel_hist_setsize(history, Int32(historyStore?.capacity ?? 1000))
    _ = cel_hist_setunique(history, 1)
    _ = cel_set_hist(editLine, history)
    _ = cel_set_clientdata(editLine, Unmanaged.passUnretained(context).toOpaque())
    _ = cel_set_prompt_esc(
      editLine,
      { editLine in
        guard let editLine else { return nil }
        return EditorContext.instance(for: editLine)?.promptPointer
      }, 1)
    _ = cel_add_fn(editLine, "baton-complete", "complete a command or workspace name") {
      editLine, _ in
      guard let editLine, let context = EditorContext.instance(for: editLine) else {
        return UInt8(CC_ERROR)
      }
      return context.complete(editLine)
    }
    _ = cel_bind(editLine, "^I", "baton-complete")
    _ = cel_add_fn(editLine, "baton-search-history", "search the history backwards, as readline does") {
      editLine, _ in
      guard let editLine, let context = EditorContext.instance(for: editLine) else {
        return UInt8(CC_ERROR)
      }
      return context.searchHistory(editLine)
    }
    _ = cel_bind(editLine, "^R", "baton-search-history")
    for entry in historyStore?.load() ?? [] {
      _ = cel_hist_enter(history, entry)
      context.entries.append(entry)
    }
    // Read ~/.editrc last, so users can rebind keys (for example `bind -v` for vi mode).
    _ = el_source(editLine, nil)
    Interrupts.install()
    KeyReader.install(on: editLine)
  }

  deinit {
    el_end(editLine)
    history_end(history)
  }

  /// Whether the line being read goes into the history (see `remembersNextLine`).
  private var remembers = true

  public func remembersNextLine(_ remembers: Bool) { self.remembers = remembers }

  public func readLine(prompt: String) -> LineEvent {
    context.setPrompt(prompt)
    var count: Int32 = 0
    guard let bytes = el_gets(editLine, &count) else {
      if count == -1 && cel_errno() == EINTR {
        // libedit drops the partial line on the next read; say so on screen, as LLDB does.
        print("^C")
        return .interrupted
      }
      // libedit writes "^D" itself; end the line so the shell prompt starts clean.
      print("")
      return .eof
    }
    var line = String(cString: bytes)
    while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
    if remembers, !line.trimmingCharacters(in: .whitespaces).isEmpty {
      if !line.hasPrefix(" ") {
        _ = cel_hist_enter(history, line)
        context.entries.removeAll { $0 == line }
        context.entries.append(line)
      }
      historyStore?.append(line)
    }
    return .line(line)
  }
}
