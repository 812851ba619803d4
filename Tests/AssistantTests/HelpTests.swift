import Assistant
import BatonModel
import BatonTestSupport
import IntentMatching
import Testing

/// `help workflows` lists every change baton can make, whichever intent file declares it.
@Suite(.tags(.fast)) struct HelpTests {
  @Test func helpWorkflowsListsEverySideEffect() throws {
    let session = try Fixtures.session()
    let turn = session.handle("help workflows")
    #expect(turn.intent == "session.help")
    guard case .object(let data) = turn.reply.data, case .array(let listed)? = data["intents"] else {
      Issue.record("no intents in \(turn.reply.data)")
      return
    }
    let names = Set(
      listed.compactMap { item -> String? in
        guard case .object(let object) = item, case .string(let name)? = object["name"] else { return nil }
        return name
      })
    let sideEffects = Set(try Fixtures.catalog().intents.filter(\.sideEffects).map(\.name))
    #expect(names == sideEffects)
    #expect(names.isSuperset(of: ["task.assign", "task.complete", "change.propose", "change.decide", "session.undo"]))
  }
}
