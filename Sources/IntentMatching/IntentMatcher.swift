import BatonModel

/// Turns a line into an intent and its slots, or "not understood".
///
/// Built once per session from the intent catalogue and the workspace's names; matching is
/// then read-only, so one matcher serves every turn.
public struct IntentMatcher: Sendable {
  public let catalog: IntentCatalog
  /// The workspace's names it recognizes (besides the catalogue's own vocabulary).
  public private(set) var names: [NamedEntity]
  /// How many times the names were replaced (`recognizing(_:)`): a reading made with an
  /// earlier version may miss a name added since.
  public private(set) var namesVersion = 0
  /// Below this confidence the line is not understood.
  public var threshold: Double
  /// Intents that change the workspace must clear this stricter bar.
  public var sideEffectThreshold: Double
  /// The bar for a line that leaves a required slot empty and has unknown words.
  public var unknownWordThreshold = 0.65

  let normalizer = Normalizer()
  private(set) var recognizer: EntityRecognizer
  private(set) var corrector: TypoCorrector
  let ranker: Ranker
  /// Words that point at the context ("it", "that"). With something in focus the ranker
  /// reads one as the focus's kinds ("how is it defined" with a stage in focus reads as
  /// "how is {stage} defined"); with nothing in focus, one no example has is neither for
  /// nor against an intent and the ranker does not see it.
  let pointers: Set<String>
  let unexampledPointers: Set<String>
  /// Reads slots; knows the literal words around each example's free-text slots.
  let filler: SlotFiller
  /// The kinds each intent's markers stand for, to delexicalize examples.
  let exampleRefs: [(intent: Int, example: Int)]
  /// Each intent's free-text slots, by the intent's place in the catalogue: most of a line's
  /// leading candidates have none, and are passed over without reading their definition.
  let textSlots: [[SlotDefinition]]

  public init(
    catalog: IntentCatalog, names: [NamedEntity], threshold: Double = 0.5,
    sideEffectThreshold: Double = 0.6, outOfScope: [String] = []
  ) {
    self.catalog = catalog
    self.names = names
    self.threshold = threshold
    self.sideEffectThreshold = sideEffectThreshold
    filler = SlotFiller()
    let gazetteer = Gazetteer(names + catalog.vocabulary, normalizer: normalizer)
    recognizer = EntityRecognizer(gazetteer: gazetteer)
    var examples: [(words: [String], intent: Int)] = []
    var refs: [(Int, Int)] = []
    var exampleWords = Set<String>()
    for (intentIndex, intent) in catalog.intents.enumerated() {
      for (exampleIndex, example) in intent.examples.enumerated() {
        let marked = Self.delexicalize(example, intent: intent, normalizer: normalizer)
        exampleWords.formUnion(marked.filter { !$0.hasPrefix("{") })
        // Names written out in an example ("stage exit criteria for {stage}") are read the
        // way a line's are, so example and line meet on the same placeholders.
        let named = recognizer.recognize(marked, corrected: [], today: Day(ordinal: 0))
          .filter { entity in !entity.kinds.contains(.number) && !entity.kinds.contains(.date) }
        let words = Self.delexicalize(marked, entities: named)
        examples.append((words, intentIndex))
        refs.append((intentIndex, exampleIndex))
      }
    }
    exampleRefs = refs
    textSlots = Self.textSlots(of: catalog)
    pointers = Set(catalog.references.filter { !$0.contains(" ") })
    unexampledPointers = pointers.subtracting(exampleWords)
    let known = gazetteer.words.union(exampleWords).union(TemporalParser.vocabulary)
      .union(catalog.references.flatMap { Normalizer().tokens($0).map(\.text) })
    corrector = TypoCorrector(words: known)
    // Lines that are none of the catalogue's business, and the intents' descriptions, read
    // the way a typed line is.
    let recognizer = recognizer
    let normalizer = normalizer
    let read = { (line: String) -> [String] in
      let words = normalizer.tokens(line).map(\.text)
      return Self.delexicalize(words, entities: recognizer.recognize(words, corrected: [], today: Day(ordinal: 0)))
    }
    let refused = (catalog.outOfScope + outOfScope).map(read)
    let descriptions = catalog.intents.enumerated().compactMap { intent, definition in
      let words = read(definition.description)
      return words.isEmpty ? nil : (words: words, intent: intent)
    }
    ranker = Ranker(
      examples: examples, intentCount: catalog.intents.count, outOfScope: refused, descriptions: descriptions)
  }

