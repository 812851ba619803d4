/// A question asked to be taken somewhere else ("post the forecast in #sales", "email the
/// win rate to Morgan"): baton answers here and posts, mails and messages nothing, so such a
/// line is not answered as if it had been sent.
extension IntentMatcher {
  /// The words that ask for an answer to be delivered, when a line opens with one.
  static let deliveryVerbs: Set<String> = [
    "post", "email", "mail", "slack", "text", "message", "dm", "tweet", "forward", "cc", "send", "publish",
    "ping", "fax", "broadcast",
  ]

  /// Words of asking that may come before the request's verb ("please", "can you", "go
  /// ahead and").
  private static let askingWords: Set<String> = [
    "please", "pls", "plz", "kindly", "can", "could", "would", "will", "you", "u", "go", "ahead", "and", "just",
  ]

  /// The index of the delivery verb a line opens with (past words of asking), if any. A
  /// word that is part of a name ("Send the MSA", a task; an account called Slack) is the
  /// name's. "send me the forecast", "send it over to us" ask to see it here: not a delivery.
  static func deliveryVerb(_ tokens: [Token], entities: [RecognizedEntity]) -> Int? {
    guard let first = tokens.firstIndex(where: { !askingWords.contains($0.text) }),
      deliveryVerbs.contains(tokens[first].text),
      !entities.contains(where: { $0.range.contains(first) })
    else { return nil }
    if tokens[first].text == "send",
      tokens[(first + 1)...].contains(where: { ["me", "us", "over"].contains($0.text) })
    {
      return nil
    }
    return first
  }
}
