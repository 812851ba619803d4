import BatonModel
import Foundation

/// Renders a turn as one JSON object on one line, keys sorted so the bytes are stable:
/// `{"data":…,"input":…,"intent":…,"kind":…,"ok":…,"slots":{…},"text":…}`.
public struct JSONRenderer: Sendable {
  public init() {}

  public func render(_ turn: Turn) -> String { object(turn).jsonText }

  /// The turn as the JSON object `render` prints.
  public func object(_ turn: Turn) -> JSONValue {
    var slots: [String: JSONValue] = [:]
    for (name, slot) in turn.slots {
      slots[name] = [
        "kind": .string(slot.value.kind.rawValue), "value": .string(slot.value.key),
        "display": .string(slot.value.display), "from": .string(slot.source.rawValue),
      ]
    }
    let object: JSONValue = [
      "input": .string(turn.input),
      "intent": turn.intent.map(JSONValue.string) ?? .null,
      "slots": .object(slots),
      "ok": .bool(turn.reply.ok),
      "kind": .string(turn.reply.kind.rawValue),
      "text": .string(TextRenderer(width: nil, colour: false, charts: false).render(turn.reply)),
      "data": turn.reply.data,
    ]
    return object
  }
}
