import WorkspaceStore
import Yams

/// Each section of a model file, read into its part of the model.
extension ModelFields {
  mutating func model(_ mapping: Node.Mapping, root: Node) -> OperatingModel? {
    var company = OperatingModel.Company(name: "", currency: "USD", employees: nil, defaultUser: nil)
    if let node = mapping["company"],
      let fields = self.mapping(node, "`company`", keys: ["name", "currency", "employees", "default_user"])
    {
      company = OperatingModel.Company(
        name: text(fields, "name", in: node, required: false) ?? "",
        currency: text(fields, "currency", in: node) ?? "USD", employees: number(fields, "employees", in: node),
        defaultUser: text(fields, "default_user", in: node, required: false))
    } else if mapping["company"] == nil {
      error(at: root, "missing `company`")
    }
    var signals: [String: [String]] = [:]
    if let node = mapping["decision_signals"], case .mapping(let functions) = node {
      for (key, _) in functions {
        guard let name = key.string else { continue }
        signals[name] = words(functions, name)
      }
    } else if let node = mapping["decision_signals"] {
      error(at: node, "`decision_signals` maps each function to its words")
    }
    var targets: [String: Int64] = [:]
    if let node = mapping["targets"], case .mapping(let periods) = node {
      for (key, _) in periods {
        guard let period = key.string, let amount = number(periods, period, in: node, required: true) else { continue }
        targets[period] = Int64(amount)
      }
    } else if let node = mapping["targets"] {
      error(at: node, "`targets` maps each quarter (2026-Q4) to an amount")
    }
    let model = OperatingModel(
      company: company, decisionRule: text(mapping, "decision_rule", in: root, required: false) ?? "",
      decisionSignals: signals, opsModels: items(mapping, "ops_models").compactMap { opsModel($0) },
      teams: items(mapping, "teams").compactMap { team($0) },
      people: items(mapping, "people").compactMap { person($0) },
      responsibilities: items(mapping, "responsibilities").compactMap { responsibility($0) },
      stages: items(mapping, "stages").compactMap { stage($0) },
      handoffRules: items(mapping, "handoff_rules").compactMap { handoffRule($0) },
      metrics: items(mapping, "metrics").compactMap { metric($0) }, targets: targets,
      routingRules: items(mapping, "routing_rules").compactMap { routingRule($0) },
      dealFields: items(mapping, "deal_fields").compactMap { dealField($0) })
    return diagnostics.isEmpty ? model : nil
  }

  private mutating func opsModel(_ node: Node) -> OpsModel? {
    guard let fields = mapping(node, "an ops model", keys: ["up_to_employees", "from_arr", "model", "why"]),
      let model = text(fields, "model", in: node), let why = text(fields, "why", in: node)
    else { return nil }
    return OpsModel(
      upToEmployees: number(fields, "up_to_employees", in: node),
      fromARR: number(fields, "from_arr", in: node).map(Int64.init),
      model: model, why: why)
  }

  private mutating func team(_ node: Node) -> OperatingModel.Team? {
    let keys: Set<String> = [
      "id", "name", "lead", "reports_to", "serves", "focus", "scope", "governs_cross_team_rules", "aliases",
    ]
    guard let fields = mapping(node, "a team", keys: keys), let id = text(fields, "id", in: node),
      let name = text(fields, "name", in: node)
    else { return nil }
    return OperatingModel.Team(
      id: id, name: name, lead: text(fields, "lead", in: node, required: false),
      reportsTo: text(fields, "reports_to", in: node, required: false),
      serves: text(fields, "serves", in: node, required: false),
      focus: text(fields, "focus", in: node, required: false),
      scope: text(fields, "scope", in: node, required: false),
      governsCrossTeamRules: flag(fields, "governs_cross_team_rules"), aliases: words(fields, "aliases"))
  }

  private mutating func person(_ node: Node) -> OperatingModel.Person? {
    guard
      let fields = mapping(node, "a person", keys: ["handle", "name", "team", "title", "role", "aliases", "logins"]),
      let handle = text(fields, "handle", in: node), let name = text(fields, "name", in: node),
      let role = text(fields, "role", in: node)
    else { return nil }
    return OperatingModel.Person(
      handle: handle, name: name, team: text(fields, "team", in: node, required: false),
      title: text(fields, "title", in: node, required: false) ?? "", role: role, aliases: words(fields, "aliases"),
      logins: words(fields, "logins"))
  }

