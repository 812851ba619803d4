import BatonModel

extension JSONValue {
  /// The object with `extra`'s keys added (or replaced); a non-object becomes `extra`.
  func merging(_ extra: [String: JSONValue]) -> JSONValue {
    guard case .object(var object) = self else { return .object(extra) }
    for (key, value) in extra { object[key] = value }
    return .object(object)
  }

  /// The object's keys and values; empty for anything else.
  var object: [String: JSONValue] {
    if case .object(let object) = self { object } else { [:] }
  }
}
