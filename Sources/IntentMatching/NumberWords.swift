/// Turns spelled-out numbers into digits: "forty two" → "42", "a hundred and five" → "105".
enum NumberWords {
  private static let units: [String: Int] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
  ]
  private static let tens: [String: Int] = [
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
  ]

  static func collapse(_ tokens: [Token]) -> [Token] {
    var result: [Token] = []
    var index = 0
    while index < tokens.count {
      if let (value, length) = parse(tokens, from: index) {
        let surface = tokens[index..<index + length].map(\.surface).joined(separator: " ")
        result.append(Token(text: String(value), surface: surface))
        index += length
      } else {
        result.append(tokens[index])
        index += 1
      }
    }
    return result
  }

  /// Reads a number spelled over one or more tokens; "one" alone stays a word, since
  /// "the one in proposal" is not a number.
  private static func parse(_ tokens: [Token], from start: Int) -> (Int, Int)? {
    var total = 0
    var current = 0
    var index = start
    var sawNumber = false
    while index < tokens.count {
      let word = tokens[index].text
      if let value = units[word] {
        current += value
      } else if let value = tens[word] {
        current += value
      } else if word == "hundred" && sawNumber {
        current *= 100
      } else if word == "thousand" && sawNumber {
        total += current * 1000
        current = 0
      } else if word == "and" && sawNumber && index + 1 < tokens.count
        && (units[tokens[index + 1].text] != nil || tens[tokens[index + 1].text] != nil)
      {
        index += 1
        continue
      } else {
        break
      }
      sawNumber = true
      index += 1
    }
    let length = index - start
    guard sawNumber else { return nil }
    if length == 1 && tokens[start].text == "one" { return nil }
    return (total + current, length)
  }
}
