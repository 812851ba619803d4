import Assistant
import BatonModel
import Benchmark
import Foundation
import IntentMatching
import MCPServer
import Synchronization
import WorkspaceStore

/// The parts of a turn, in-process: building the matcher (every start does it), matching a
/// line on the product catalogue and on CLINC150, a whole question turn, and the store's
/// reads. `BATON_BENCH_WORKSPACE=big.sqlite` adds the store's reads on that file (make one
/// with `baton init big.sqlite --deals 1000000`).
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3), maxIterations: 10_000)

  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let today = Day(year: 2026, month: 11, day: 23)
  let (catalog, _) = IntentLoader.load(directories: [root.appendingPathComponent("intents")])
  guard let demo = try? Workspace.inMemory(.demo(today: today)), let names = try? demo.vocabulary() else {
    fatalError("cannot make the demo workspace")
  }

  Benchmark("intents: load the product's YAML files") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(IntentLoader.load(directories: [root.appendingPathComponent("intents")]))
    }
  }

  Benchmark("matcher: build from the product intents and demo names") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(IntentMatcher(catalog: catalog, names: names)) }
  }

  let matcher = IntentMatcher(catalog: catalog, names: names)
  // What a start does when the names changed since the last one but nothing else did: read
  // the saved engine (the intent files' bytes and the names are hashed for its key, the
  // file is read and checked).
  let (sources, _) = IntentLoader.sources(directories: [root.appendingPathComponent("intents")])
  let token: Int64 = 42
  let saved = matcher.snapshot(
    key: IntentMatcher.snapshotKey(sources: sources, names: names),
    namesKey: IntentMatcher.snapshotKey(sources: sources, namesToken: token))
  Benchmark("matcher: read the saved engine with names read from the workspace") { benchmark in
    for _ in benchmark.scaledIterations {
      let (files, _) = IntentLoader.sources(directories: [root.appendingPathComponent("intents")])
      let key = IntentMatcher.snapshotKey(sources: files, names: names)
      blackHole(try IntentMatcher(snapshot: saved, key: key, names: names))
    }
  }
  // What a start does when nothing changed: the names token is the saved one, so the key is
  // the intent files' bytes and the token, and the names come from the file.
  Benchmark("matcher: read the saved engine and its names (what a start does)") { benchmark in
    for _ in benchmark.scaledIterations {
      let (files, _) = IntentLoader.sources(directories: [root.appendingPathComponent("intents")])
      let key = IntentMatcher.snapshotKey(sources: files, namesToken: token)
      blackHole(try IntentMatcher(snapshot: saved, namesKey: key))
    }
  }
  let lines = [
    "who owns stage exit criteria", "and who is consulted?", "move deal 42 to negotiation",
    "assign a follow-up to Priya by Friday", "summarize the pipeline by owner", "how is NRR defined",
    "what's the weather like", "propose a new stage Verbal Commit",
  ]
  // Each sample the next line: a sample is one iteration, so the iteration's own index
  // would be the first line's every time.
  let turns = Turns()
  Benchmark("matcher: one line, product catalogue") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(matcher.match(lines[turns.next() % lines.count], today: today))
    }
  }
  // Each line on its own: a workflow's line with free text costs more than a question.
  for line in lines {
    Benchmark("matcher: the line \"\(line)\"") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(matcher.match(line, today: today)) }
    }
  }

  let clinc = root.appendingPathComponent("../shared/clinc150/train_val.json")
  if let data = try? Data(contentsOf: clinc),
    let dataset = try? JSONDecoder().decode(IntentBenchmark.Dataset.self, from: data)
  {
    let training = dataset.train.map { (text: $0[0], label: $0[1]) }
    let clincMatcher = IntentMatcher(catalog: .labelled(training), names: [])
    let questions = dataset.val.map { $0[0] }
    let turns = Turns()
    Benchmark("matcher: one line, CLINC150 training set (15,000 examples)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(clincMatcher.match(questions[turns.next() % questions.count], today: today))
      }
    }
  }

  Benchmark("session: one question turn on the demo workspace") { benchmark in
    guard let actor = try? demo.actor(named: "priya") else { return }
    let session = Session(workspace: demo, matcher: matcher, actor: actor, today: { today })
    for _ in benchmark.scaledIterations { blackHole(session.handle("who owns stage exit criteria")) }
  }

  // The same question through `baton mcp`'s tools/call, from the request's bytes to the
  // response's: the turn above plus JSON-RPC, the tool result and its structured content.
  let ask = Data(
    #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"ask","arguments":{"line":"who owns stage exit criteria"}}}"#
      .utf8)
  let typed = Data(
    #"{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"ownership_who","arguments":{"responsibility":"Stage exit criteria"}}}"#
      .utf8)
  // The reference for the two below: the same question's turn, the session made before the
  // measurement starts (the turn above makes its session inside it).
  Benchmark("session: one question turn, session made beforehand") { benchmark in
    guard let actor = try? demo.actor(named: "priya") else { return }
    let session = Session(workspace: demo, matcher: matcher, actor: actor, today: { today })
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(session.handle("who owns stage exit criteria")) }
  }
  // One server for every sample, made here: making it (the tools' schemas from the names)
  // is a start's work, not a request's.
  guard let agent = try? demo.actor(named: "priya") else { fatalError("no priya in the demo") }
  let server = MCPServer(
    session: Session(workspace: demo, matcher: matcher, actor: agent, today: { today }),
    options: .init(version: "bench"))
  _ = server.respond(
    to: Data(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25"}}"#.utf8))
  for (label, request) in [("ask", ask), ("typed tool ownership_who", typed)] {
    Benchmark("mcp: one question through tools/call (\(label))") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(server.respond(to: request)) }
    }
  }

  var stores: [(String, Workspace)] = [("demo", demo)]
  if let path = ProcessInfo.processInfo.environment["BATON_BENCH_WORKSPACE"],
    let big = try? Workspace.open(path: path, createIfMissing: nil)
  {
    stores.append(((path as NSString).lastPathComponent, big))
  }
  for (label, workspace) in stores {
    // The highest deal number, so lookups spread over the whole table.
    let last = (try? workspace.nearestIDs(of: .deal, to: Int64.max / 2, limit: 1).first) ?? 1
    let turns = Turns()
    Benchmark("store (\(label)): one deal by number") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try workspace.deal(id: Int64(turns.next()) * 7_919 % last + 1))
      }
    }
    Benchmark("store (\(label)): pipeline by stage") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try workspace.pipeline(by: .stage, since: today.adding(days: -7)))
      }
    }
    Benchmark("store (\(label)): forecast this quarter") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(try workspace.forecast(Period(quarter: today.quarter))) }
    }
    Benchmark("store (\(label)): stuck deals") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(try workspace.stuckDeals(olderThan: nil, today: today)) }
    }
  }
}

/// A count shared by one benchmark's samples, so that each sample takes the next input; one
/// for each benchmark, so what one takes does not depend on which others ran.
final class Turns: Sendable {
  private let count = Atomic<Int>(0)

  func next() -> Int { count.add(1, ordering: .relaxed).oldValue }
}
