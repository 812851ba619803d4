/// A map from 64-bit keys to small non-negative numbers, for the ranker's feature and
/// posting lookups: open addressing with linear probing in a power-of-two table, the key
/// mixed by one multiplication.
///
/// Why not `Dictionary`: its keyed hashing (SipHash, seeded per process) was a fifth of
/// ranking a line, and rebuilding the dictionaries was most of reading a saved engine. The
/// keys here are already hashes (features) or (intent, feature) pairs, which a multiply
/// spreads well enough.
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

  /// Key `i` mapped to `i`; nil when a key repeats.
  init?(keys: [UInt64]) {
    self.init(minimumCapacity: keys.count)
    for (value, key) in keys.enumerated() {
      guard self[key] == nil else { return nil }
      insert(key, value: Int32(value))
    }
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

  /// The keys ordered by their values, for values `0..<count` (each once).
  func keysByValue() -> [UInt64] {
    var ordered = Array(repeating: UInt64(0), count: count)
    for (key, value) in zip(keys, values) where value >= 0 && Int(value) < count { ordered[Int(value)] = key }
    return ordered
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
