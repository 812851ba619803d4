import BatonTestSupport
import Testing

@testable import IntentMatching

/// The ranker's lookup table, saved as it is and read back unhashed: the same lookups after,
/// and a table that could misdirect or never end a lookup is refused.
@Suite(.tags(.fast)) struct KeyIndexTests {
  private func table(_ count: Int) -> KeyIndex {
    var index = KeyIndex()
    for value in 0..<count { index.insert(UInt64(value) &* 0x9E37_79B9_7F4A_7C15 ^ 0xABCD, value: Int32(value)) }
    return index
  }

  private func read(keys: [UInt64], values: [Int32], count: Int) throws -> KeyIndex {
    var writer = SnapshotWriter()
    writer.unsigneds(keys)
    writer.integers(values)
    var reader = SnapshotReader(writer.bytes)
    return try KeyIndex(from: &reader, count: count)
  }

  @Test func aTableReadsBackWithTheSameLookups() throws {
    let original = table(1_000)
    var writer = SnapshotWriter()
    original.write(to: &writer)
    var reader = SnapshotReader(writer.bytes)
    let read = try KeyIndex(from: &reader, count: 1_000)
    #expect(read.count == 1_000)
    for value in 0..<1_000 {
      let key = UInt64(value) &* 0x9E37_79B9_7F4A_7C15 ^ 0xABCD
      #expect(read[key] == Int32(value))
    }
    #expect(read[12_345] == nil)
  }

  @Test func aTableThatBreaksItsRulesIsRefused() {
    let empty = [Int32](repeating: -1, count: 8)
    // Not a power of two; too small; keys and values of different lengths.
    #expect(throws: SnapshotReader.Damaged.self) {
      try read(keys: Array(repeating: 0, count: 12), values: Array(repeating: -1, count: 12), count: 0)
    }
    #expect(throws: SnapshotReader.Damaged.self) { try read(keys: [0, 0, 0, 0], values: [-1, -1, -1, -1], count: 0) }
    #expect(throws: SnapshotReader.Damaged.self) {
      try read(keys: Array(repeating: 0, count: 8), values: empty + [-1], count: 0)
    }
    // A value repeated, out of range, negative but not empty, or missing.
    #expect(throws: SnapshotReader.Damaged.self) {
      try read(keys: Array(1...8), values: [0, 0, -1, -1, -1, -1, -1, -1], count: 2)
    }
    #expect(throws: SnapshotReader.Damaged.self) {
      try read(keys: Array(1...8), values: [0, 5, -1, -1, -1, -1, -1, -1], count: 2)
    }
    #expect(throws: SnapshotReader.Damaged.self) {
      try read(keys: Array(1...8), values: [0, -2, -1, -1, -1, -1, -1, -1], count: 1)
    }
    #expect(throws: SnapshotReader.Damaged.self) {
      try read(keys: Array(1...8), values: [0, -1, -1, -1, -1, -1, -1, -1], count: 2)
    }
    // Fuller than inserting ever leaves it: a lookup might find no empty slot to stop at.
    #expect(throws: SnapshotReader.Damaged.self) {
      try read(keys: Array(1...8), values: (0..<8).map(Int32.init), count: 8)
    }
  }
}
