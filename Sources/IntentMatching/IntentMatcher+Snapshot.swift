import BatonModel

extension IntentMatcher {
  /// The built engine as bytes under `key`, for `init(snapshot:key:names:)`: a start-up
  /// that finds them reads them instead of parsing the intent files and training the
  /// ranker again. `namesKey` is a second key (see `snapshotKey(sources:namesToken:build:)`)
  /// under which `init(snapshot:namesKey:)` reads the engine with the names saved in it.
  public func snapshot(key: UInt64, namesKey: UInt64 = 0) -> [UInt8] {
    var payload = SnapshotWriter()
    names.write(to: &payload)
    catalog.write(to: &payload)
    recognizer.gazetteer.write(to: &payload)
    corrector.write(to: &payload)
    ranker.write(to: &payload)
    payload.strings(pointers.sorted())
    payload.strings(unexampledPointers.sorted())
    var file = SnapshotWriter()
    file.unsigned(EngineSnapshot.magic)
    file.unsigned(EngineSnapshot.format)
    file.unsigned(key)
    file.unsigned(namesKey)
    file.floats(EngineSnapshot.byteOrderMark)
    var check = ContentHash()
    check.add(payload.bytes)
    file.unsigned(check.value)
    return file.bytes + payload.bytes
  }

  /// Reads an engine `snapshot(key:)` wrote under `key`, built with the same `names`. Throws
  /// when the bytes are from another format or key, or damaged; the caller then builds the
  /// engine afresh.
  public init(
    snapshot bytes: [UInt8], key: UInt64, names: [NamedEntity], threshold: Double = 0.5,
    sideEffectThreshold: Double = 0.6
  ) throws {
    try self.init(
      snapshot: bytes, accepting: { saved, _ in saved == key }, names: names, threshold: threshold,
      sideEffectThreshold: sideEffectThreshold)
  }

  /// Reads an engine `snapshot(key:namesKey:)` wrote under `namesKey`, with the names saved
  /// in it. Throws as `init(snapshot:key:names:)` does.
  public init(snapshot bytes: [UInt8], namesKey: UInt64, threshold: Double = 0.5, sideEffectThreshold: Double = 0.6)
    throws
  {
    try self.init(
      snapshot: bytes, accepting: { _, saved in saved == namesKey }, names: nil, threshold: threshold,
      sideEffectThreshold: sideEffectThreshold)
  }

  /// `accepting` is given the file's two keys; `names`, when given, stand in for the saved ones.
  private init(
    snapshot bytes: [UInt8], accepting: (_ key: UInt64, _ namesKey: UInt64) -> Bool, names given: [NamedEntity]?,
    threshold: Double, sideEffectThreshold: Double
  ) throws {
    var reader = SnapshotReader(bytes)
    guard try reader.unsigned() == EngineSnapshot.magic, try reader.unsigned() == EngineSnapshot.format,
      accepting(try reader.unsigned(), try reader.unsigned()), try reader.floats() == EngineSnapshot.byteOrderMark
    else { throw SnapshotReader.Damaged() }
    let expected = try reader.unsigned()
    var check = ContentHash()
    bytes.withUnsafeBytes { check.add(UnsafeRawBufferPointer(rebasing: $0[reader.position...])) }
    guard check.value == expected else { throw SnapshotReader.Damaged() }
    let saved = try [NamedEntity](from: &reader)
    let names = given ?? saved
    let catalog = try IntentCatalog(from: &reader)
    let gazetteer = try Gazetteer(from: &reader, names: names + catalog.vocabulary)
    let corrector = try TypoCorrector(from: &reader)
    let ranker = try Ranker(from: &reader)
    let pointers = Set(try reader.strings())
    let unexampledPointers = Set(try reader.strings())
    let refs = catalog.intents.enumerated().flatMap { intent, definition in
      definition.examples.indices.map { (intent: intent, example: $0) }
    }
    guard reader.isAtEnd, ranker.highestExample < refs.count else { throw SnapshotReader.Damaged() }
    self.init(
      catalog: catalog, names: names, threshold: threshold, sideEffectThreshold: sideEffectThreshold,
      recognizer: EntityRecognizer(gazetteer: gazetteer), corrector: corrector, ranker: ranker,
      pointers: pointers, unexampledPointers: unexampledPointers, exampleRefs: refs)
  }

  /// The key a snapshot is saved under: what the engine is built from (the intent files'
  /// names and bytes, the workspace's names) and the snapshot format. Anything else changes
  /// the key, and a snapshot under another key is never read.
  ///
  /// `build` names the program that builds and reads engines (its size and time, say), so a
  /// new baton never trusts what an older one saved, even when the format number was not
  /// changed with the algorithm.
  public static func snapshotKey(sources: [IntentSource], names: [NamedEntity], build: String = "") -> UInt64 {
    var hash = sourcesHash(sources, build: build)
    for name in names {
      hash.add(name.kind.rawValue)
      hash.add(name.key)
      hash.add(name.display)
      for phrase in name.phrases { hash.add(phrase) }
      hash.add([0xff])
    }
    return hash.value
  }

  /// The second key a snapshot is saved under: the same intent files and program, and the
  /// workspace's names token (`Workspace.namesToken`) in place of the names. A start that
  /// finds it need not read the names at all.
  public static func snapshotKey(sources: [IntentSource], namesToken: Int64, build: String = "") -> UInt64 {
    var hash = sourcesHash(sources, build: build)
    hash.add("names token \(namesToken)")
    return hash.value
  }

  private static func sourcesHash(_ sources: [IntentSource], build: String) -> ContentHash {
    var hash = ContentHash()
    hash.add("format \(EngineSnapshot.format) build \(build)")
    for source in sources {
      // The file's name, not the path diagnostics show: that one is relative to the working
      // folder, and an engine built from the same files in the same order is the same engine
      // wherever baton is started.
      hash.add(String(source.name.split(separator: "/").last ?? ""))
      hash.add(source.bytes)
    }
    return hash
  }
}