  /// The same engine recognizing `names` instead, without training again: a workspace
  /// whose names change during a session (a stage approved, an account renamed) is read
  /// with them from the next line. The ranker keeps what it learned; a new name's words are
  /// known to the typo corrector, so "Verbal Commit" is never corrected into other words.
  public func recognizing(_ names: [NamedEntity]) -> IntentMatcher {
    var copy = self
    let gazetteer = Gazetteer(names + catalog.vocabulary, normalizer: normalizer)
    copy.names = names
    copy.recognizer = EntityRecognizer(gazetteer: gazetteer)
    copy.corrector = TypoCorrector(words: corrector.knownWords.union(gazetteer.words))
    copy.namesVersion += 1
    return copy
  }

  /// An engine from its parts, as a snapshot holds them.
  init(
    catalog: IntentCatalog, names: [NamedEntity], threshold: Double, sideEffectThreshold: Double,
    recognizer: EntityRecognizer, corrector: TypoCorrector, ranker: Ranker, pointers: Set<String>,
    unexampledPointers: Set<String>, exampleRefs: [(intent: Int, example: Int)]
  ) {
    self.catalog = catalog
    self.names = names
    self.threshold = threshold
    self.sideEffectThreshold = sideEffectThreshold
    self.recognizer = recognizer
    self.corrector = corrector
    self.ranker = ranker
    self.pointers = pointers
    self.unexampledPointers = unexampledPointers
    self.exampleRefs = exampleRefs
    textSlots = Self.textSlots(of: catalog)
    filler = SlotFiller()
  }

  /// Reads `line`, with dates relative to `today` and `focus` the kinds of what the
  /// conversation has in focus. A pure function of its arguments: a line without a pointer
  /// word (`Match.readsFocus`) reads the same whatever the focus.
  public func match(_ line: String, today: Day, focus: [EntityKind] = []) -> Match {
    let read = match(line, today: today, focus: focus, englishTypos: false)
    // A change after a preamble that diluted it ("just got off the phone, bump deal 31 …").
    if read.intent == nil, let change = changeAfterPreamble(line, read: read, today: today, focus: focus) {
      return change
    }
    // A question beside a clause of context that diluted it ("…, heading into a call with the buyer").
    if read.intent == nil, let question = questionBesideContext(line, read: read, today: today, focus: focus) {
      return question
    }
    // A word of English one letter from a word baton knows ("rout lead 5") is read as that
    // word only when the line as typed is not understood and the line so read is.
    // Not for a line refused for its words ("reassign Soylent once the lease ends" is not
    // "… leave end"): only for one whose words scored too low.
    guard read.intent == nil, read.unknownWords.isEmpty, read.contraryWords.isEmpty,
      read.tokens.contains(where: { corrector.correct($0.text, englishToo: true) != nil })
    else { return read }
    let reread = match(line, today: today, focus: focus, englishTypos: true)
    return reread.intent == nil ? read : reread
  }

