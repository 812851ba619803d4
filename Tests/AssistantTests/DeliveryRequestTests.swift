import Assistant
import BatonModel
import BatonTestSupport
import Foundation
import IntentMatching
import Testing
import WorkspaceStore

/// A question asked to be taken somewhere else ("slack the forecast to the exec channel") is
/// not answered as if it had been sent: baton says it sends nothing and offers the question
/// it can answer here. Requests for records that use the same verbs stay theirs.
@Suite(.tags(.fast)) struct DeliveryRequestTests {
  private func session() throws -> Session {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let matcher = try #require(try Fixtures.demoMatcher.get())
    return try Fixtures.session(on: workspace, matcher: matcher, actor: "jordan")
  }

  @Test(arguments: [
    ("slack the forecast to the exec channel", "slack"),
    ("could you email this quarter's pipeline to Morgan", "email"),
    ("tweet our win rate", "tweet"),
    ("DM Sam the stuck deals", "DM"),
    ("please post the ownership matrix in #revops", "post"),
  ])
  func aQuestionToBeSentSomewhereIsNotAnsweredAsSent(_ line: String, _ verb: String) throws {
    let turn = try session().handle(line)
    #expect(turn.reply.kind == .notUnderstood, "\(line): \(turn.reply.firstLine)")
    #expect(
      turn.reply.firstLine.hasPrefix("Not done: baton answers here and sends nothing, so it cannot “\(verb)” it."),
      "\(turn.reply.firstLine)")
    #expect(turn.reply.data["delivery"] == .string(verb))
    // What it can do instead is a question it answers.
    guard case .array(let suggestions)? = turn.reply.data["suggestions"], case .string(let instead)? = suggestions.first
    else {
      Issue.record("no suggestion for \(line)")
      return
    }
    #expect(try session().handle(instead).intent != nil, "\(instead)")
  }

  @Test(arguments: [
    ("send me the forecast", "summary.forecast"),
    ("send us the pipeline by owner", "summary.pipeline"),
    ("send deal 8 to customer success", "handoff.trigger"),
    ("send lead 17 over to Quinn", "lead.route"),
  ])
  func aRequestThatSharesTheVerbsIsStillRead(_ line: String, _ intent: String) throws {
    #expect(try session().handle(line).intent == intent, "\(line)")
  }

  /// A name that opens with such a word is the name's: an account called Slack.
  @Test func aNameThatOpensWithTheVerbIsTheName() throws {
    let workspace = try Workspace.inMemory(.demo(today: Fixtures.today))
    let names =
      try workspace.vocabulary() + [NamedEntity(kind: .account, key: "99", display: "Slack", phrases: ["slack"])]
    let matcher = IntentMatcher(catalog: try Fixtures.catalog(), names: names)
    let match = matcher.match("Slack: who owns the account", today: Fixtures.today)
    #expect(match.delivery == nil)
    #expect(match.intent?.name == "account.show", "\(match.intent?.name ?? "not understood")")
    let elsewhere = IntentMatcher(catalog: try Fixtures.catalog(), names: try workspace.vocabulary())
    #expect(elsewhere.match("slack the pipeline to Sam", today: Fixtures.today).delivery == "slack")
  }
}
