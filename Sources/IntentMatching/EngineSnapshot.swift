import BatonModel

/// The saved form of a built engine: what `IntentMatcher.snapshot()` writes and
/// `IntentMatcher(snapshot:…)` reads. Each part writes what it cannot cheaply rebuild
/// (the catalogue instead of its YAML, the trained weights instead of the training); the
/// ranker's lookup tables are saved as they are, the gazetteer's rebuilt from its phrases.
enum EngineSnapshot {
  /// Changes whenever the layout or the engine's algorithm does, so an old file is not read.
  static let format: UInt64 = 10
  static let magic: UInt64 = 0x4241_544f_4e45_4e47  // "BATONENG"
  /// Floats are saved in the host's byte order; this one, after the header, reads back
  /// differently on a machine of the other order, whose file is then rebuilt, not misread.
  static let byteOrderMark: [Float] = [1.5]
}

extension IntentCatalog {
  func write(to writer: inout SnapshotWriter) {
    writer.integer(intents.count)
    for intent in intents {
      writer.strings([intent.name, intent.description, intent.action, intent.file])
      writer.integer(intent.line)
      writer.bool(intent.sideEffects)
      writer.integer(intent.slots.count)
      for slot in intent.slots {
        writer.strings([slot.name, slot.type.rawValue])
        writer.bool(slot.required)
        writer.bool(slot.fromContext)
        writer.bool(slot.takesMarkedText)
      }
      writer.strings(intent.examples.map(\.text))
      writer.integers(intent.examples.map { Int32(clamping: $0.line) })
      writer.strings(intent.refusedBy)
    }
    writer.integer(vocabulary.count)
    for entity in vocabulary { entity.write(to: &writer) }
    writer.strings(followupCues)
    writer.strings(references)
    writer.strings(outOfScope)
  }

  init(from reader: inout SnapshotReader) throws {
    var intents: [IntentDefinition] = []
    for _ in 0..<(try reader.count(itemSize: 8)) {
      let texts = try reader.strings()
      guard texts.count == 4 else { throw SnapshotReader.Damaged() }
      let line = try reader.integer()
      let sideEffects = try reader.bool()
      var slots: [SlotDefinition] = []
      for _ in 0..<(try reader.count(itemSize: 8)) {
        let names = try reader.strings()
        guard names.count == 2, let type = EntityKind(rawValue: names[1]) else { throw SnapshotReader.Damaged() }
        slots.append(
          SlotDefinition(
            name: names[0], type: type, required: try reader.bool(), fromContext: try reader.bool(),
            takesMarkedText: try reader.bool()))
      }
      let examples = try reader.strings()
      let lines = try reader.integers()
      guard lines.count == examples.count else { throw SnapshotReader.Damaged() }
      let refusedBy = try reader.strings()
      intents.append(
        IntentDefinition(
          name: texts[0], description: texts[1], action: texts[2], sideEffects: sideEffects, slots: slots,
          examples: zip(examples, lines).map { Example(text: $0, line: Int($1)) }, refusedBy: refusedBy,
          file: texts[3], line: line))
    }
    var vocabulary: [NamedEntity] = []
    for _ in 0..<(try reader.count(itemSize: 8)) { vocabulary.append(try NamedEntity(from: &reader)) }
    self.init(
      intents: intents, vocabulary: vocabulary, followupCues: try reader.strings(),
      references: try reader.strings(), outOfScope: try reader.strings())
  }
}

extension [NamedEntity] {
  /// Flat, in five arrays: a start reads these instead of the workspace's tables.
  func write(to writer: inout SnapshotWriter) {
    // Kinds by position: reading a kind back by name compares it with every kind's name.
    let allKinds = EntityKind.allCases
    writer.integers(map { name in Int32(allKinds.firstIndex(of: name.kind) ?? -1) })
    writer.strings(map(\.key))
    writer.strings(map(\.display))
    writer.integers(map { Int32(clamping: $0.phrases.count) })
    writer.strings(flatMap(\.phrases))
  }

  init(from reader: inout SnapshotReader) throws {
    let kinds = try reader.integers()
    let keys = try reader.strings()
    let displays = try reader.strings()
    let counts = try reader.integers()
    let phrases = try reader.strings()
    guard keys.count == kinds.count, displays.count == kinds.count, counts.count == kinds.count else {
      throw SnapshotReader.Damaged()
    }
    self = []
    reserveCapacity(kinds.count)
    let allKinds = EntityKind.allCases
    var start = 0
    for index in kinds.indices {
      let count = Int(counts[index])
      guard allKinds.indices.contains(Int(kinds[index])), count >= 0, start + count <= phrases.count else {
        throw SnapshotReader.Damaged()
      }
      append(
        NamedEntity(
          kind: allKinds[Int(kinds[index])], key: keys[index], display: displays[index],
          phrases: [String](phrases[start..<start + count])))
      start += count
    }
    guard start == phrases.count else { throw SnapshotReader.Damaged() }
  }
}

extension NamedEntity {
  func write(to writer: inout SnapshotWriter) {
    writer.strings([kind.rawValue, key, display])
    writer.strings(phrases)
  }

  init(from reader: inout SnapshotReader) throws {
    let texts = try reader.strings()
    guard texts.count == 3, let kind = EntityKind(rawValue: texts[0]) else { throw SnapshotReader.Damaged() }
    self.init(kind: kind, key: texts[1], display: texts[2], phrases: try reader.strings())
  }
}
