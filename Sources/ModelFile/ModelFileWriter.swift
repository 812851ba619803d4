import WorkspaceStore
import Yams

/// Writes an operating model as the YAML document `baton model export` prints: sections in
/// a fixed order, each thing's keys in a fixed order, values absent when unset, so two
/// exports of one model are the same bytes and a change reads as a small diff.
public enum ModelFileWriter {
  /// The version this baton writes and reads.
  public static let version = 1

  public static func text(_ model: OperatingModel) throws -> String {
    let company = fields([
      ("name", scalar(model.company.name)), ("currency", scalar(model.company.currency)),
      ("employees", model.company.employees.map { scalar(String($0)) }),
      ("default_user", model.company.defaultUser.map(scalar)),
    ])
    let signals = fields(
      model.decisionSignals.keys.sorted().map { ($0, list(model.decisionSignals[$0] ?? [])) })
    let root = fields([
      ("version", scalar(String(version))),
      ("company", company),
      ("decision_rule", scalar(model.decisionRule)),
      ("decision_signals", signals),
      ("ops_models", Node(model.opsModels.map(opsModel))),
      ("teams", Node(model.teams.map(team))),
      ("people", Node(model.people.map(person))),
      ("responsibilities", Node(model.responsibilities.map(responsibility))),
      ("stages", Node(model.stages.map(stage))),
      ("handoff_rules", Node(model.handoffRules.map(handoffRule))),
      ("metrics", Node(model.metrics.map(metric))),
      ("targets", fields(model.targets.keys.sorted().map { ($0, scalar(String(model.targets[$0] ?? 0))) })),
      ("routing_rules", Node(model.routingRules.map(routingRule))),
      ("deal_fields", Node(model.dealFields.map { fields([("key", scalar($0.key)), ("name", scalar($0.name))]) })),
    ])
    let header = """
      # The operating model of a baton workspace: teams, people, who owns what, the stages,
      # handoff rules, metrics, targets and lead routing. Change it and check the change with
      #   baton model apply FILE --dry-run
      # then apply it with `baton model apply FILE` (RevOps or admin; `baton model undo` reverses it).

      """
    return header + (try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true))
  }

  private static func scalar(_ text: String) -> Node { Node(text) }

  private static func list(_ items: [String]) -> Node { Node(items.map(scalar), .implicit, .flow) }

  /// A mapping of the pairs whose value is set, in the order given.
  private static func fields(_ pairs: [(String, Node?)]) -> Node {
    Node(pairs.compactMap { key, value in value.map { (scalar(key), $0) } })
  }

  private static func opsModel(_ item: OpsModel) -> Node {
    fields([
      ("up_to_employees", item.upToEmployees.map { scalar(String($0)) }),
      ("from_arr", item.fromARR.map { scalar(String($0)) }), ("model", scalar(item.model)), ("why", scalar(item.why)),
    ])
  }

  private static func team(_ team: OperatingModel.Team) -> Node {
    fields([
      ("id", scalar(team.id)), ("name", scalar(team.name)), ("lead", team.lead.map(scalar)),
      ("reports_to", team.reportsTo.map(scalar)), ("serves", team.serves.map(scalar)),
      ("focus", team.focus.map(scalar)), ("scope", team.scope.map(scalar)),
      ("governs_cross_team_rules", team.governsCrossTeamRules ? scalar("true") : nil),
      ("aliases", list(team.aliases)),
    ])
  }

  private static func person(_ person: OperatingModel.Person) -> Node {
    fields([
      ("handle", scalar(person.handle)), ("name", scalar(person.name)), ("team", person.team.map(scalar)),
      ("title", scalar(person.title)), ("role", scalar(person.role)),
      ("aliases", person.aliases.isEmpty ? nil : list(person.aliases)),
      ("logins", person.logins.isEmpty ? nil : list(person.logins)),
    ])
  }

  private static func responsibility(_ item: OperatingModel.Responsibility) -> Node {
    fields(
      [
        ("id", scalar(item.id)), ("name", scalar(item.name)), ("area", scalar(item.area)),
        ("sales_ops_owns", item.salesOpsOwns.map(scalar)), ("revops_governs", item.revopsGoverns.map(scalar)),
        ("aliases", list(item.aliases)),
      ]
        + OperatingModel.raciKeys.map { letter, key in
          (key, item.raci[letter].flatMap { $0.isEmpty ? nil : list($0.map(\.description)) })
        })
  }

  private static func stage(_ stage: OperatingModel.Stage) -> Node {
    let criteria = stage.exitCriteria.map { criterion in
      fields([("wording", scalar(criterion.wording)), (criterion.evidence.kind, scalar(criterion.evidence.key))])
    }
    return fields([
      ("id", scalar(stage.id)), ("name", scalar(stage.name)), ("kind", scalar(stage.kind)),
      ("probability", stage.probability.map { scalar(String($0)) }),
      ("forecast_category", stage.forecastCategory.map(scalar)),
      ("typical_days", stage.typicalDays.map { scalar(String($0)) }), ("definition", scalar(stage.definition)),
      ("aliases", list(stage.aliases)), ("exit_criteria", Node(criteria)),
    ])
  }

  private static func handoffRule(_ rule: OperatingModel.HandoffRule) -> Node {
    fields([
      ("id", scalar(rule.id)), ("name", scalar(rule.name)), ("from_team", scalar(rule.fromTeam)),
      ("to_team", scalar(rule.toTeam)), ("trigger_stage", scalar(rule.triggerStage)),
      ("required_fields", list(rule.requiredFields)), ("sla_hours", scalar(String(rule.slaHours))),
      ("acceptance_rule", scalar(rule.acceptanceRule)), ("aliases", list(rule.aliases)),
    ])
  }

  private static func metric(_ metric: OperatingModel.Metric) -> Node {
    fields([
      ("id", scalar(metric.id)), ("name", scalar(metric.name)), ("full_name", metric.fullName.map(scalar)),
      ("owner", metric.owner.map(scalar)), ("definition", scalar(metric.definition)),
      ("formula", scalar(metric.formula)), ("aliases", list(metric.aliases)),
    ])
  }

  private static func routingRule(_ rule: OperatingModel.RoutingRule) -> Node {
    fields([
      ("territory", scalar(rule.territory)), ("segment", rule.segment.map(scalar)), ("rep", scalar(rule.rep)),
      ("capacity", scalar(String(rule.capacity))),
    ])
  }
}
