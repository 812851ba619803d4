extension String {
  /// `count` copies of `unit` (nothing when `count` is not positive), written into one
  /// buffer: `String(repeating:count:)` takes the generic path, which makes a table's rule of
  /// dashes a large part of laying out the table.
  static func repeated(_ unit: String, _ count: Int) -> String {
    let bytes = Array(unit.utf8)
    let total = bytes.count * Swift.max(0, count)
    guard total > 0 else { return "" }
    return String(unsafeUninitializedCapacity: total) { buffer in
      var offset = 0
      for _ in 0..<count {
        for byte in bytes {
          buffer[offset] = byte
          offset += 1
        }
      }
      return total
    }
  }
}
