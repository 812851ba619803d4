import BatonModel
import BatonTestSupport
import Foundation
import Rendering
import Testing

/// `JSONRenderer`: one turn as one line of JSON with sorted keys; the text without colour or
/// charts, the numbers in `data`.
@Suite(.tags(.fast)) struct JSONRendererTests {
  let chart = BarChart(bars: [
    .init(label: "Discovery", value: 5_663_000, display: "$5,663,000"),
    .init(label: "Proposal", value: 4_728_500, display: "$4,728,500"),
  ])

  private func turn(_ reply: Reply, intent: String? = "summary.pipeline") -> Turn {
    Turn(
      input: "summarize the pipeline", intent: intent,
      slots: ["group": SlotValue(EntityValue(kind: .group, key: "stage", display: "stage"), source: .context)],
      reply: reply)
  }

  private func parse(_ line: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try #require(object as? [String: Any])
  }

  @Test func aTurnIsOneLineWithSortedKeys() {
    let line = JSONRenderer().render(
      turn(Reply(kind: .answer, blocks: [.text("Two\nlines.")], data: ["b": 2, "a": 1])))
    #expect(
      line
        == #"{"data":{"a":1,"b":2},"input":"summarize the pipeline","intent":"summary.pipeline","kind":"answer","#
        + #""ok":true,"slots":{"group":{"display":"stage","from":"context","kind":"group","value":"stage"}},"#
        + #""text":"Two\nlines."}"#)
    #expect(!line.contains("\n"))
  }

  @Test func everyMemberCarriesTheTurnsValues() throws {
    let reply = Reply(
      kind: .table, blocks: [.text("Open pipeline by stage:"), .chart(chart)],
      data: ["total": ["amount": 10_391_500, "count": 87]])
    let object = try parse(JSONRenderer().render(turn(reply)))
    #expect(object.keys.sorted() == ["data", "input", "intent", "kind", "ok", "slots", "text"])
    #expect(object["ok"] as? Bool == true)
    #expect(object["kind"] as? String == "table")
    #expect(object["intent"] as? String == "summary.pipeline")
    #expect(object["input"] as? String == "summarize the pipeline")
    #expect(object["text"] as? String == "Open pipeline by stage:")
    let slots = try #require(object["slots"] as? [String: [String: String]])
    #expect(slots == ["group": ["kind": "group", "value": "stage", "display": "stage", "from": "context"]])
    let data = try #require(object["data"] as? [String: [String: Int]])
    #expect(data == ["total": ["amount": 10_391_500, "count": 87]])
  }

  @Test func aRefusalIsNotOkAndCarriesItsReason() throws {
    let reply = Reply.refused("Lead 1 is disqualified; it is not routed.", reason: .disqualified)
    let object = try parse(JSONRenderer().render(turn(reply, intent: "lead.route")))
    #expect(object["ok"] as? Bool == false)
    #expect(object["kind"] as? String == "refused")
    #expect(object["text"] as? String == "Lead 1 is disqualified; it is not routed.")
    #expect(object["data"] as? [String: String] == ["reason": "disqualified"])
  }

  @Test func aLineNotUnderstoodHasANullIntent() throws {
    let reply = Reply(kind: .notUnderstood, text: "Not understood.")
    let line = JSONRenderer().render(Turn(input: "blah", intent: nil, slots: [:], reply: reply))
    let object = try parse(line)
    #expect(object["intent"] is NSNull)
    #expect(object["data"] is NSNull)
    #expect(object["slots"] as? [String: String] == [:])
    #expect(object["kind"] as? String == "not_understood")
  }

  @Test func theChartIsDrawnForPeopleButLeftOutOfJSON() throws {
    let reply = Reply(
      kind: .table, blocks: [.text("Open pipeline by stage:"), .chart(chart)],
      data: ["groups": [["name": "Discovery", "amount": 5_663_000], ["name": "Proposal", "amount": 4_728_500]]])
    let people = TextRenderer(width: nil, colour: true).render(reply)
    #expect(people.contains("█"))
    #expect(people.contains("$5,663,000"))

    let object = try parse(JSONRenderer().render(turn(reply)))
    let text = try #require(object["text"] as? String)
    #expect(text == "Open pipeline by stage:")
    #expect(!text.contains("█"))
    let data = try #require(object["data"] as? [String: [[String: Any]]])
    let groups = try #require(data["groups"])
    #expect(groups.compactMap { $0["amount"] as? Int } == [5_663_000, 4_728_500])
  }

  @Test func theTextIsUncolouredUncutAndEscaped() throws {
    let wide = Table(header: ["Deal"], rows: [[String(repeating: "x", count: 200)]])
    let reply = Reply(kind: .refused, blocks: [.text("Evil\u{1B}[2J"), .table(wide)], data: ["reason": "not_found"])
    let object = try parse(JSONRenderer().render(turn(reply)))
    let text = try #require(object["text"] as? String)
    #expect(!text.unicodeScalars.contains("\u{1B}"))
    #expect(text.hasPrefix("Evil^[[2J\nDeal"))
    #expect(text.split(separator: "\n").last?.count == 200)
  }
}
