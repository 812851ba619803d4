extension JSONValue {
  /// Compact JSON text with keys sorted and slashes unescaped: what `JSONEncoder` writes with
  /// `.sortedKeys` and `.withoutEscapingSlashes`, written directly.
  ///
  /// Why by hand: the encoder's generic `Codable` path is slow enough to dominate a workflow
  /// (every change writes its before and after images to the audit log) and a `--json`
  /// reply. A test holds the two to the same bytes.
  public var jsonText: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(128)
    write(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private func write(into bytes: inout [UInt8]) {
    switch self {
    case .null: bytes.append(contentsOf: "null".utf8)
    case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
    case .int(let value): bytes.append(contentsOf: String(value).utf8)
    case .double(let value): bytes.append(contentsOf: Self.number(value).utf8)
    case .string(let value): Self.write(value, into: &bytes)
    case .array(let values):
      bytes.append(UInt8(ascii: "["))
      for (index, value) in values.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        value.write(into: &bytes)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      bytes.append(UInt8(ascii: "{"))
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        Self.write(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        members[key]?.write(into: &bytes)
      }
      bytes.append(UInt8(ascii: "}"))
    }
  }

  /// A string with JSON's escapes: quote, backslash, and control characters.
  private static func write(_ text: String, into bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
      case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
      case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
      case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
      case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
      case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
      case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
      case 0x00..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: #"\u00"#.utf8)
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// A double as JSON: Swift's shortest form that reads back exactly, without a trailing
  /// ".0" ("3", "-0", "0.131", "1e+16"), as the encoder writes it.
  private static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    let text = String(value)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
