/// Which tasks a list asks for, by its words: the open ones unless the line says done
/// ("completed tasks", "what has Sam marked done"), and done ones beside the open ones when
/// it says so too ("including done ones", "open and closed"). A line that says what is not
/// done yet ("what has Sam not done yet", "what do I need to get done") asks for open ones.
enum TaskScope: Equatable {
  case open, done, all

  init(of input: String) {
    let words = input.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init)
    guard words.contains(where: Self.doneWords.contains) else {
      self = .open
      return
    }
    let negated = words.contains { Self.openWords.contains($0) || $0.hasSuffix("n't") || $0.hasSuffix("n’t") }
    if negated {
      self = .open
    } else if words.contains(where: Self.bothWords.contains) {
      self = .all
    } else {
      self = .done
    }
  }

  /// Words that name a finished task.
  private static let doneWords: Set<String> = ["done", "completed", "complete", "finished", "closed", "ticked"]
  /// Words that, beside a done word, ask for what is still to do.
  private static let openWords: Set<String> = ["not", "yet", "still", "need", "needs", "left", "remaining", "get"]
  /// Words that, beside a done word, ask for every task.
  private static let bothWords: Set<String> = [
    "including", "incl", "include", "includes", "even", "plus", "also", "open", "both",
  ]
}

extension TaskScope {
  /// The scope's word in a reply ("your done tasks"); none for all of them.
  var state: String {
    switch self {
    case .open: "open"
    case .done: "done"
    case .all: ""
    }
  }

  /// The scope's word opening a reply's heading ("Done tasks for Sam Carter").
  var heading: String {
    switch self {
    case .open: "Open"
    case .done: "Done"
    case .all: "All"
    }
  }
}
