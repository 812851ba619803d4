import BatonModel

/// The summaries' statements where PostgreSQL wants them said otherwise than SQLite.
/// SQLite's are shaped for its planner: the open stages joined from `stage` (a list of ids
/// in the query becomes a temporary table first), a group's figures sought pair by pair in
/// its covering index, the largest deals picked in Swift (its sorter costs more than reading
/// the pairs). PostgreSQL estimates a grouping well only when it sees the stage ids
/// themselves, then aggregates in parallel; and it sorts a top five on the server at once,
/// where reading every pair across the network costs more than the sort. Measured on a
/// million deals in docs/PERFORMANCE.md.
enum ServerSummaries {
  private static func marks(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }

  /// The open deals' count and amount by stage, of the open stages `stages`.
  static func openByStage(_ stages: [String]) -> (sql: String, arguments: SQLArguments) {
    (
      """
      SELECT stage_id, count(*), coalesce(sum(amount), 0) FROM deal
      WHERE stage_id IN (\(marks(stages.count))) GROUP BY stage_id
      """, SQLArguments(stages)
    )
  }

  /// The open deals' count (`n`) and amount by `column` (`owner_id` or `account_id`) and
  /// `stage`: the pipeline's rows by owner or account, each pair that has deals.
  static func openByColumn(_ column: String, _ stages: [String]) -> (sql: String, arguments: SQLArguments) {
    (
      """
      SELECT \(column), stage_id AS stage, count(*) AS n, coalesce(sum(amount), 0) AS amount FROM deal
      WHERE stage_id IN (\(marks(stages.count))) GROUP BY \(column), stage_id
      """, SQLArguments(stages)
    )
  }

  /// The `limit` largest deals of `stages` closing in `period`, of `owner` or everyone's, as
  /// (id, amount): larger amount first, then the lower number, no amount last.
  static func largest(
    _ stages: [String], in period: Period, owner: Int64?, limit: Int
  ) -> (sql: String, arguments: SQLArguments) {
    (
      """
      SELECT id, amount FROM deal
      WHERE stage_id IN (\(marks(stages.count))) AND close_date BETWEEN ? AND ?
        AND (CAST(? AS BIGINT) IS NULL OR owner_id = ?)
      ORDER BY amount DESC NULLS LAST, id LIMIT ?
      """, SQLArguments(stages) + [period.start.iso, period.end.iso, owner, owner, limit]
    )
  }
}
