import CSV
import Foundation

/// The rows of a CSV file, each with the line of the file it starts on (a quoted field may
/// hold line breaks, so rows and lines differ). The file is read and checked as UTF-8 whole,
/// then parsed a row at a time.
struct CSVRows {
  let path: String
  let header: [String]
  /// How many lines the file has: an upper bound on its rows, for the progress bar.
  let lineCount: Int
  private let reader: CSVReader
  private var line: Int

  init(path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError.unreadable(path: path, detail: "no such file, or not readable")
    }
    self.path = path
    lineCount = data.withUnsafeBytes { bytes in bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // Excel's UTF-8 mark
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ImportError.malformed(
        path: path, line: Self.firstInvalidLine(bytes),
        detail: "the text is not UTF-8 (save the export as UTF-8 CSV)")
    }
    do {
      reader = try CSVReader(string: text, hasHeaderRow: false)
    } catch {
      throw ImportError.unreadable(path: path, detail: "\(error)")
    }
    line = 1
    guard let first = reader.next() else {
      if let error = reader.error { throw Self.failure(error, path: path, line: 1) }
      throw ImportError.malformed(path: path, line: 1, detail: "the file is empty; it needs a header row")
    }
    header = first.map { $0.trimmingCharacters(in: .whitespaces) }
    line += Self.breaks(in: first) + 1
  }

  /// The next row that is not blank, or nil at the end.
  mutating func next() throws -> (line: Int, fields: [String])? {
    while let fields = reader.next() {
      let start = line
      line += Self.breaks(in: fields) + 1
      if fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
      return (start, fields)
    }
    if let error = reader.error { throw Self.failure(error, path: path, line: line) }
    return nil
  }

  private static func breaks(in fields: [String]) -> Int {
    fields.reduce(0) { count, field in count + field.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
  }

  private static func failure(_ error: any Error, path: String, line: Int) -> ImportError {
    .malformed(path: path, line: line, detail: "\(error)")
  }

  /// The line holding the first byte that is not UTF-8.
  private static func firstInvalidLine(_ bytes: Data.SubSequence) -> Int {
    var line = 1
    var start = bytes.startIndex
    for index in bytes.indices where bytes[index] == 10 || index == bytes.endIndex - 1 {
      if String(validating: bytes[start...index], as: UTF8.self) == nil { return line }
      line += 1
      start = index + 1
    }
    return line
  }
}