  private func match(_ line: String, today: Day, focus: [EntityKind], englishTypos: Bool) -> Match {
    // The corrector alone, so that the closures below hold it rather than a copy of the
    // whole matcher, which costs a retain and a release of each of its parts.
    let corrector = corrector
    var tokens = normalizer.tokens(line)
    var corrections: [(typed: String, readAs: String)] = []
    var corrected = Set<Int>()
    for index in tokens.indices {
      if let fix = corrector.correct(tokens[index].text, englishToo: englishTypos) {
        corrections.append((tokens[index].text, fix))
        tokens[index].text = fix
        corrected.insert(index)
      }
    }
    let words = tokens.map(\.text)
    let entities = DescribedRecords.adding(
      to: recognizer.recognize(words, corrected: corrected, today: today), tokens, corrected: corrected,
      isKnown: corrector.isKnown)
    let delimited = DelimitedText.range(in: line, normalizer: normalizer, tokenCount: tokens.count)
    let leading = DelimitedText.leadingSentence(in: line, normalizer: normalizer, tokenCount: tokens.count)
    var pointing = words
    for index in delimited ?? 0..<0 where pointers.contains(words[index]) {
      pointing[index] = Self.literalMark + words[index]
    }
    let delexicalized = readingPointers(Self.delexicalize(pointing, entities: entities), focus: focus)
    var scores = ranker.rank(delexicalized)
    var reread: [Int: [String]] = [:]
    scores = rereadNumbers(scores, words: pointing, entities: entities, focus: focus)
    (scores, reread) = rereadFreeText(
      scores, words: words, tokens: tokens, entities: entities, delimited: delimited, leading: leading)
    let candidates = scores.prefix(5).filter { $0.example >= 0 }.map { scored in
      Match.Candidate(
        intent: catalog.intents[scored.intent].name, score: scored.score,
        example: example(at: scored.example)?.text ?? "")
    }
    var result = Match(
      input: line, tokens: tokens, corrections: corrections, entities: entities,
      candidates: candidates, intent: nil, slots: [:], threshold: threshold)
    result.delimited = delimited
    result.leadingSentence = leading
    // A pointer in words marked as text is the text's ("Reject: this duplicates a field").
    result.readsFocus = words.indices.contains { pointers.contains(words[$0]) && !(delimited?.contains($0) ?? false) }
    result.hasKnownWords =
      !entities.isEmpty || tokens.contains { corrector.isKnown($0.text) && !Self.shortWords.contains($0.text) }
    guard let best = scores.first, best.example >= 0 else { return result }
    let intent = catalog.intents[best.intent]
    result.threshold = intent.sideEffects ? sideEffectThreshold : threshold
    result.findDecidingWords = { [ranker] in ranker.decidingWords(delexicalized, intent: best.intent) }
    let slots = filler.fill(
      intent, entities: entities, tokens: tokens, example: example(at: best.example), delimited: delimited,
      leading: leading)
    // The condition a line says, whatever it is read as: a follow-up or an answer carries it
    // too ("same for deal 43 once they sign").
    let textWords = Set(slots.values.filter { $0.kind == .text }.flatMap { normalizer.tokens($0.key).map(\.text) })
    let markedText =
      delimited.flatMap { span in intent.slots.contains { $0.takesMarkedText && slots[$0.name] != nil } ? span : nil }
    let clause = DelimitedText.leadingClause(in: line, normalizer: normalizer, tokenCount: tokens.count)
    let framing = Self.conditionReading(
      tokens, textWords: textWords, marked: markedText, clause: clause, entities: entities)
    result.condition = framing.condition
    // A required slot the line leaves empty while it has words baton does not know ("the
    // meaning of life") is likelier a question from elsewhere than a missing name: demand
    // the stricter bar before asking for it.
    let unfilled = intent.slots.contains { $0.required && slots[$0.name] == nil }
    let covered = Set(entities.flatMap { Array($0.range) })
    let isUnknown = { (index: Int) in Self.isUnknown(index, tokens, covered: covered, corrector: corrector) }
    // Unknown words typed with capitals after the first word ("exit criteria for Verbal
    // Commit") are a name, which the answer says is missing: no stricter bar for them.
    let isName = { (index: Int) in Self.isTypedAsName(index, tokens) }
    if unfilled && tokens.indices.contains(where: { isUnknown($0) && !isName($0) }) {
      result.threshold = max(result.threshold, unknownWordThreshold)
    }
    // A word that speaks for the refused lines, where no example of the intent has it,
    // makes the line another request about the same things ("delete my tasks"): refused
    // whatever the score, since the score is what the shared words earned.
    // Words inside free text ("propose changing lead scoring so webinar leads get +10") are
    // what the request is about, not the request: only the words around it may speak against.
    // Words the line marks as text are the text's too, when the intent has text to take them.
    let marked =
      delimited.flatMap { span in
        intent.slots.contains { $0.takesMarkedText && slots[$0.name] != nil }
          ? Self.delexicalize(words, entities: entities.filter { !span.overlaps($0.range) }, freeText: [span]) : nil
      }
    result.contraryWords = ranker.contraryWords(reread[best.intent] ?? marked ?? delexicalized, intent: best.intent)
    // A decisive reading (a record the intent needs, named, and a score clear of the bar)
    // is vetoed only by words no request about a record uses: "send lead 14 to whoever
    // covers the East" routes the lead, while "delete deal 42" is still refused.
    let decisive =
      best.score >= result.threshold + Self.decisiveMargin
      && intent.slots.contains { $0.required && $0.type.isRecord && slots[$0.name] != nil }
    if decisive, !result.contraryWords.isEmpty {
      // Requests about the workspace's records, not the conversation's own words ("cancel",
      // "drop everything you have in focus"), which are no sign of a request about a record.
      let aboutRecords = catalog.intents.indices.filter { catalog.intents[$0].slots.contains { $0.type.isRecord } }
      result.contraryWords.removeAll { ranker.someExample(of: aboutRecords, has: $0) }
    }
    // Words the intent's file says refuse it, outside its free text ("flag my follow up on
    // deal 7 as finished" is no task to make), however decisive the reading.
    // Not a word a typo was read as ("complte"), nor one of a condition, whose own refusal
    // says more ("… once the deal is done").
    let refusing =
      result.condition != nil
      ? []
      : tokens.indices.filter { index in
        intent.refusedBy.contains(tokens[index].text) && !textWords.contains(tokens[index].text)
          && !(markedText?.contains(index) ?? false) && !corrected.contains(index)
      }
    result.contraryWords += refusing.map { tokens[$0].text }.filter { !result.contraryWords.contains($0) }
    // A question to be sent somewhere ("post the pipeline in #sales") is not the question:
    // answering it here would present half of what was asked as all of it.
    if !intent.sideEffects, let verb = Self.deliveryVerb(tokens, entities: entities) {
      result.delivery = tokens[verb].surface
      return result
    }
    guard best.score >= result.threshold, result.contraryWords.isEmpty else { return result }
    result.intent = intent
    result.slots = intent.sideEffects ? Self.datesAhead(slots, entities: entities, today: today) : slots
    result.unknownNames = unknownNames(
      best.intent, slots: slots,
      example: exampleRefs.indices.contains(best.example) ? exampleRefs[best.example].example : nil,
      tokens: tokens, entities: entities, delimited: delimited, isUnknown: isUnknown)
    // A change is carried out only when every word of it is understood: words baton does not
    // know, outside a name it can say is missing and outside the free text that holds them,
    // are listed. Framing ("asap") and one- or two-letter words ("can u") say nothing of the
    // change.
    if intent.sideEffects, result.unknownNames.isEmpty {
      let preamble = framingPreamble(line, clause: clause, tokens: tokens, entities: entities, intent: best.intent)
      let courtesies = framing.courtesies
      result.unknownWords = tokens.indices.filter { index in
        isUnknown(index) && tokens[index].text.count > 2 && !Phrasing.framingWords.contains(tokens[index].text)
          && !textWords.contains(tokens[index].text) && !(preamble?.contains(index) ?? false)
          && !courtesies.contains { $0.contains(index) }
      }
      .map { tokens[$0].surface }
      // With every name the line gives used ("my" is no name), the line is not understood
      // ("undo my haircut"); with a name the intent does not take, the conversation refuses
      // the change, naming that name or these words ("reassign Soylent to Avery but leave
      // the deals with Sam").
      let allUsed = entities.allSatisfy { entity in
        slots.values.contains { entity.values.contains($0) } || entity.values.allSatisfy { $0.key == "@me" }
      }
      if !result.unknownWords.isEmpty, allUsed {
        result.intent = nil
        result.slots = [:]
      }
    }
    return result
  }

