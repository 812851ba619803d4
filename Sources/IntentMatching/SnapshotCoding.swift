import Foundation

/// Writes a built engine as flat little-endian bytes: counts, then values; number arrays in
/// one copy each. Reading it back is a few copies, where building means parsing YAML and
/// training the classifier.
struct SnapshotWriter {
  private(set) var bytes: [UInt8] = []

  mutating func integer(_ value: Int) { raw(Int64(value).littleEndian) }
  mutating func unsigned(_ value: UInt64) { raw(value.littleEndian) }
  mutating func float(_ value: Float) { raw(value.bitPattern.littleEndian) }
  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func string(_ value: String) {
    integer(value.utf8.count)
    bytes += value.utf8
  }

  mutating func strings(_ values: [String]) {
    integer(values.count)
    for value in values { string(value) }
  }

  mutating func integers(_ values: [Int32]) { array(values.map(\.littleEndian)) }
  mutating func unsigneds(_ values: [UInt64]) { array(values.map(\.littleEndian)) }
  /// Floats as the machine holds them: every platform Swift runs on Linux is little-endian,
  /// and the snapshot's header says which byte order wrote it.
  mutating func floats(_ values: [Float]) { array(values) }

  private mutating func array<Element: BitwiseCopyable>(_ values: [Element]) {
    integer(values.count)
    values.withUnsafeBytes { bytes += $0 }
  }

  private mutating func raw<Value: FixedWidthInteger>(_ value: Value) {
    withUnsafeBytes(of: value) { bytes += $0 }
  }
}

/// Reads what `SnapshotWriter` wrote. Every read is bounds-checked and every count is
/// checked against the bytes left, so a damaged file is a thrown error, never a crash.
struct SnapshotReader {
  struct Damaged: Error {}

  private let bytes: [UInt8]
  private var offset: Int

  /// Reads `bytes` from `offset` on (no copy is made).
  init(_ bytes: [UInt8], from offset: Int = 0) {
    self.bytes = bytes
    self.offset = min(max(0, offset), bytes.count)
  }

  var position: Int { offset }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func integer() throws -> Int {
    let value = Int64(littleEndian: try raw(Int64.self))
    guard let result = Int(exactly: value) else { throw Damaged() }
    return result
  }

  /// A count of items of at least `size` bytes each, checked against what is left.
  mutating func count(itemSize size: Int = 1) throws -> Int {
    let value = try integer()
    guard value >= 0, value <= (bytes.count - offset) / max(1, size) else { throw Damaged() }
    return value
  }

  /// An index below `limit`.
  mutating func index(below limit: Int) throws -> Int {
    let value = try integer()
    guard value >= 0, value < limit else { throw Damaged() }
    return value
  }

  mutating func unsigned() throws -> UInt64 { UInt64(littleEndian: try raw(UInt64.self)) }
  mutating func float() throws -> Float { Float(bitPattern: UInt32(littleEndian: try raw(UInt32.self))) }

  mutating func bool() throws -> Bool {
    guard offset < bytes.count else { throw Damaged() }
    defer { offset += 1 }
    return bytes[offset] != 0
  }

  mutating func string() throws -> String {
    let length = try count()
    defer { offset += length }
    return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
  }

  mutating func strings() throws -> [String] {
    let count = try count(itemSize: 8)
    return try (0..<count).map { _ in try string() }
  }

  // On a little-endian machine (every one Swift runs on Linux) the bytes are the numbers
  // already: one copy, no second pass.
  #if _endian(little)
    mutating func integers() throws -> [Int32] { try array(Int32.self) }
    mutating func unsigneds() throws -> [UInt64] { try array(UInt64.self) }
  #else
    mutating func integers() throws -> [Int32] { try array(Int32.self).map { Int32(littleEndian: $0) } }
    mutating func unsigneds() throws -> [UInt64] { try array(UInt64.self).map { UInt64(littleEndian: $0) } }
  #endif
  mutating func floats() throws -> [Float] { try array(Float.self) }

  private mutating func array<Element: BitwiseCopyable>(_ type: Element.Type) throws -> [Element] {
    let size = MemoryLayout<Element>.size
    let count = try count(itemSize: size)
    defer { offset += count * size }
    return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { source in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count * size]))
      }
      initialized = count
    }
  }

  private mutating func raw<Value: FixedWidthInteger>(_ type: Value.Type) throws -> Value {
    let size = MemoryLayout<Value>.size
    guard bytes.count - offset >= size else { throw Damaged() }
    defer { offset += size }
    return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Value.self) }
  }
}

/// A 64-bit hash of bytes, eight at a time: to key a saved engine by what it was built
/// from, and to check the saved bytes were not damaged. Fixed, so it is the same in every
/// process.
struct ContentHash {
  private(set) var value: UInt64

  init(seed: UInt64 = 0x9e37_79b9_7f4a_7c15) { value = seed }

  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    var index = 0
    if bytes.count >= 32 {
      // Four independent lanes over 32-byte blocks, folded together after: far cheaper than
      // one chain, and every start hashes the whole saved engine to check it.
      var lanes = (value, value ^ 0x243f_6a88_85a3_08d3, value ^ 0x1319_8a2e_0370_7344, value ^ 0xa409_3822_299f_31d0)
      func word(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index + offset, as: UInt64.self))
      }
      while index + 32 <= bytes.count {
        lanes.0 = Self.mixed(lanes.0, word(0))
        lanes.1 = Self.mixed(lanes.1, word(8))
        lanes.2 = Self.mixed(lanes.2, word(16))
        lanes.3 = Self.mixed(lanes.3, word(24))
        index += 32
      }
      value = lanes.0
      mix(lanes.1)
      mix(lanes.2)
      mix(lanes.3)
    }
    while index + 8 <= bytes.count {
      mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
      index += 8
    }
    var word: UInt64 = 0
    for (shift, byte) in bytes[index...].enumerated() { word |= UInt64(byte) << (8 * shift) }
    mix(word ^ UInt64(bytes.count - index) << 56)
    mix(UInt64(bytes.count))
  }

  mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }
  mutating func add(_ string: String) {
    var string = string
    string.withUTF8 { add(UnsafeRawBufferPointer($0)) }
  }

  private mutating func mix(_ word: UInt64) { value = Self.mixed(value, word) }

  private static func mixed(_ value: UInt64, _ word: UInt64) -> UInt64 {
    let product = (value ^ word) &* 0x0000_0100_0000_01b3
    return product ^ (product >> 29)
  }
}
