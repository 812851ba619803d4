import Conversation

/// The side effects planned and waiting for `confirm`: each under a single-use token bound
/// to the actor and the plan, valid for `lifetime`. Tokens live in the server's memory
/// only: a restarted server knows none, and a plan must be asked for again.
struct ConfirmationTokens {
  struct Entry {
    var actor: String
    var pending: PendingConfirmation
    var expires: ContinuousClock.Instant
  }

  let lifetime: Duration
  private var entries: [String: Entry] = [:]
  private var generator = SystemRandomNumberGenerator()

  init(lifetime: Duration) { self.lifetime = lifetime }

  /// A new token for `pending`, planned for `actor`.
  mutating func issue(for pending: PendingConfirmation, actor: String, now: ContinuousClock.Instant) -> String {
    entries = entries.filter { $0.value.expires > now }
    let token = (0..<2).map { _ in
      let word = generator.next() as UInt64
      let hex = String(word, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
    entries[token] = Entry(actor: actor, pending: pending, expires: now.advanced(by: lifetime))
    return token
  }

  /// Why a token cannot be used.
  enum Refusal: Error, Equatable {
    case unknown
    case expired(PendingConfirmation)
    case otherActor(String, PendingConfirmation)
  }

  /// The side effect under `token`, which is used up whether or not it is then carried out.
  mutating func redeem(_ token: String, actor: String, now: ContinuousClock.Instant) -> Result<
    PendingConfirmation, Refusal
  > {
    guard let entry = entries.removeValue(forKey: token) else { return .failure(.unknown) }
    guard entry.expires > now else { return .failure(.expired(entry.pending)) }
    guard entry.actor == actor else { return .failure(.otherActor(entry.actor, entry.pending)) }
    return .success(entry.pending)
  }
}