  /// A change's dates as the days ahead where the line's words read both ways ("on Friday":
  /// the last Friday for "what changed on Friday", this one for "send the MSA on Friday").
  static func datesAhead(_ slots: [String: EntityValue], entities: [RecognizedEntity], today: Day)
    -> [String: EntityValue]
  {
    slots.mapValues { value in
      guard value.kind == .date, let day = Day(iso: value.key), day < today,
        let entity = entities.first(where: { $0.values.first == value }),
        let ahead = entity.values.dropFirst().first(where: { $0.kind == .date })
      else { return value }
      return ahead
    }
  }

  /// Words too short to say what a line is about on their own ("y", "a", "q").
  private static let shortWords: Set<String> = Set("abcdefghijklmnopqrstuvwxyz".map(String.init))

  /// How many leading candidates with free text are read again with it (`rereadFreeText`):
  /// a long problem statement ("who should own restructuring deal stages …, which touches
  /// lead scoring …") can leave its intent fourth or fifth before the reread.
  static let rereadCandidates = 5

  /// How far past its bar a reading that names the record it needs must score to be
  /// decisive (see `match`).
  static let decisiveMargin = 0.1

  /// Left off the front of an unknown name ("deals at the Zenith account").
  private static let articles: Set<String> = ["the", "a", "an"]
  /// The most words an unknown name is read as; more is a sentence, not a name.
  private static let longestName = 4

  /// The kinds whose known name may be followed by words of the line's own.
  private static let trailingWordsAllowed: Set<EntityKind> = [.metric, .stage, .responsibility, .handoff]

