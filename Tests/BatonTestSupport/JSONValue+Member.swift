import BatonModel

extension JSONValue {
  /// The member `key` of an object; nil for anything else, or when it has none.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }
}
