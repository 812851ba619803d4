import BatonModel

/// What a change is said under or after, besides the change: a condition ("move deal 42 to
/// Negotiation if they sign"), which stops it, since baton makes a change when asked, not
/// when something happens; a courtesy said like one ("when you get a chance"), which does
/// not; and a preamble telling what happened ("just got off the phone, bump deal 31 to
/// Proposal"), whose words are none of the change's.
extension IntentMatcher {
  /// The condition `tokens` say, as typed, from its word to the end of its clause, outside
  /// the change's free text (`textWords`, `marked`: "task for Priya: check if the budget
  /// holds"); and the courtesies, whose words are framing. A "when" opening the line asks a
  /// question, read elsewhere; "after", "before", "until" before a date are a due date.
  static func conditionReading(
    _ tokens: [Token], textWords: Set<String>, marked: Range<Int>?, clause: Range<Int>?,
    entities: [RecognizedEntity]
  ) -> (condition: String?, courtesies: [Range<Int>]) {
    var courtesies: [Range<Int>] = []
    var index = 0
    while index < tokens.count {
      defer { index += 1 }
      guard !(marked?.contains(index) ?? false) else { continue }
      let word = tokens[index].text
      let before = index > 0 ? tokens[index - 1].text : nil
      var start = index
      if word == "soon" && before == "as" || word == "case" && before == "in"
        || word == "long" && (before == "as" || before == "so")
      {
        start = index - 1
      } else if timeWords.contains(word) {
        guard !datedAfter(index, tokens: tokens, entities: entities) else { continue }
      } else {
        guard conditionOpeners.contains(word), !(index == 0 && word == "when") else { continue }
      }
      guard !textWords.contains(word) else { continue }
      // The condition runs to the end of the line, or to the end of its clause when the
      // change comes after it ("if they sign, move deal 42 …").
      let end = clause.map { $0.contains(start) ? $0.upperBound : tokens.count } ?? tokens.count
      var words = tokens[(index + 1)..<max(index + 1, end)].map(\.text)
      if word == "soon", words.first == "as" { words.removeFirst() }
      if !words.isEmpty, words.count <= 5, words.allSatisfy(courtesy.contains) {
        courtesies.append(start..<end)
        index = end - 1
        continue
      }
      return (tokens[start..<end].map(\.surface).joined(separator: " "), courtesies)
    }
    return (nil, courtesies)
  }

  /// Whether a date or a period follows the word at `index` (past an article): "until
  /// Friday", "before the 15th".
  private static func datedAfter(_ index: Int, tokens: [Token], entities: [RecognizedEntity]) -> Bool {
    var next = index + 1
    if next < tokens.count, ["the", "a", "next", "this"].contains(tokens[next].text) { next += 1 }
    return entities.contains { entity in
      entity.range.contains(next) && entity.values.contains { $0.kind == .date || $0.kind == .period }
    }
  }

  /// A clause before a change that frames it: it tells what happened (it opens with a word
  /// of telling, "just", "had", "finally"), names nothing, says no condition or "not", holds
  /// no word the change's intent refuses ("just delete everything, …"), and the change after
  /// it is no question ("just curious, should we move …?").
  func framingPreamble(
    _ line: String, clause: Range<Int>?, tokens: [Token], entities: [RecognizedEntity], intent: Int
  ) -> Range<Int>? {
    guard let clause, clause.upperBound < tokens.count,
      Self.narrativeOpeners.contains(tokens[clause.lowerBound].text),
      !entities.contains(where: { $0.range.overlaps(clause) }),
      !clause.contains(where: { Self.qualifyingWords.contains(tokens[$0].text) }),
      !Self.questionOpeners.contains(tokens[clause.upperBound].text),
      !line.trimmingTrailingSpaces.hasSuffix("?"),
      ranker.contraryWords(clause.map { tokens[$0].text }, intent: intent).isEmpty
    else { return nil }
    return clause
  }

  /// A change said after a preamble, whose words dilute the change's score: the words after
  /// the preamble read alone, kept when they are a change understood whole and said under no
  /// condition.
  func changeAfterPreamble(_ line: String, read: Match, today: Day, focus: [EntityKind]) -> Match? {
    guard read.condition == nil, let rest = DelimitedText.afterLeadingClause(in: line) else { return nil }
    let clause = DelimitedText.leadingClause(in: line, normalizer: normalizer, tokenCount: read.tokens.count)
    guard clause != nil else { return nil }
    var change = match(rest, today: today, focus: focus)
    guard let intent = change.intent, intent.sideEffects, change.unknownWords.isEmpty, change.condition == nil,
      let index = catalog.intents.firstIndex(where: { $0.name == intent.name }),
      framingPreamble(line, clause: clause, tokens: read.tokens, entities: read.entities, intent: index) != nil
    else { return nil }
    change.input = line
    return change
  }

