import BatonModel
import BatonTestSupport
import Foundation
import Testing

/// `JSONValue.jsonText` is written by hand for speed; it must be the bytes `JSONEncoder`
/// writes, since audit rows and `--json` replies are read by other programs.
@Suite(.tags(.fast)) struct JSONTextTests {
  static let values: [JSONValue] = [
    .null, true, false, 0, -42, .int(Int64.max), .int(Int64.min),
    .double(0.131), .double(1), .double(-0.5), .double(100), .double(1e-7), .double(123_456.789), .double(1 / 3),
    .double(2.5e15), .double(-0.0), .double(1e16), .double(9_007_199_254_740_992), .double(.leastNonzeroMagnitude),
    "plain", "quote \" backslash \\ slash / tab \t newline \n return \r", "bell \u{07} escape \u{1B} nul \u{0}",
    "Zoë’s café — ✓ 日本", "\u{7F} and \u{85}",
    [1, "two", [3], ["four": 4]],
    [
      "table": "deal", "id": 42, "after": ["stage_id": "proposal", "amount": 12_000, "close_date": .null],
      "B": 1, "a": 2, "a_b": 3, "aB": 4, "z10": 5, "z9": 6, "": 7,
    ],
    .object([:]), .array([]),
  ]

  @Test(arguments: values)
  func writesWhatJSONEncoderWrites(_ value: JSONValue) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    #expect(value.jsonText == String(decoding: try encoder.encode(value), as: UTF8.self))
  }
}
