import BatonModel

/// One intent as its file declares it.
public struct IntentDefinition: Hashable, Sendable {
  public var name: String
  /// One line, shown by `help`.
  public var description: String
  /// The handler that runs it.
  public var action: String
  /// Whether running it changes the workspace; such intents need a stricter confidence, all
  /// their required slots, and a confirmation.
  public var sideEffects: Bool
  public var slots: [SlotDefinition]
  public var examples: [Example]
  /// Words that say a line is not this intent whatever its score, outside its free text
  /// (`refused_by:`): "done" and "complete" say a task is finished, not one to make.
  public var refusedBy: [String]
  /// Where it was declared, for diagnostics.
  public var file: String
  public var line: Int

  public init(
    name: String, description: String, action: String, sideEffects: Bool, slots: [SlotDefinition],
    examples: [Example], refusedBy: [String] = [], file: String, line: Int
  ) {
    self.name = name
    self.description = description
    self.action = action
    self.sideEffects = sideEffects
    self.slots = slots
    self.examples = examples
    self.refusedBy = refusedBy
    self.file = file
    self.line = line
  }

  /// The slot with this name, if declared.
  public func slot(named name: String) -> SlotDefinition? { slots.first { $0.name == name } }
}

/// A slot of an intent: its name, its type, whether the intent needs it.
public struct SlotDefinition: Hashable, Sendable {
  public var name: String
  public var type: EntityKind
  public var required: Bool
  /// An optional slot the conversation's focus fills when the line leaves it out: the deal a
  /// follow-up task is for. (A required slot is always filled from the focus.)
  public var fromContext: Bool
  /// A free-text slot that takes words the line sets apart after a colon or a dash, or in
  /// quotes, wherever its examples put it ("task for Sam: send the MSA"): a title, a
  /// problem, a decision's reason; not a move's reason, which overrides exit criteria only
  /// when asked for in so many words ("anyway because").
  public var takesMarkedText: Bool

  public init(name: String, type: EntityKind, required: Bool, fromContext: Bool = false, takesMarkedText: Bool = false)
  {
    self.name = name
    self.type = type
    self.required = required
    self.fromContext = fromContext
    self.takesMarkedText = takesMarkedText
  }
}

/// An example phrasing with slot markers: `who owns {responsibility}`.
public struct Example: Hashable, Sendable {
  public var text: String
  public var line: Int

  /// The example read into literal text and markers.
  public var template: SlotTemplate { SlotTemplate(text) }

  /// The slot names the example marks, in order.
  public var markers: [String] { template.markers }
}

/// Every intent and vocabulary entry loaded from the intent folders.
public struct IntentCatalog: Sendable {
  public var intents: [IntentDefinition]
  /// Closed word lists from the files' `vocabulary:` sections (RACI letters, decisions,
  /// groupings), recognized like workspace names.
  public var vocabulary: [NamedEntity]
  /// Phrases that open a follow-up ("and", "what about"): the line reuses the last intent.
  public var followupCues: [String]
  /// Words that point at something in focus ("it", "that deal"); the resolver fills the
  /// slot from the context, so the matcher treats them as known.
  public var references: [String]
  /// Lines that are none of baton's business ("book a hotel", "delete everything"): the
  /// ranker learns them as one more class, never answered, so a line like them scores low
  /// for every intent.
  public var outOfScope: [String]

  public init(
    intents: [IntentDefinition], vocabulary: [NamedEntity], followupCues: [String] = [],
    references: [String] = [], outOfScope: [String] = []
  ) {
    self.intents = intents
    self.vocabulary = vocabulary
    self.followupCues = followupCues
    self.references = references
    self.outOfScope = outOfScope
  }

  public func intent(named name: String) -> IntentDefinition? {
    intents.first { $0.name == name }
  }
}
