import BatonModel

/// How the matcher read one line: its words, what they name, the ranked intents, and the
/// slots of the winner. Everything `why` and `--explain` show comes from here.
public struct Match: Sendable {
  /// One ranked intent.
  public struct Candidate: Hashable, Sendable {
    public var intent: String
    public var score: Double
    /// The example it came nearest to.
    public var example: String
  }

  public var input: String
  public var tokens: [Token]
  /// Typos corrected on the way: (as typed, read as).
  public var corrections: [(typed: String, readAs: String)]
  public var entities: [RecognizedEntity]
  /// The best few intents, best first.
  public var candidates: [Candidate]
  /// The intent understood, or nil when the line is below the confidence threshold.
  public var intent: IntentDefinition?
  /// Slot values taken from the line.
  public var slots: [String: EntityValue]
  /// The words that weighed most for the winner, worked out when asked: only `why` and
  /// `--explain` show them, so no other turn pays for them.
  public var decidingWords: [String] { findDecidingWords() }
  var findDecidingWords: @Sendable () -> [String] = { [] }
  /// The threshold the winner had to pass.
  public var threshold: Double
  /// Names the line gives in the winner's slots that the workspace does not have.
  public var unknownNames: [UnknownName] = []
  /// Words that refused the best intent although its score was enough: words of meaning
  /// that no example of it has and that the ranker learnt from lines it refuses ("delete").
  public var contraryWords: [String] = []
  /// Words baton does not know that left a change not understood (as typed).
  public var unknownWords: [String] = []
  /// The condition a change is said under ("if they sign", "once legal approves"), as typed:
  /// baton does not wait for one, so the change is not made.
  public var condition: String?
  /// A clause of context the line says beside a question, as typed, naming nothing baton
  /// knows ("…, call with the buyer in 10"): the question was read without it, and the reply
  /// says it was not used.
  public var setAside: String?
  /// The word, as typed, that asks for a question's answer to be taken somewhere else ("post",
  /// "email"): baton sends nothing, so the line is not understood as the question alone.
  public var delivery: String?
  /// Whether the line has a word that points at the conversation ("it", "that"): only then
  /// does what is in focus change how it is read.
  public var readsFocus = false
  /// Whether any word of the line is one baton knows (an example's, a name's, a date's), so
  /// that suggestions for a line of none ("blorp") are not the same three for any nonsense.
  public var hasKnownWords = true
  /// The words the line marks as free text (quoted, or after a colon or a dash), whose
  /// names belong to the text (`DelimitedText`).
  public var delimited: Range<Int>?
  /// What the line says before its last sentence break, if it has one (`DelimitedText`).
  var leadingSentence: Range<Int>?

  /// A name the line gives where the nearest example names a record ("deals at Zenith"),
  /// in words baton does not know: not a record the workspace has.
  public struct UnknownName: Hashable, Sendable {
    /// The first slot it was read for.
    public var slot: String
    /// The kinds of record it might have named, in the intent's slot order.
    public var kinds: [EntityKind]
    /// The words as typed.
    public var text: String
  }

  /// The top candidate's score, 0 when there is none.
  public var confidence: Double { candidates.first?.score ?? 0 }
}
