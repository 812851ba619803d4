import BatonModel
internal import GRDB

extension Workspace {
  /// Every team, in name order.
  public func teams() throws -> [Team] {
    try read { db in try db.rows(Self.teamSelect + " ORDER BY t.name", [], Self.team) }
  }

  /// Every person, in name order.
  public func people() throws -> [Person] {
    try read { db in try db.rows("SELECT * FROM person ORDER BY name", [], Self.person).compactMap { $0 } }
  }

  /// Every metric's definition, in name order.
  public func metrics() throws -> [MetricDefinition] {
    try read { db in try db.rows("SELECT * FROM metric ORDER BY name", [], Self.metric) }
  }

  static let teamSelect = "SELECT t.*, p.name AS lead_name FROM team t LEFT JOIN person p ON p.handle = t.lead_handle"

  static func team(_ row: ResultRow) throws -> Team {
    Team(
      id: try row["id"], name: try row["name"], lead: try row["lead_name"], reportsTo: try row["reports_to"],
      serves: try row["serves"], focus: try row["focus"], scope: try row["scope"],
      governsCrossTeamRules: try row["governs_cross_team"])
  }

  static func metric(_ row: ResultRow) throws -> MetricDefinition {
    MetricDefinition(
      id: try row["id"], name: try row["name"], fullName: try row["full_name"],
      ownerTeam: try row["owner_team"], definition: try row["definition"], formula: try row["formula"])
  }
}
