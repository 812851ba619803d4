import CWordVectors

/// Static word vectors: what a word means, as 128 numbers, so "vacation" and "holiday",
/// "rescind" and "cancel" share something that their letters do not. With ten or twenty
/// examples an intent, the examples cannot teach every way of saying a thing; the vectors
/// carry what a large text corpus taught a sentence-embedding model, computed once, offline
/// (`Sources/CWordVectors/make-word-vectors.py`), and compiled into the executable. Matching
/// a line runs no model: it looks words up and adds their vectors.
///
/// The table is read in place from the executable's read-only data: nothing is parsed at
/// start, and only the pages of the words looked up are ever touched.
struct WordVectors: @unchecked Sendable {
  // @unchecked: the table is immutable bytes for the life of the process.

  /// The table compiled into baton, or nil when its bytes are not what this reader expects
  /// (the matcher then works without it, on words and character n-grams alone).
  static let builtIn = WordVectors(
    bytes: UnsafeRawBufferPointer(start: baton_word_vectors_pointer(), count: baton_word_vectors_size))

  let dimensions: Int
  private let count: Int
  private let offsets: UnsafeRawPointer
  private let names: UnsafeRawPointer
  private let vectors: UnsafePointer<Int8>

  /// The longest word split into pieces: the split costs a lookup per prefix tried.
  private static let longestSplit = 32

  init?(bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count >= 12,
      bytes.prefix(4).elementsEqual("BWV1".utf8)
    else { return nil }
    let dimensions = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
    let count = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
    let namesStart = 12 + 4 * (count + 1)
    guard dimensions > 0, count > 0, namesStart <= bytes.count else { return nil }
    let namesLength = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: namesStart - 4, as: UInt32.self)))
    // The offsets are not checked one by one (one per word, at every start): the table is
    // compiled in, not read from anywhere a user can change, and a table of another layout
    // fails these size checks.
    let (cells, overflow) = count.multipliedReportingOverflow(by: dimensions)
    guard !overflow, namesStart + namesLength + cells == bytes.count else { return nil }
    self.dimensions = dimensions
    self.count = count
    offsets = base + 12
    names = base + namesStart
    vectors = (base + namesStart + namesLength).assumingMemoryBound(to: Int8.self)
  }

  /// Whether `word` is in the table as a whole word: a word of English (or a function word),
  /// not only a run of pieces.
  func contains(_ word: [UInt8]) -> Bool { row(of: word[...]) != nil }

  /// Whether `word` means something of its own: the table knows it and its vector is not
  /// zero, as a function word's ("the", "is", "into") is.
  func hasMeaning(_ word: [UInt8]) -> Bool {
    var sum = [Float](repeating: 0, count: dimensions)
    return add(word, to: &sum) && sum.contains { $0 != 0 }
  }

  /// Adds `word`'s vector to `sum` (one number per dimension, each in -1...1) and says
  /// whether the table knows the word: as a whole word, or else as the mean of its word
  /// pieces ("playlist" is "play" + "##list"). Function words ("the", "my") add nothing.
  func add(_ word: [UInt8], to sum: inout [Float]) -> Bool {
    if let row = row(of: word[...]) {
      add(row: row, scale: 1, to: &sum)
      return true
    }
    guard word.count <= Self.longestSplit, let pieces = pieces(of: word) else { return false }
    let scale = 1 / Float(pieces.count)
    for row in pieces { add(row: row, scale: scale, to: &sum) }
    return true
  }

  private func add(row: Int, scale: Float, to sum: inout [Float]) {
    let values = vectors + row * dimensions
    let unit = scale / 127
    for dimension in 0..<min(dimensions, sum.count) { sum[dimension] += Float(values[dimension]) * unit }
  }

  /// The rows of `word`'s pieces by the longest known prefix first, as the model split words
  /// when the table was made; nil when some part of the word is no piece at all.
  private func pieces(of word: [UInt8]) -> [Int]? {
    var rows: [Int] = []
    var start = 0
    var piece: [UInt8] = []
    while start < word.count {
      var end = word.count
      var found: Int?
      while start < end {
        piece.removeAll(keepingCapacity: true)
        if start > 0 { piece += [UInt8(ascii: "#"), UInt8(ascii: "#")] }
        piece += word[start..<end]
        if let row = row(of: piece[...]) {
          found = row
          break
        }
        end -= 1
      }
      guard let found else { return nil }
      rows.append(found)
      start = end
    }
    return rows
  }

  /// The row of `name`, by binary search over the sorted names.
  private func row(of name: ArraySlice<UInt8>) -> Int? {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      let order = compare(middle, name)
      if order == 0 { return middle }
      if order < 0 { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// The byte order of name `row` against `name`: negative, zero or positive.
  private func compare(_ row: Int, _ name: ArraySlice<UInt8>) -> Int {
    let start = Int(UInt32(littleEndian: offsets.loadUnaligned(fromByteOffset: 4 * row, as: UInt32.self)))
    let end = Int(UInt32(littleEndian: offsets.loadUnaligned(fromByteOffset: 4 * row + 4, as: UInt32.self)))
    var index = name.startIndex
    for offset in start..<end {
      guard index < name.endIndex else { return 1 }
      let left = names.load(fromByteOffset: offset, as: UInt8.self)
      let right = name[index]
      if left != right { return Int(left) - Int(right) }
      index += 1
    }
    return index < name.endIndex ? -1 : 0
  }
}
