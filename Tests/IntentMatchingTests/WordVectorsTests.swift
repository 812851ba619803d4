import BatonModel
import BatonTestSupport
import Foundation
import Testing

@testable import IntentMatching

/// The word vectors compiled into baton: words that mean alike are near, function words add
/// nothing, an unlisted word is read by its pieces, and a damaged table is refused.
@Suite(.tags(.fast)) struct WordVectorsTests {
  static func vector(_ word: String) throws -> [Float] {
    let vectors = try #require(WordVectors.builtIn)
    var sum = [Float](repeating: 0, count: vectors.dimensions)
    #expect(vectors.add(Array(word.utf8), to: &sum), "\(word)")
    return sum
  }

  static func cosine(_ left: [Float], _ right: [Float]) -> Float {
    let dot = zip(left, right).reduce(0) { $0 + $1.0 * $1.1 }
    let norms = (left.reduce(0) { $0 + $1 * $1 } * right.reduce(0) { $0 + $1 * $1 }).squareRoot()
    return norms > 0 ? dot / norms : 0
  }

  @Test func theBuiltInTableIsThere() throws {
    let vectors = try #require(WordVectors.builtIn)
    #expect(vectors.dimensions == 128)
  }

  @Test func wordsThatMeanAlikeAreNear() throws {
    let pairs = [
      ("vacation", "holiday", "invoice"), ("rescind", "cancel", "weather"), ("owner", "responsible", "banana"),
    ]
    for (word, alike, unlike) in pairs {
      let near = Self.cosine(try Self.vector(word), try Self.vector(alike))
      let far = Self.cosine(try Self.vector(word), try Self.vector(unlike))
      #expect(near > far + 0.2, "\(word): \(alike) \(near), \(unlike) \(far)")
    }
  }

  @Test func functionWordsAddNothing() throws {
    for word in ["the", "my", "is", "what"] {
      #expect(try Self.vector(word).allSatisfy { $0 == 0 }, "\(word)")
    }
  }

  /// "pto" and "playlist" are in no word list the table was made from: they are the mean
  /// of their pieces, which is still nearer their meaning than an unrelated word.
  @Test func aWordOutsideTheListIsReadByItsPieces() throws {
    let playlist = try Self.vector("playlists")
    #expect(playlist.contains { $0 != 0 })
    #expect(Self.cosine(playlist, try Self.vector("songs")) > Self.cosine(playlist, try Self.vector("mortgage")))
  }

  @Test func aWordOfNoKnownPiecesIsNotRead() throws {
    let vectors = try #require(WordVectors.builtIn)
    var sum = [Float](repeating: 0, count: vectors.dimensions)
    #expect(!vectors.add(Array("☃☃".utf8), to: &sum))
    #expect(sum.allSatisfy { $0 == 0 })
  }

  @Test func aDamagedTableIsRefused() {
    let good: [UInt8] =
      Array("BWV1".utf8) + [2, 0, 0, 0, 1, 0, 0, 0] + [0, 0, 0, 0, 1, 0, 0, 0] + [UInt8(ascii: "a")] + [127, 0]
    good.withUnsafeBytes { #expect(WordVectors(bytes: $0) != nil) }
    Array(good.dropLast()).withUnsafeBytes { #expect(WordVectors(bytes: $0) == nil) }
    (Array("BWV2".utf8) + good.dropFirst(4)).withUnsafeBytes { #expect(WordVectors(bytes: $0) == nil) }
    Array(good.prefix(10)).withUnsafeBytes { #expect(WordVectors(bytes: $0) == nil) }
  }

  /// What the vectors are for: a line that shares no word with an intent's examples, but
  /// means what they mean, is matched to it.
  @Test func aLineInOtherWordsFindsItsIntent() {
    let catalog = IntentCatalog.labelled([
      ("book a vacation for me", "travel"), ("i want to plan a trip", "travel"), ("find me flights", "travel"),
      ("what is the weather", "weather"), ("will it rain today", "weather"), ("how hot is it outside", "weather"),
      ("cancel my order", "cancel"), ("call off the purchase", "cancel"), ("stop my order", "cancel"),
    ])
    let matcher = IntentMatcher(catalog: catalog, names: [])
    let today = Day(ordinal: 20_000)
    for (line, intent) in [
      ("arrange a holiday", "travel"), ("is a storm coming", "weather"), ("rescind the purchase", "cancel"),
    ] {
      #expect(matcher.match(line, today: today).candidates.first?.intent == intent, "\(line)")
    }
  }
}
