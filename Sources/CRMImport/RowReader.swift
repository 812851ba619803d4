import BatonModel
import Foundation
import WorkspaceStore

/// Turns one CSV row into a record to import, or the reason it cannot be taken.
struct RowReader {
  let plan: ColumnPlan
  let width: Int
  let stages: StageResolver
  /// Stage id → kind (won, lost, …), to know which deals are closed.
  let stageKinds: [String: String]
  /// The highest role a row may give: the importer's own. No one grants a role above their
  /// own, so an ops user cannot make anyone (themselves included) revops or admin.
  var grantsUpTo: Role = .admin

  /// A field's text, trimmed; nil when the column is absent or the cell empty.
  private func value(_ field: String, _ fields: [String]) -> String? {
    guard let index = plan.columns[field], index < fields.count else { return nil }
    let text = fields[index].trimmed
    return text.isEmpty ? nil : String(text)
  }

  /// A problem common to every kind: a row cut short or run long, or a cell too long to be
  /// a name (a pasted document, a broken quote).
  private func shapeProblem(_ fields: [String]) -> String? {
    if fields.count < width || fields[width...].contains(where: { !$0.isEmpty }) {
      return "the row has \(fields.count) fields and the header \(width) (a stray comma or quote?)"
    }
    if let long = fields.firstIndex(where: { $0.utf8.count > 1_000 }) {
      return "field \(long + 1) is longer than 1,000 characters"
    }
    return nil
  }

  func deal(line: Int, _ fields: [String]) -> Result<ImportedDeal, RowProblem> {
    func problem(_ reason: String) -> Result<ImportedDeal, RowProblem> {
      .failure(RowProblem(line: line, reason: reason))
    }
    if let shape = shapeProblem(fields) { return problem(shape) }
    guard let crmID = value("crm_id", fields) else { return problem("no CRM id") }
    guard let stageText = value("stage", fields) else { return problem("no stage") }
    guard let stage = stages.stage(for: stageText) else {
      return problem(
        "unknown stage \"\(stageText)\" (map it with --stage-map \"\(stageText)=STAGE\"; stages: \(stages.known.joined(separator: ", ")))"
      )
    }
    var amount: Int64?
    if let text = value("amount", fields) {
      guard let parsed = FieldValues.money(text) else { return problem("amount \"\(text)\" is not an amount") }
      guard parsed <= Money.largest else { return problem("amount \"\(text)\" is more than a deal can be") }
      amount = parsed
    }
    var dates: [String: Day] = [:]
    for field in ["close_date", "created_date"] {
      guard let text = value(field, fields) else { continue }
      guard let day = FieldValues.day(text) else {
        return problem("\(field.replacingOccurrences(of: "_", with: " ")) \"\(text)\" is not a date")
      }
      dates[field] = day
    }
    let kind = stageKinds[stage]
    if kind == "won" || kind == "lost", dates["close_date"] == nil {
      return problem("a closed deal needs a close date")
    }
    if kind == "won", amount == nil { return problem("a won deal needs an amount") }
    let account = value("account", fields)
    let name = value("name", fields) ?? [account, crmID].compactMap { $0 }.joined(separator: " ")
    return .success(
      ImportedDeal(
        line: line, crmID: crmID, name: name, account: account, owner: value("owner", fields), stage: stage,
        amount: amount, closeDate: dates["close_date"], createdDate: dates["created_date"]))
  }

  func account(line: Int, _ fields: [String]) -> Result<ImportedAccount, RowProblem> {
    if let shape = shapeProblem(fields) { return .failure(RowProblem(line: line, reason: shape)) }
    guard let name = value("name", fields) else { return .failure(RowProblem(line: line, reason: "no name")) }
    var employees: Int?
    if let text = value("employees", fields) {
      guard let count = FieldValues.integer(text) else {
        return .failure(RowProblem(line: line, reason: "employees \"\(text)\" is not a whole number"))
      }
      employees = count
    }
    return .success(
      ImportedAccount(
        line: line, name: name, segment: value("segment", fields), territory: value("territory", fields),
        employees: employees, owner: value("owner", fields), csm: value("csm", fields)))
  }

  func person(line: Int, _ fields: [String]) -> Result<ImportedPerson, RowProblem> {
    if let shape = shapeProblem(fields) { return .failure(RowProblem(line: line, reason: shape)) }
    let joined = [value("first_name", fields), value("last_name", fields)].compactMap { $0 }.joined(separator: " ")
    guard let name = value("name", fields) ?? (joined.isEmpty ? nil : joined) else {
      return .failure(RowProblem(line: line, reason: "no name"))
    }
    var role: Role?
    if let text = value("role", fields) {
      guard let parsed = Role(rawValue: text.lowercased()) else {
        let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
        return .failure(RowProblem(line: line, reason: "role \"\(text)\" is not one of \(roles)"))
      }
      guard parsed <= grantsUpTo else {
        return .failure(
          RowProblem(
            line: line,
            reason:
              "role \"\(parsed.rawValue)\" is above the importer's own (\(grantsUpTo.rawValue)); only \(parsed.rawValue) or admin grants it"
          ))
      }
      role = parsed
    }
    let email = value("email", fields)
    let handle = value("handle", fields) ?? email.flatMap { $0.split(separator: "@").first.map(String.init) }
    return .success(
      ImportedPerson(
        line: line, name: name, handle: handle?.lowercased(), title: value("title", fields),
        team: value("team", fields), role: role))
  }
}
