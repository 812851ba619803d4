import BatonModel

extension DemoCompany {
  /// The demo company's operating model, with targets for the quarters around `today`; the
  /// starter model is its lifecycle, metrics, handoff rules, decision rule and RACI by team,
  /// with one administrator and no people, names or targets of the demo's own.
  func model(today: Day, starter: Bool) -> OperatingModel {
    let quarter = today.quarter
    let people =
      starter
      ? [
        OperatingModel.Person(handle: "admin", name: "Administrator", team: nil, title: "Administrator", role: "admin")
      ]
      : self.people.map {
        OperatingModel.Person(
          handle: $0.handle, name: $0.name, team: $0.team, title: $0.title, role: $0.role, aliases: $0.aliases ?? [])
      }
    return OperatingModel(
      company: OperatingModel.Company(
        name: starter ? "" : company.name, currency: company.currency, employees: starter ? nil : company.employees,
        defaultUser: starter ? "admin" : company.defaultUser),
      decisionRule: company.decisionRule, decisionSignals: decisionSignals, opsModels: opsModels,
      teams: teams.map {
        OperatingModel.Team(
          id: $0.id, name: $0.name, lead: starter ? nil : $0.lead, reportsTo: $0.reportsTo, serves: $0.serves,
          focus: $0.focus, scope: $0.scope, governsCrossTeamRules: $0.governsCrossTeamRules ?? false,
          aliases: $0.aliases)
      },
      people: people,
      responsibilities: responsibilities.map { item in
        var raci: [String: [OperatingModel.Party]] = [:]
        for (letter, parties) in item.raci {
          // The starter names teams only: a person is the demo company's.
          let kept = parties.compactMap(OperatingModel.Party.init).filter { !(starter && $0.kind == .person) }
          if !kept.isEmpty { raci[letter] = kept }
        }
        return OperatingModel.Responsibility(
          id: item.id, name: item.name, area: item.area, salesOpsOwns: item.salesOpsOwns,
          revopsGoverns: item.revopsGoverns, aliases: item.aliases, raci: raci)
      },
      stages: stages.map { stage in
        OperatingModel.Stage(
          id: stage.id, name: stage.name, kind: stage.kind, probability: stage.probability,
          forecastCategory: stage.forecastCategory, typicalDays: stage.typicalDays, definition: stage.definition,
          aliases: stage.aliases,
          exitCriteria: stage.exitCriteria.map {
            OperatingModel.Criterion(
              wording: $0.wording, evidence: OperatingModel.Evidence(kind: $0.evidence.kind, key: $0.evidence.key))
          })
      },
      handoffRules: handoffRules.map {
        OperatingModel.HandoffRule(
          id: $0.id, name: $0.name, fromTeam: $0.fromTeam, toTeam: $0.toTeam, triggerStage: $0.triggerStage,
          requiredFields: $0.requiredFields, slaHours: $0.slaHours, acceptanceRule: $0.acceptanceRule,
          aliases: $0.aliases)
      },
      metrics: metrics.map {
        OperatingModel.Metric(
          id: $0.id, name: $0.name, fullName: $0.fullName, owner: $0.owner, definition: $0.definition,
          formula: $0.formula, aliases: $0.aliases)
      },
      targets: starter
        ? [:]
        : [
          quarter.previous.key: Int64(quarterTargets.previous), quarter.key: Int64(quarterTargets.current),
          quarter.next.key: Int64(quarterTargets.next),
        ],
      routingRules: starter
        ? []
        : territoryReps.keys.sorted().flatMap { territory in
          (territoryReps[territory] ?? []).map {
            OperatingModel.RoutingRule(territory: territory, rep: $0, capacity: 12)
          }
        })
  }
}
