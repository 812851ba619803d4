/// What one turn answers: typed data that a renderer turns into text or JSON. Actions return
/// replies and never print.
public struct Reply: Sendable, Equatable {
  /// The kind of reply, as `--json` names it.
  public enum Kind: String, Codable, Sendable {
    case answer, table, done, refused, question
    case notUnderstood = "not_understood"
    case error

    /// Whether a line with this reply counts as succeeded for the exit status.
    public var isSuccess: Bool {
      switch self {
      case .answer, .table, .done, .question: return true
      case .refused, .notUnderstood, .error: return false
      }
    }
  }

  public var kind: Kind
  /// The human text, in order: paragraphs and tables.
  public var blocks: [Block]
  /// The structured reply for programs.
  public var data: JSONValue
  /// Slots the answer worked out from the line's other names (the handoff rule two teams
  /// pick out), which the turn reports beside the line's own.
  public var found: [String: EntityValue] = [:]

  public init(kind: Kind, blocks: [Block], data: JSONValue = .null) {
    self.kind = kind
    self.blocks = blocks
    self.data = data
  }

  /// A reply of one paragraph.
  public init(kind: Kind, text: String, data: JSONValue = .null) {
    self.init(kind: kind, blocks: [.text(text)], data: data)
  }

  public var ok: Bool { kind.isSuccess }

  /// The first line of the first paragraph: a refusal's reason, a diagnostic's message.
  public var firstLine: String {
    for block in blocks {
      if case .text(let text) = block { return text.split(separator: "\n").first.map(String.init) ?? "" }
    }
    return ""
  }
}

/// One piece of a reply's human text.
public enum Block: Sendable, Equatable {
  case text(String)
  case table(Table)
  /// A horizontal bar chart, drawn only for people: programs get the numbers in `data`.
  case chart(BarChart)
}

/// Values to compare at a glance: one bar per label.
public struct BarChart: Sendable, Equatable {
  public struct Bar: Sendable, Equatable {
    public var label: String
    public var value: Double
    /// The value as people read it: "$1,204,000".
    public var display: String

    public init(label: String, value: Double, display: String) {
      self.label = label
      self.value = value
      self.display = display
    }
  }

  public var bars: [Bar]

  public init(bars: [Bar]) { self.bars = bars }
}

/// A table: a header row and rows of cells, with the alignment of each column.
public struct Table: Sendable, Equatable {
  public enum Alignment: Sendable, Equatable { case left, right }

  public var header: [String]
  public var rows: [[String]]
  public var alignments: [Alignment]

  public init(header: [String], rows: [[String]], alignments: [Alignment]? = nil) {
    self.header = header
    self.rows = rows
    self.alignments = alignments ?? header.map { _ in .left }
  }
}
