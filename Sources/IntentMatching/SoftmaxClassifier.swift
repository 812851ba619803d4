import BatonModel
import Foundation

/// A multinomial logistic regression over sparse unit vectors, trained by stochastic
/// gradient descent. Its output is a probability for every class, which is what a refusal
/// threshold needs: "how sure", comparable from one catalogue to the next.
///
/// Weights are stored feature by feature (all classes of one feature side by side), so
/// scoring a line reads one short contiguous row per feature it has.
struct SoftmaxClassifier: Sendable {
  struct Options: Sendable {
    // Chosen on CLINC150's validation split: 16 epochs at a rate of 4 give the best accuracy
    // before refusal; fewer epochs at a lower rate fall short, and more epochs add nothing.
    var epochs = 16
    var rate: Float = 4
    /// L2 penalty, applied to the rows an example touches.
    var penalty: Float = 1e-6
    var seed: UInt64 = 0x6261_746f_6e
    /// The last epochs whose weights are averaged into the model's. The order examples are
    /// visited in moves the weights of the last epoch alone enough to move the product's
    /// labelled lines by two points from one seed to another; the average of the last four
    /// sits nearer their common optimum (docs/MATCHER.md, 2026-12-04).
    var averagedEpochs = 4
  }

  let classCount: Int
  private(set) var weights: [Float]
  private(set) var bias: [Float]

  init(classCount: Int, weights: [Float], bias: [Float]) {
    self.classCount = classCount
    self.weights = weights
    self.bias = bias
  }

  /// Trains on `samples` (feature numbers below `featureCount`) labelled with classes below
  /// `classCount`. The order examples are visited in comes from a fixed seed, so training
  /// twice gives the same weights.
  init(
    samples: [SparseVector], labels: [Int], featureCount: Int, classCount: Int,
    options: Options = Options()
  ) {
    self.classCount = classCount
    weights = [Float](repeating: 0, count: featureCount * classCount)
    bias = [Float](repeating: 0, count: classCount)
    guard classCount > 1, !samples.isEmpty else { return }
    var generator = SeededGenerator(seed: options.seed)
    var order = Array(samples.indices)
    var gradient = [Float](repeating: 0, count: classCount)
    let steps = Float(options.epochs * samples.count)
    var step: Float = 0
    let averaged = min(max(options.averagedEpochs, 1), options.epochs)
    var sum = (weights: weights, bias: bias)
    for epoch in 0..<options.epochs {
      order.shuffle(using: &generator)
      for index in order {
        // The rate falls linearly to a tenth: big steps find the region, small ones settle.
        let rate = options.rate * (1 - 0.9 * step / steps)
        step += 1
        logits(samples[index], into: &gradient)
        Self.softmax(&gradient)
        gradient[labels[index]] -= 1
        update(samples[index], gradient: gradient, rate: rate, penalty: options.penalty)
      }
      if averaged > 1, epoch >= options.epochs - averaged {
        for index in weights.indices { sum.weights[index] += weights[index] }
        for index in bias.indices { sum.bias[index] += bias[index] }
      }
    }
    if averaged > 1 {
      let scale = 1 / Float(averaged)
      weights = sum.weights.map { $0 * scale }
      bias = sum.bias.map { $0 * scale }
    }
  }

  /// The class probabilities for `vector`.
  func probabilities(_ vector: SparseVector) -> [Float] {
    var scores = [Float](repeating: 0, count: classCount)
    logits(vector, into: &scores)
    Self.softmax(&scores)
    return scores
  }

  /// How much feature `feature` pushes `label`'s logit, per unit of its weight.
  func weight(feature: Int, label: Int) -> Float {
    weights[feature * classCount + label]
  }

  /// Eight classes at a time: the compiler leaves the plain loop scalar, and a line's word
  /// vectors add a row per dimension to it. The same multiply, then add, lane by lane, as the
  /// plain loop: the scores are the same to the bit.
  private func logits(_ vector: SparseVector, into scores: inout [Float]) {
    let classes = classCount
    let wide = classes - classes % 8
    let stride = MemoryLayout<Float>.stride
    weights.withUnsafeBufferPointer { weights in
      scores.withUnsafeMutableBufferPointer { scores in
        for label in 0..<classes { scores[label] = bias[label] }
        guard let allWeights = weights.baseAddress, let allScores = scores.baseAddress else { return }
        let target = UnsafeMutableRawPointer(allScores)
        for (feature, value) in zip(vector.ids, vector.values) {
          let row = Int(feature) * classes
          let source = UnsafeRawPointer(allWeights + row)
          var label = 0
          while label < wide {
            let offset = label * stride
            let sum =
              target.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
              + value * source.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            target.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
            label += 8
          }
          while label < classes {
            scores[label] += value * weights[row + label]
            label += 1
          }
        }
      }
    }
  }

