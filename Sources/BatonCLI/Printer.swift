import Assistant
import BatonModel
import Dispatch
import Rendering

/// Writes what the loop prints, in order. A script's replies are rendered and written on
/// another core, in batches, while the session answers the next lines; everything is out
/// whenever the loop flushes (before it waits for a line, and at the end).
final class Printer {
  /// One thing to print: text as it is, or a turn rendered where it is written.
  enum Item: Sendable {
    case text(String)
    case diagnostic(String)
    case reply(Reply)
    case json(Turn)
  }

  /// How many items go to the queue at a time: waking its thread per reply costs more than
  /// rendering the reply.
  static let batchSize = 16

  private let output: any Output
  private let renderer: TextRenderer
  /// Nil renders and writes at once, on the caller's thread (a person at the prompt).
  private let queue: DispatchQueue?
  private var batch: [Item] = []
  /// Whether the queue may still be writing, so the next flush must wait for it.
  private var sent = false

  /// Where the width is read again before each reply at a terminal, so a resized window
  /// (SIGWINCH) gets replies that fit it; nil keeps the renderer's.
  private let currentWidth: (() -> Int?)?

  init(
    output: any Output, renderer: TextRenderer, concurrent: Bool, currentWidth: (() -> Int?)? = nil
  ) {
    self.output = output
    self.renderer = renderer
    self.currentWidth = currentWidth
    queue = concurrent ? DispatchQueue(label: "baton.printer") : nil
  }

  func print(_ item: Item) {
    guard queue != nil else {
      var renderer = renderer
      if let currentWidth { renderer.width = currentWidth() ?? renderer.width }
      return Self.write(item, to: output, renderer: renderer)
    }
    batch.append(item)
    if batch.count >= Self.batchSize { send() }
  }

  /// Everything printed so far is written and the output flushed when this returns.
  func flush() {
    if let queue, sent {
      send()
      queue.sync {}
      sent = false
    } else {
      // Nothing is on the queue: a short run (`-c`) writes here and starts no thread.
      for item in batch { Self.write(item, to: output, renderer: renderer) }
      batch.removeAll()
    }
    output.flush()
  }

  private func send() {
    guard let queue, !batch.isEmpty else { return }
    let items = batch
    batch.removeAll(keepingCapacity: true)
    sent = true
    queue.async { [output, renderer] in
      for item in items { Self.write(item, to: output, renderer: renderer) }
    }
  }

  private static func write(_ item: Item, to output: any Output, renderer: TextRenderer) {
    switch item {
    case .text(let text): output.write(text)
    case .diagnostic(let text): output.diagnose(text)
    case .reply(let reply): output.write(renderer.render(reply))
    case .json(let turn): output.write(JSONRenderer().render(turn))
    }
  }
}