  /// A question said with a clause of context before or after it ("new to the team - what
  /// does RevOps own", "what's needed to exit Negotiation, heading into a call with the
  /// buyer"), the whole not understood: the side of the first clause mark that is a question
  /// understood whole, when the other side names nothing (no name, number or date: one would
  /// be part of the question), holds no word baton does not know typed as a name (a subject
  /// it cannot name: "someone must run CPQ, …") and asks nothing to be done. The
  /// question is said as one: it opens with a question word ("budget confirmed at
  /// Hooli, …" is news, not a question about Hooli; "sales ops or marketing ops?" is half of
  /// one) and points at nothing ("… who should run it day to day" asks about the clause
  /// before).
  /// Questions only: a change runs only when every word of it is understood. The other side
  /// is kept as `setAside`, for the reply to say.
  func questionBesideContext(_ line: String, read: Match, today: Day, focus: [EntityKind]) -> Match? {
    guard read.condition == nil, read.delivery == nil,
      let head = DelimitedText.beforeLeadingClause(in: line), let tail = DelimitedText.afterLeadingClause(in: line),
      let clause = DelimitedText.leadingClause(in: line, normalizer: normalizer, tokenCount: read.tokens.count)
    else { return nil }
    for (question, context, contextTokens) in [
      (head, tail, clause.upperBound..<read.tokens.count), (tail, head, 0..<clause.upperBound),
    ] {
      // The context names nothing, so no word of it is covered by a name.
      guard !read.entities.contains(where: { $0.range.overlaps(contextTokens) }),
        !contextTokens.contains(where: {
          Self.qualifyingWords.contains(read.tokens[$0].text) || Self.scopeWords.contains(read.tokens[$0].text)
            || Self.isUnknown($0, read.tokens, covered: [], corrector: corrector) && Self.isTypedAsName($0, read.tokens)
        })
      else { continue }
      var reading = match(question, today: today, focus: focus)
      // The question says all it needs itself (nothing filled from the focus, no word baton
      // does not know) and was not split again.
      let covered = Set(reading.entities.flatMap { Array($0.range) })
      let unknown = reading.tokens.indices.contains {
        Self.isUnknown($0, reading.tokens, covered: covered, corrector: corrector)
      }
      guard let intent = reading.intent, !intent.sideEffects, reading.unknownWords.isEmpty,
        reading.unknownNames.isEmpty, reading.condition == nil, !reading.readsFocus, reading.setAside == nil,
        !unknown, intent.slots.allSatisfy({ !$0.required || reading.slots[$0.name] != nil }),
        reading.tokens.first.map({ Self.questionOpeners.union(Self.askingOpeners).contains($0.text) }) == true
      else { continue }
      reading.input = line
      reading.setAside = context.split(separator: " ").joined(separator: " ")
      return reading
    }
    return nil
  }

  /// Words that open a condition on a change.
  static let conditionOpeners: Set<String> = [
    "if", "unless", "once", "provided", "providing", "assuming", "whenever", "when", "barring",
  ]

  /// Words of time that open a condition unless a date follows ("after they sign" against
  /// "until Friday").
  private static let timeWords: Set<String> = ["after", "before", "until", "till"]

  /// The words of a courtesy said as a condition ("when you can", "if you get a chance", "as
  /// soon as possible").
  private static let courtesy: Set<String> = [
    "you", "can", "get", "got", "a", "the", "chance", "possible", "mind", "dont", "do", "not", "have", "time",
    "please", "pls", "minute", "sec", "second", "moment", "free", "are", "re", "ok", "okay", "thanks",
  ]

  /// Words that open an account of what happened rather than a request.
  private static let narrativeOpeners: Set<String> = [
    "just", "had", "finally", "spoke", "talked", "met", "heard", "great", "good",
  ]

  /// Words that make a clause a condition on a change or a qualifier of it, never a preamble
  /// (the tokenizer drops apostrophes: "dont").
  private static let qualifyingWords: Set<String> = conditionOpeners.union(timeWords).union([
    "only", "but", "except", "not", "no", "never", "without", "instead", "wait", "then", "as", "soon", "case",
    "pending",
    "should", "subject", "contingent", "hypothetically", "maybe", "dont", "doesnt", "didnt", "cant", "cannot",
    "wont", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt", "shouldnt", "wouldnt", "couldnt",
    "delete", "remove", "also", "and",
  ])

  /// Words that narrow or compare what a question covers ("…, excluding renewals", "…, ytd"):
  /// a clause with one may be part of the question, never context to set aside.
  private static let scopeWords: Set<String> = [
    "excluding", "excl", "exclude", "vs", "versus", "or", "just", "other", "apart", "besides", "per", "ytd",
    "qtd", "mtd", "year", "quarter", "month", "week", "day", "today", "yesterday", "tomorrow", "last", "next",
    "this", "since", "over", "under", "above", "below", "more", "less", "than", "all", "every", "each", "any",
    "mine", "my", "our", "their", "his", "her", "team",
  ]

  /// Words that open a request for an answer ("show me …", "tell me …").
  private static let askingOpeners: Set<String> = ["show", "list", "tell", "explain", "define", "give"]

  /// Words that open a question after a preamble ("just curious, should we …").
  private static let questionOpeners: Set<String> = [
    "should", "shall", "would", "do", "does", "did", "is", "are", "was", "were", "will", "who", "what", "when",
    "why", "how", "which", "where", "whose", "may", "might",
  ]
}

extension String {
  /// The string without the spaces at its end.
  fileprivate var trimmingTrailingSpaces: Substring {
    self[..<(lastIndex(where: { !$0.isWhitespace }).map(index(after:)) ?? startIndex)]
  }
}