  /// One gradient step on the rows of `vector`'s features. Once training has found its
  /// way most classes' probabilities are near zero and so are their gradients: only the
  /// classes that matter are touched, which makes later epochs several times cheaper.
  private mutating func update(_ vector: SparseVector, gradient: [Float], rate: Float, penalty: Float) {
    let classes = classCount
    let keep = 1 - rate * penalty
    let active = gradient.indices.filter { abs(gradient[$0]) >= 1e-4 }
    weights.withUnsafeMutableBufferPointer { weights in
      gradient.withUnsafeBufferPointer { gradient in
        for (feature, value) in zip(vector.ids, vector.values) {
          let row = Int(feature) * classes
          let scale = rate * value
          if active.count * 4 > classes {
            Self.step(weights, row: row, gradient: gradient, keep: keep, scale: scale)
          } else {
            for label in active {
              weights[row + label] = weights[row + label] * keep - scale * gradient[label]
            }
          }
        }
      }
    }
    for label in active { bias[label] -= rate * gradient[label] }
  }

  /// `row`'s weights for every class, times `keep`, less `scale` times the gradient: eight
  /// classes at a time. The compiler leaves this loop scalar, and a line's meaning features
  /// (one per dimension of its word vectors) make it most of training. The same multiplies
  /// and subtraction, lane by lane, as one class at a time: the weights are the same to the bit.
  private static func step(
    _ weights: UnsafeMutableBufferPointer<Float>, row: Int, gradient: UnsafeBufferPointer<Float>, keep: Float,
    scale: Float
  ) {
    let classes = gradient.count
    let wide = classes - classes % 8
    guard let allWeights = weights.baseAddress, let allGradient = gradient.baseAddress else { return }
    let target = UnsafeMutableRawPointer(allWeights + row)
    let source = UnsafeRawPointer(allGradient)
    let stride = MemoryLayout<Float>.stride
    var label = 0
    while label < wide {
      let offset = label * stride
      let old = target.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      let change = source.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      target.storeBytes(of: old * keep - scale * change, toByteOffset: offset, as: SIMD8<Float>.self)
      label += 8
    }
    while label < classes {
      weights[row + label] = weights[row + label] * keep - scale * gradient[label]
      label += 1
    }
  }

  private static func softmax(_ scores: inout [Float]) {
    guard let top = scores.max() else { return }
    var total: Float = 0
    for index in scores.indices {
      scores[index] = expf(scores[index] - top)
      total += scores[index]
    }
    for index in scores.indices { scores[index] /= total }
  }
}

/// Feature numbers in ascending order with their weights; unit length once normalized.
struct SparseVector: Sendable, Equatable {
  var ids: [Int32] = []
  var values: [Float] = []

  /// Where feature `id` is, if the vector has it.
  func position(of id: Int32) -> Int? {
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle] < id { low = middle + 1 } else { high = middle }
    }
    return low < ids.count && ids[low] == id ? low : nil
  }

  /// The dot product with another vector, both in ascending feature order.
  func dot(_ other: SparseVector) -> Float {
    var total: Float = 0
    var left = 0
    var right = 0
    while left < ids.count && right < other.ids.count {
      if ids[left] == other.ids[right] {
        total += values[left] * other.values[right]
        left += 1
        right += 1
      } else if ids[left] < other.ids[right] {
        left += 1
      } else {
        right += 1
      }
    }
    return total
  }
}

extension SoftmaxClassifier {
  func write(to writer: inout SnapshotWriter) {
    writer.integer(classCount)
    writer.floats(weights)
    writer.floats(bias)
  }

  /// Reads what `write` wrote, for `featureCount` features.
  init(from reader: inout SnapshotReader, featureCount: Int) throws {
    let classCount = try reader.integer()
    let weights = try reader.floats()
    let bias = try reader.floats()
    guard classCount > 0, bias.count == classCount, weights.count == featureCount * classCount else {
      throw SnapshotReader.Damaged()
    }
    self.init(classCount: classCount, weights: weights, bias: bias)
  }
}
