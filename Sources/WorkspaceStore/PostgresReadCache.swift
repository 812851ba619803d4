/// The answers a session's reads had from a shared workspace's server, by statement and
/// values, kept until the workspace changes: every table's statement trigger announces a
/// change on `PostgresSchema.changesChannel` as it commits (`PostgresSchema.changeNotices`),
/// and the session empties this before a read that follows a notice, and after a change
/// of its own. A question asked again, or one whose definitions were read by the last,
/// then costs the server nothing.
///
/// Only reads fill it and only reads use it: a change always reads the rows it checks from
/// the server, in its own serializable transaction.
struct PostgresReadCache {
  private struct Key: Hashable {
    let sql: String
    let values: [SQLValue]
  }

  /// Past this many answers the cache starts again, so a session that asks many different
  /// things keeps a bounded memory.
  static let maxAnswers = 4_096
  /// An answer longer than this is not kept: a list of thousands of deals is read again.
  static let maxRows = 1_000

  private var answers: [Key: PostgresResult] = [:]

  func answer(_ sql: String, _ values: [SQLValue]) -> PostgresResult? {
    answers[Key(sql: sql, values: values)]
  }

  mutating func keep(_ result: PostgresResult, for sql: String, _ values: [SQLValue]) {
    guard result.rows.count <= Self.maxRows else { return }
    if answers.count >= Self.maxAnswers { answers.removeAll(keepingCapacity: true) }
    answers[Key(sql: sql, values: values)] = result
  }

  mutating func empty() {
    answers.removeAll(keepingCapacity: true)
  }

  var count: Int { answers.count }
}
