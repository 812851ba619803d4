/// A map from 64-bit keys to small non-negative numbers, for the ranker's feature and
/// posting lookups: open addressing with linear probing in a power-of-two table, the key
/// mixed by one multiplication.
///
/// Why not `Dictionary`: its keyed hashing (SipHash, seeded per process) is a large part of
/// ranking a line, and its tables cannot be saved, so rebuilding them would be most of
/// reading a saved engine. The keys here are already hashes (features) or (intent, feature)
/// pairs, which a multiply spreads well enough.
struct KeyIndex: Sendable {
  private var keys: [UInt64]
  /// The value of each slot; -1 marks an empty slot.
  private var values: [Int32]
  private var shift: UInt64
  private(set) var count = 0

  init(minimumCapacity: Int = 8) {
    var size = 8
    var bits: UInt64 = 3
    while size < minimumCapacity * 2 {
      size <<= 1
      bits += 1
    }
    keys = Array(repeating: 0, count: size)
    values = Array(repeating: -1, count: size)
    shift = 64 - bits
  }

  subscript(key: UInt64) -> Int32? {
    var slot = home(key)
    let mask = values.count - 1
    while true {
      let value = values[slot]
      if value < 0 { return nil }
      if keys[slot] == key { return value }
      slot = (slot + 1) & mask
    }
  }

  /// Adds `key` (which must not be present yet) with `value` (which must not be negative).
  mutating func insert(_ key: UInt64, value: Int32) {
    assert(value >= 0, "KeyIndex values are not negative")
    if (count + 1) * 2 > values.count { grow() }
    var slot = home(key)
    let mask = values.count - 1
    while values[slot] >= 0 { slot = (slot + 1) & mask }
    keys[slot] = key
    values[slot] = value
    count += 1
  }

  private func home(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  private mutating func grow() {
    var larger = KeyIndex(minimumCapacity: values.count)
    for (key, value) in zip(keys, values) where value >= 0 { larger.insert(key, value: value) }
    self = larger
  }
}

extension KeyIndex {
  /// The table as it is, for a saved engine: read back, nothing is hashed again.
  func write(to writer: inout SnapshotWriter) {
    writer.unsigneds(keys)
    writer.integers(values)
  }

  /// Reads what `write` wrote, for `count` keys valued `0..<count`, each once. A table that
  /// breaks that, or has no empty slot left (a lookup would never end), is damaged.
  init(from reader: inout SnapshotReader, count expected: Int) throws {
    let keys = try reader.unsigneds()
    let values = try reader.integers()
    let size = keys.count
    guard expected >= 0, size == values.count, size >= 8, size & (size - 1) == 0, expected * 2 <= size else {
      throw SnapshotReader.Damaged()
    }
    var seen = [Bool](repeating: false, count: expected)
    var used = 0
    for value in values where value != -1 {
      guard value >= 0, Int(value) < expected, !seen[Int(value)] else { throw SnapshotReader.Damaged() }
      seen[Int(value)] = true
      used += 1
    }
    guard used == expected else { throw SnapshotReader.Damaged() }
    self.keys = keys
    self.values = values
    shift = 64 - UInt64(size.trailingZeroBitCount)
    count = used
  }

  /// Calls `body` with every key and its value, in table order.
  func forEach(_ body: (UInt64, Int32) throws -> Void) rethrows {
    for (key, value) in zip(keys, values) where value >= 0 { try body(key, value) }
  }
}