  /// The kinds of record the workspace names, whose slot with unknown words in its place is
  /// a name the workspace lacks.
  private static let namedKinds: Set<EntityKind> = [
    .team, .person, .account, .deal, .stage, .metric, .responsibility, .handoff,
  ]

  /// The record slots `intent` leaves empty, or fills from part of the words, although the
  /// line has words baton does not know where an example names the record (after the same
  /// literal word: "deals at {account}"; the nearest example first, then the others in
  /// order), so that the answer says the name is not there instead of answering about
  /// everything else, or about the record whose name is only part of it ("how is Churn
  /// Velocity defined" is not deal velocity). Slots read from the same words ("what does
  /// {team}/{person} own") are one name of either kind.
  private func unknownNames(
    _ index: Int, slots: [String: EntityValue], example: Int?, tokens: [Token],
    entities: [RecognizedEntity], delimited: Range<Int>?, isUnknown: (Int) -> Bool
  ) -> [Match.UnknownName] {
    guard tokens.indices.contains(where: isUnknown) else { return [] }
    let intent = catalog.intents[index]
    let named = intent.slots.filter { Self.namedKinds.contains($0.type) }
    guard !named.isEmpty else { return [] }
    let stems = SlotFiller.stems(tokens)
    // The nearest example first, then the others in order.
    let order = (example.map { [$0] } ?? []) + intent.examples.indices
    var found: [(name: Match.UnknownName, range: Range<Int>)] = []
    for slot in named {
      // Where a filled slot's name was read: an unknown word beside it makes it another name.
      let filled = slots[slot.name].map { value in
        entities.filter { $0.value(of: slot.type)?.key == value.key }.map(\.range)
      }
      let placed = filler.exampleSlots(slot.name, of: intent)
      for example in order {
        // A name is a few words, none of them pointing at the context ("move it to …").
        // A name ends where the line sets its free text apart ("task for Priya: check item
        // 1-1"): the words after the colon are never part of it.
        guard let read = placed[example]?.anchors,
          var range = SlotFiller.freeTextRange(read, stems: stems, anchored: true)
        else { continue }
        if let mark = delimited?.lowerBound, range.lowerBound < mark, mark < range.upperBound {
          range = range.lowerBound..<mark
        }
        // Nor past a word that opens a condition ("to Avery if possible", "… unless Riley objects").
        if let opener = range.first(where: { $0 > range.lowerBound && Self.conditionOpeners.contains(tokens[$0].text) })
        {
          range = range.lowerBound..<opener
        }
        guard range.count <= Self.longestName, range.contains(where: isUnknown),
          !range.contains(where: { pointers.contains(tokens[$0].text) }),
          filled.map({ $0.contains { read in range.contains(read.lowerBound) && read.upperBound <= range.upperBound } })
            ?? true
        else { continue }
        // The words in the slot's place, all of them ("Verbal Commit", though "commit" is a
        // word baton knows), less a leading article.
        let start = range.first { !Self.articles.contains(tokens[$0].text) } ?? range.lowerBound
        // A known definition's name with only lower-case unknown words after it ("GTM
        // efficiency measuring, exactly", "sales cycle length pls") is that name, and the
        // words after it are the line's own. Unknown words before or inside it ("Churn
        // Velocity"), capitalized ones ("Negotiation Plus"), and any for a person, team,
        // account or deal ("Priya Kumar") make another name.
        if Self.trailingWordsAllowed.contains(slot.type), let reads = filled,
          reads.contains(where: { read in
            read.lowerBound == start && !(start..<read.upperBound).contains(where: isUnknown)
              && !(read.upperBound..<range.upperBound).contains { tokens[$0].surface.first?.isUppercase == true }
          })
        {
          break
        }
        let text = tokens[start..<range.upperBound].map(\.surface).joined(separator: " ")
        // Words a free-text slot took are that slot's value ("set the competitor on deal 42
        // to Acme Rivals"), not a name the workspace lacks.
        if slots.values.contains(where: { $0.kind == .text && $0.key.lowercased().contains(text.lowercased()) }) {
          break
        }
        found.append((Match.UnknownName(slot: slot.name, kinds: [slot.type], text: text), start..<range.upperBound))
        break
      }
    }
    // One name read for two slots is one name that may be of either kind.
    var merged: [(name: Match.UnknownName, range: Range<Int>)] = []
    for item in found {
      if let index = merged.firstIndex(where: { $0.range == item.range }) {
        merged[index].name.kinds += item.name.kinds
      } else {
        merged.append(item)
      }
    }
    return merged.map(\.name)
  }