  private mutating func responsibility(_ node: Node) -> OperatingModel.Responsibility? {
    let keys: Set<String> = Set(["id", "name", "area", "sales_ops_owns", "revops_governs", "aliases"])
      .union(OperatingModel.raciKeys.map(\.key))
    guard let fields = mapping(node, "a responsibility", keys: keys), let id = text(fields, "id", in: node),
      let name = text(fields, "name", in: node)
    else { return nil }
    var raci: [String: [OperatingModel.Party]] = [:]
    for (letter, key) in OperatingModel.raciKeys {
      let parties = items(fields, key).compactMap { item -> OperatingModel.Party? in
        guard let text = item.string, let party = OperatingModel.Party(text) else {
          error(at: item, "a party is `team:ID` or `person:HANDLE`, not “\(item.string ?? "")”")
          return nil
        }
        return party
      }
      if !parties.isEmpty { raci[letter] = parties }
    }
    return OperatingModel.Responsibility(
      id: id, name: name, area: text(fields, "area", in: node, required: false) ?? "",
      salesOpsOwns: text(fields, "sales_ops_owns", in: node, required: false),
      revopsGoverns: text(fields, "revops_governs", in: node, required: false), aliases: words(fields, "aliases"),
      raci: raci)
  }

  private mutating func stage(_ node: Node) -> OperatingModel.Stage? {
    let keys: Set<String> = [
      "id", "name", "kind", "probability", "forecast_category", "typical_days", "definition", "aliases",
      "exit_criteria",
    ]
    guard let fields = mapping(node, "a stage", keys: keys), let id = text(fields, "id", in: node),
      let name = text(fields, "name", in: node), let kind = text(fields, "kind", in: node)
    else { return nil }
    let criteria = items(fields, "exit_criteria").compactMap { item -> OperatingModel.Criterion? in
      let evidenceKeys = OperatingModel.Evidence.kinds
      guard let criterion = mapping(item, "an exit criterion", keys: Set(["wording"] + evidenceKeys)),
        let wording = text(criterion, "wording", in: item)
      else { return nil }
      let named = evidenceKeys.filter { criterion[$0] != nil }
      guard named.count == 1, let kind = named.first, let key = text(criterion, kind, in: item) else {
        error(
          at: item, "an exit criterion names one piece of evidence it checks",
          notes: ["one of `field: KEY`, `document: KEY` or `contact_role: KEY`"])
        return nil
      }
      return OperatingModel.Criterion(wording: wording, evidence: OperatingModel.Evidence(kind: kind, key: key))
    }
    return OperatingModel.Stage(
      id: id, name: name, kind: kind, probability: number(fields, "probability", in: node),
      forecastCategory: text(fields, "forecast_category", in: node, required: false),
      typicalDays: number(fields, "typical_days", in: node),
      definition: text(fields, "definition", in: node, required: false) ?? "", aliases: words(fields, "aliases"),
      exitCriteria: criteria)
  }

  private mutating func handoffRule(_ node: Node) -> OperatingModel.HandoffRule? {
    let keys: Set<String> = [
      "id", "name", "from_team", "to_team", "trigger_stage", "required_fields", "sla_hours", "acceptance_rule",
      "aliases",
    ]
    guard let fields = mapping(node, "a handoff rule", keys: keys), let id = text(fields, "id", in: node),
      let name = text(fields, "name", in: node), let from = text(fields, "from_team", in: node),
      let to = text(fields, "to_team", in: node), let trigger = text(fields, "trigger_stage", in: node),
      let sla = number(fields, "sla_hours", in: node, required: true)
    else { return nil }
    return OperatingModel.HandoffRule(
      id: id, name: name, fromTeam: from, toTeam: to, triggerStage: trigger,
      requiredFields: words(fields, "required_fields"), slaHours: sla,
      acceptanceRule: text(fields, "acceptance_rule", in: node, required: false) ?? "",
      aliases: words(fields, "aliases"))
  }

  private mutating func metric(_ node: Node) -> OperatingModel.Metric? {
    let keys: Set<String> = ["id", "name", "full_name", "owner", "definition", "formula", "aliases"]
    guard let fields = mapping(node, "a metric", keys: keys), let id = text(fields, "id", in: node),
      let name = text(fields, "name", in: node), let definition = text(fields, "definition", in: node)
    else { return nil }
    return OperatingModel.Metric(
      id: id, name: name, fullName: text(fields, "full_name", in: node, required: false),
      owner: text(fields, "owner", in: node, required: false), definition: definition,
      formula: text(fields, "formula", in: node, required: false) ?? "", aliases: words(fields, "aliases"))
  }

  private mutating func dealField(_ node: Node) -> OperatingModel.DealField? {
    guard let fields = mapping(node, "a deal field", keys: ["key", "name"]), let key = text(fields, "key", in: node),
      let name = text(fields, "name", in: node)
    else { return nil }
    return OperatingModel.DealField(key: key, name: name)
  }

  private mutating func routingRule(_ node: Node) -> OperatingModel.RoutingRule? {
    guard let fields = mapping(node, "a routing rule", keys: ["territory", "segment", "rep", "capacity"]),
      let territory = text(fields, "territory", in: node), let rep = text(fields, "rep", in: node)
    else { return nil }
    return OperatingModel.RoutingRule(
      territory: territory, segment: text(fields, "segment", in: node, required: false), rep: rep,
      capacity: number(fields, "capacity", in: node) ?? 15)
  }
}
