import BatonModel
import Foundation

/// Measures the matcher on a data set in the CLINC150 layout: trained on `train`, refusal
/// threshold set on `val`, figures on `test` (or on `val` when the file has no test split).
public struct IntentBenchmark: Sendable {
  /// The splits, as `[[text, label], ...]` and `oos_*` lists.
  public struct Dataset: Decodable, Sendable {
    public var train: [[String]]
    public var val: [[String]]
    public var test: [[String]]?
    public var oosTrain: [[String]]?
    public var oosVal: [[String]]
    public var oosTest: [[String]]?

    enum CodingKeys: String, CodingKey {
      case train, val, test
      case oosTrain = "oos_train"
      case oosVal = "oos_val"
      case oosTest = "oos_test"
    }
  }

  /// What the benchmark prints, one figure a line.
  public struct Figures: Sendable {
    /// "test", or "validation" when the file has no test split.
    public var split: String
    public var inScopeAccuracy: Double
    /// In-scope lines whose best intent is right, refused or not: what the threshold costs.
    public var rankedAccuracy: Double
    public var outOfScopeRecall: Double
    public var threshold: Double
    public var examples: Int
    public var buildMilliseconds: Double
    public var medianMicroseconds: Double
    public var p99Microseconds: Double

    public var lines: [String] {
      [
        "\(split) in-scope accuracy: \(Self.percent(inScopeAccuracy))",
        "\(split) out-of-scope recall: \(Self.percent(outOfScopeRecall))",
        "\(split) in-scope best intent right, before refusal: \(Self.percent(rankedAccuracy))",
        "threshold (set on validation): \(String(format: "%.3f", threshold))",
        "training examples: \(examples)",
        "build: \(String(format: "%.0f", buildMilliseconds)) ms",
        "median latency: \(String(format: "%.0f", medianMicroseconds)) µs",
        "p99 latency: \(String(format: "%.0f", p99Microseconds)) µs",
      ]
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
  }

  public var dataset: Dataset
  /// Train on only the first N utterances of each intent (the product's intents have 10 to
  /// 20), or all when nil.
  public var perIntent: Int?

  public init(dataset: Dataset, perIntent: Int? = nil) {
    self.dataset = dataset
    self.perIntent = perIntent
  }

  public func run(today: Day = Day(ordinal: 20_000)) -> Figures {
    var taken: [String: Int] = [:]
    var training: [(text: String, label: String)] = []
    for pair in dataset.train where pair.count == 2 {
      taken[pair[1], default: 0] += 1
      if let perIntent, taken[pair[1], default: 0] > perIntent { continue }
      training.append((pair[0], pair[1]))
    }
    let clock = ContinuousClock()
    let start = clock.now
    // The data set's out-of-scope training lines, when it has them, teach the engine what to
    // refuse, as a product's own out-of-scope lines do.
    let refused = (dataset.oosTrain ?? []).compactMap(\.first)
    let matcher = IntentMatcher(catalog: .labelled(training), names: [], outOfScope: refused)
    let build = clock.now - start

    // Each line is matched once, timed; validation lines serve both to set the threshold
    // and, when the file has no test split, for the figures.
    func read(_ lines: [(text: String, label: String?)]) -> [Read] {
      lines.map { line in
        let begin = clock.now
        let best = matcher.match(line.text, today: today).candidates.first
        return Read(
          score: best?.score ?? 0, correct: best?.intent == line.label, inScope: line.label != nil,
          microseconds: Self.microseconds(clock.now - begin))
      }
    }
    let validation = read(
      dataset.val.map { (text: $0[0], label: Optional($0[1])) } + dataset.oosVal.map { (text: $0[0], label: nil) })
    // The threshold that gets the most validation lines right: in-scope ones labelled
    // correctly and kept, out-of-scope ones refused.
    let threshold = Self.bestThreshold(validation)
    let split: String
    let evaluated: [Read]
    if let test = dataset.test, let oosTest = dataset.oosTest {
      evaluated = read(test.map { ($0[0], Optional($0[1])) } + oosTest.map { ($0[0], nil) })
      split = "test"
    } else {
      evaluated = validation
      split = "validation"
    }
    let inScope = evaluated.filter(\.inScope)
    let outOfScope = evaluated.filter { !$0.inScope }
    let latencies = evaluated.map(\.microseconds).sorted()
    return Figures(
      split: split,
      inScopeAccuracy: Double(inScope.filter { $0.correct && $0.score >= threshold }.count)
        / Double(max(1, inScope.count)),
      rankedAccuracy: Double(inScope.filter(\.correct).count) / Double(max(1, inScope.count)),
      outOfScopeRecall: Double(outOfScope.filter { $0.score < threshold }.count) / Double(max(1, outOfScope.count)),
      threshold: threshold, examples: training.count, buildMilliseconds: Self.microseconds(build) / 1_000,
      medianMicroseconds: latencies.isEmpty ? 0 : latencies[latencies.count / 2],
      p99Microseconds: latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, latencies.count * 99 / 100)])
  }

  /// How the matcher read one line: its best score, whether the best intent was the label,
  /// whether the line is in scope, and how long it took.
  struct Read {
    var score: Double
    var correct: Bool
    var inScope: Bool
    var microseconds: Double
  }

  /// Tries each observed score as the threshold and keeps the one with most lines right.
  static func bestThreshold(_ scored: [Read]) -> Double {
    let candidates = Set(scored.map(\.score)).sorted()
    var best = (threshold: 0.0, right: -1)
    for threshold in candidates {
      let right = scored.reduce(0) { count, line in
        let accepted = line.score >= threshold
        return count + ((line.inScope ? accepted && line.correct : !accepted) ? 1 : 0)
      }
      if right > best.right { best = (threshold, right) }
    }
    return best.threshold
  }

  private static func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1_000_000 + Double(duration.components.attoseconds) / 1e12
  }
}