  /// The line's words with each pointer read as the focus's kinds, or left out.
  private func readingPointers(_ words: [String], focus: [EntityKind]) -> [String] {
    let placeholders = focus.map { "{\($0.rawValue)}" }.sorted()
    return words.flatMap { word -> [String] in
      // A pointer in words the line marks as text ("reject change 1 - it repeats a field")
      // is the text's, read as it would be with nothing in focus.
      if word.hasPrefix(Self.literalMark) {
        let plain = String(word.dropFirst())
        return unexampledPointers.contains(plain) ? [] : [plain]
      }
      guard pointers.contains(word) else { return [word] }
      if !placeholders.isEmpty { return placeholders }
      return unexampledPointers.contains(word) ? [] : [word]
    }
  }

  /// A bare number ("600", "#125") reads as `{number}`, which examples rarely say: where a
  /// leading candidate takes a record by number or a company's size, the line is read again
  /// with the number standing as that ("start the handoff for {deal}", "what if we grow to
  /// {size}"), and the candidate keeps the better score. A year is no size.
  private func rereadNumbers(
    _ scores: [Ranker.Scored], words: [String], entities: [RecognizedEntity], focus: [EntityKind]
  ) -> [Ranker.Scored] {
    guard
      let number = entities.firstIndex(where: { entity in
        entity.values.count == 1 && entity.values[0].kind == .number && entity.surface.allSatisfy(\.isNumber)
      })
    else { return scores }
    let isYear = Int(entities[number].surface).map { (1900...2100).contains($0) } ?? false
    var updated = scores
    for (position, scored) in scores.prefix(Self.rereadCandidates).enumerated() {
      guard
        let kind = catalog.intents[scored.intent].slots.map(\.type).first(where: { type in
          Self.numberedKinds.contains(type) && !(type == .size && isYear)
        })
      else { continue }
      var retyped = entities
      retyped[number].values = [
        EntityValue(kind: kind, key: entities[number].surface, display: entities[number].surface)
      ]
      let better = ranker.score(
        readingPointers(Self.delexicalize(words, entities: retyped), focus: focus), intent: scored.intent)
      if better.score > updated[position].score { updated[position] = better }
    }
    return updated.sorted { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
  }

  private static func textSlots(of catalog: IntentCatalog) -> [[SlotDefinition]] {
    catalog.intents.map { intent in intent.slots.filter { $0.type == .text } }
  }

  /// The kinds a bare number may stand for in `rereadNumbers`.
  private static let numberedKinds: Set<EntityKind> = [.deal, .task, .lead, .change, .size]

  /// A line that carries free text ("propose a new stage Verbal Commit") scores low against
  /// every example, since its own words dilute it. For each leading candidate with a free-text
  /// slot, the line is read again with that slot's words (found by the nearest example's
  /// anchors) standing as `{text}`, and the candidate keeps the better score; the words it
  /// was read from are returned by intent.
  private func rereadFreeText(
    _ scores: [Ranker.Scored], words: [String], tokens: [Token], entities: [RecognizedEntity],
    delimited: Range<Int>?, leading: Range<Int>?
  ) -> (scores: [Ranker.Scored], reread: [Int: [String]]) {
    var updated = scores
    var rereadWords: [Int: [String]] = [:]
    var stems: (stems: [String], distinct: Set<String>)?
    // The line read with each placing of its free text, once a line: examples of several
    // intents place it alike.
    var readings: [[Range<Int>]: (words: [String], set: Set<String>)] = [:]
    func reading(_ spans: [Range<Int>]) -> (words: [String], set: Set<String>) {
      if let known = readings[spans] { return known }
      let outside = entities.filter { entity in !spans.contains { $0.overlaps(entity.range) } }
      let words = Self.delexicalize(words, entities: outside, freeText: spans)
      let read = (words, Set(words))
      readings[spans] = read
      return read
    }
    // The ranker's reading of each placing, once: only the nearest example is the intent's.
    var ranked: [[Range<Int>]: Ranker.Reading] = [:]
    for (position, scored) in scores.prefix(Self.rereadCandidates).enumerated() {
      let textSlots = self.textSlots[scored.intent]
      guard !textSlots.isEmpty else { continue }
      let intent = catalog.intents[scored.intent]
      let lineStems =
        stems
        ?? {
          let read = SlotFiller.stems(tokens); return (read, Set(read))
        }()
      stems = lineStems
      // Every example whose anchors the line has may place the free text differently.
      var tried = Set<[Range<Int>]>()
      // Words the line marks as text may be the text wherever an example puts it.
      let marked = delimited.map { span in
        let typed = entities.filter { entity in
          intent.slots.contains { $0.type != .text && entity.value(of: $0.type) != nil }
        }
        return SlotFiller.trimming(span, taken: Set(typed.flatMap { Array($0.range) }), tokens: tokens)
      }
      let table = filler.textExamples(of: scored.intent, intent, normalizer: normalizer)
      let placed = table.placed(stems: lineStems.stems, distinct: lineStems.distinct)
      // Most lines have none of an intent's anchors and mark no text: nothing to read again.
      let marking = marked != nil && textSlots.count == 1 && textSlots[0].takesMarkedText
      guard marking || placed.contains(where: { $0 != nil }) else { continue }
      for (row, placement) in table.placements.enumerated() {
        let anchored = placement.compactMap { $0.flatMap { placed[$0] } }
        guard marking || !anchored.isEmpty else { continue }
        var placings = [anchored]
        if marking, let marked, table.marksFirst[row] {
          placings.append([marked])
        }
        // Text that only points ("whose call is that?") is the sentence before it.
        if let leading, anchored.count == 1, anchored[0].allSatisfy({ SlotFiller.pointing.contains(words[$0]) }) {
          placings.append([leading])
        }
        // Words the line marks as text are text even when they are one name; words an
        // example's anchors place are not, when they are only a name the line recognized.
        let onlyAName = !anchored.isEmpty && anchored.allSatisfy { Self.isOneName($0, entities, words) }
        for spans in placings where !spans.isEmpty && !tried.contains(spans) && !(onlyAName && spans == anchored) {
          // Spans are read with each example's frame that places them until one keeps half
          // of it: without "by", "tell Sam to send the pricing sheet tomorrow" is placed
          // alike by "add a task for {person} to {task}", whose frame it does not keep, and
          // by "tell {person} to {task} by {date}", whose frame it does.
          // The words left beside the free text must keep at least half of the frame of the
          // example that placed it ("who should own {problem}"): one anchor word alone would
          // read any question as free text ("who is the boss of everything" keeps only "is" of
          // "whose call is {problem}").
          let (reread, rereadSet) = reading(spans)
          let frame = table.frames[row]
          // A colon, a dash or quotes stand where the example has the word before its text
          // ("because" in "{decision} {change} because {reason}").
          // A frame of that word alone ("propose {change}") is stood for only beside a name the
          // intent takes ("reject change 1 - …"): "Heads up: the West team …" proposes nothing.
          var stoodFor: String?
          if spans == [marked], let word = placement[0].flatMap({ table.anchors[$0].wordBefore }), frame.contains(word),
            frame.count > 1
              || intent.slots.contains(where: { $0.type != .text && rereadSet.contains("{\($0.type.rawValue)}") })
          {
            stoodFor = word
          }
          let kept = frame.count(where: { $0 != stoodFor && rereadSet.contains($0) })
          guard kept * 2 >= frame.count - (stoodFor == nil ? 0 : 1) else { continue }
          tried.insert(spans)
          let prepared = ranked[spans] ?? ranker.reading(reread)
          ranked[spans] = prepared
          let better = ranker.score(prepared, intent: scored.intent)
          if better.score > updated[position].score {
            updated[position] = better
            rereadWords[scored.intent] = reread
          }
        }
      }
    }
    // Ties keep the catalogue's order, so the engine stays deterministic.
    return (updated.sorted { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }, rereadWords)
  }

  /// Whether `span` says one name the line recognized and nothing else but an article ("the
  /// service levels"): that name, read as the name it is, not free text.
  private static func isOneName(_ span: Range<Int>, _ entities: [RecognizedEntity], _ words: [String]) -> Bool {
    let start = span.first { !articles.contains(words[$0]) } ?? span.lowerBound
    return entities.contains { entity in
      entity.range == start..<span.upperBound && !entity.kinds.contains(where: valueKinds.contains)
    }
  }

  /// Kinds that are amounts or times rather than names.
  private static let valueKinds: Set<EntityKind> = [.number, .date, .period, .size, .impossibleDate]

  /// The slots `match`'s line fills for another candidate intent, for a resolver that
  /// prefers a near-tied reading the context can complete.
  /// `atLeast` lowers the bar the candidate's score must clear (its intent's threshold).
  public func slots(of match: Match, readAs name: String, atLeast: Double? = nil) -> [String: EntityValue]? {
    guard let intent = catalog.intent(named: name),
      let candidate = match.candidates.first(where: { $0.intent == name }),
      candidate.score >= atLeast ?? (intent.sideEffects ? sideEffectThreshold : threshold)
    else { return nil }
    let example = intent.examples.first { $0.text == candidate.example }
    return filler.fill(
      intent, entities: match.entities, tokens: match.tokens, example: example, delimited: match.delimited,
      leading: match.leadingSentence)
  }

  /// Recognizes entities alone, for answers to a pending question ("42", "the Globex one").
  /// A record described by what it holds counts too ("the kickoff deck task", "Pia
  /// Umbrella's lead": the line is only the answer, with no verb before it).
  public func entities(in line: String, today: Day) -> [RecognizedEntity] {
    var tokens = normalizer.tokens(line)
    var corrected = Set<Int>()
    for index in tokens.indices {
      if let fix = corrector.correct(tokens[index].text) {
        tokens[index].text = fix
        corrected.insert(index)
      }
    }
    return DescribedRecords.adding(
      to: recognizer.recognize(tokens.map(\.text), corrected: [], today: today), tokens, corrected: corrected,
      isKnown: corrector.isKnown, opensWithVerb: false)
  }

  /// Whether the word at `index` is one baton does not know: no name the line recognized
  /// covers it (`covered`), no example or name has it, and it is no number.
  static func isUnknown(_ index: Int, _ tokens: [Token], covered: Set<Int>, corrector: TypoCorrector) -> Bool {
    !covered.contains(index) && !corrector.isKnown(tokens[index].text) && !tokens[index].text.allSatisfy(\.isNumber)
  }

  /// Whether the word at `index` is typed as a name: a capital, after the line's first word.
  static func isTypedAsName(_ index: Int, _ tokens: [Token]) -> Bool {
    index > 0 && tokens[index].surface.first?.isUppercase == true
  }

  /// Whether `word` (normalized) is one baton knows: an example's, a name's or a date's.
  public func knows(_ word: String) -> Bool { corrector.isKnown(word) }

  /// The normalized words of `line`.
  public func normalizedWords(_ line: String) -> [String] {
    normalizer.tokens(line).map(\.text)
  }

  private func example(at index: Int) -> Example? {
    guard exampleRefs.indices.contains(index) else { return nil }
    let ref = exampleRefs[index]
    return catalog.intents[ref.intent].examples[ref.example]
  }

  /// The example's words with each `{slot}` replaced by `{type}`.
  static func delexicalize(_ example: Example, intent: IntentDefinition, normalizer: Normalizer)
    -> [String]
  {
    example.template.parts.flatMap { part -> [String] in
      switch part {
      case .literal(let text): normalizer.tokens(text).map(\.text)
      case .marker(let name): ["{\(intent.slot(named: name)?.type.rawValue ?? name)}"]
      }
    }
  }

  /// Each kind's placeholder ("{deal}"), made once.
  private static let placeholders = Dictionary(
    uniqueKeysWithValues: EntityKind.allCases.map { ($0, "{\($0.rawValue)}") })

  /// The line's words with each recognized span replaced by the kinds it may be, and each
  /// free-text span by `{text}`, without the words that only frame the request.
  static func delexicalize(
    _ words: [String], entities: [RecognizedEntity], freeText: [Range<Int>] = []
  ) -> [String] {
    var result: [String] = []
    var index = 0
    var entityIndex = 0
    while index < words.count {
      if let span = freeText.first(where: { $0.lowerBound == index }) {
        result.append("{text}")
        index = span.upperBound
        while entityIndex < entities.count && entities[entityIndex].range.lowerBound < index { entityIndex += 1 }
      } else if entityIndex < entities.count, entities[entityIndex].range.lowerBound == index {
        let entity = entities[entityIndex]
        let start = result.count
        for kind in entity.kinds {
          let placeholder = placeholders[kind] ?? "{\(kind.rawValue)}"
          if !result[start...].contains(placeholder) { result.append(placeholder) }
        }
        index = entity.range.upperBound
        entityIndex += 1
      } else {
        result.append(words[index])
        index += 1
      }
    }
    return Phrasing.reduce(result)
  }

  /// Marks a pointer in text the line sets apart (`DelimitedText`) through `delexicalize`,
  /// so that `readingPointers` leaves it to the text.
  private static let literalMark = "\u{2}"
}
