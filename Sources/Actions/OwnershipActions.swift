import BatonModel
import WorkspaceStore

/// Who owns what: one responsibility's RACI, what a team or person holds, the whole matrix.
enum OwnershipActions {
  /// `ownership.who`: accountable and responsible first, then consulted and informed, with
  /// the Sales Ops owns / RevOps governs split where it applies; or one RACI role if asked.
  static let who: ActionHandler = { request, workspace in
    guard let id = request.key("responsibility") else { return Replies.missing("responsibility") }
    guard let item = try workspace.responsibility(id: id) else {
      return Replies.notFound("responsibility '\(id)'")
    }
    let data = request.data { json(item) }
    if let letter = request.key("raci"), let role = RACIRole(rawValue: letter) {
      let parties = item.parties(role)
      let text =
        parties.isEmpty
        ? "No one is \(role.word) for \(item.name.lowercased()) in the workspace."
        : "\(role.word.capitalizedFirst) \(role == .consulted || role == .informed ? "on" : "for") \(item.name.lowercased()): \(Replies.list(parties.map(short)))."
      return Reply(kind: .answer, text: text, data: data)
    }
    return Reply(kind: .answer, text: sentence(item), data: data)
  }

  /// `ownership.of`: what a team or a person holds, grouped by RACI letter.
  static let of: ActionHandler = { request, workspace in
    let entries: [OwnershipEntry]
    let name: String
    if let team = request.key("team") {
      entries = try workspace.ownership(ofTeam: team)
      name = request.slots["team"]?.value.display ?? team
    } else if request.key("person") != nil {
      // "what is on my plate": the actor's.
      switch try Lookup.person("person", request, workspace) {
      case .found(let person):
        entries = try workspace.ownership(ofPerson: person.handle)
        name = person.name
      case .refused(let reply): return reply
      }
    } else {
      return Replies.missing("team or person")
    }
    let only = request.key("raci").flatMap(RACIRole.init(rawValue:))
    let roles: [RACIRole] = only.map { [$0] } ?? [.accountable, .responsible, .consulted, .informed]
    var lines: [String] = []
    var data: [String: JSONValue] = ["party": .string(name)]
    for role in roles {
      let held = entries.filter { $0.role == role }
      data[role.word] = .array(held.map { .string($0.responsibility) })
      guard !held.isEmpty else { continue }
      let items = held.map { entry in
        entry.via.map { "\(entry.responsibility) (as \($0) lead)" } ?? entry.responsibility
      }
      let verb = role == .consulted || role == .informed ? "\(role.word) on" : "\(role.word) for"
      lines.append("\(verb.capitalizedFirst): \(items.joined(separator: "; ")).")
    }
    if lines.isEmpty {
      let what = only.map { "\($0.word) " } ?? "named "
      return Reply(kind: .answer, text: "\(name) is not \(what)in the ownership matrix.", data: .object(data))
    }
    return Reply(
      kind: .answer, text: "\(name):\n" + lines.map { "  " + $0 }.joined(separator: "\n"), data: .object(data))
  }

  /// `ownership.matrix`: the RACI table, whole or for one responsibility.
  static let matrix: ActionHandler = { request, workspace in
    let items: [Responsibility]
    if let id = request.key("responsibility") {
      guard let item = try workspace.responsibility(id: id) else {
        return Replies.notFound("responsibility '\(id)'")
      }
      items = [item]
    } else {
      items = try workspace.responsibilities()
    }
    guard !items.isEmpty else {
      return Reply(kind: .answer, text: "The workspace has no responsibilities yet.", data: ["rows": []])
    }
    let rows = items.map { item in
      [item.name]
        + [RACIRole.accountable, .responsible, .consulted, .informed].map { role in
          item.parties(role).map(\.name).joined(separator: ", ")
        }
    }
    let table = Table(header: ["Responsibility", "Accountable", "Responsible", "Consulted", "Informed"], rows: rows)
    return Reply(kind: .table, blocks: [.table(table)], data: ["rows": .array(items.map(json))])
  }

  /// "RevOps (Jordan)" or "VP Sales (Taylor)".
  static func short(_ party: Party) -> String {
    switch party.kind {
    case .team:
      return party.detail.map { "\(party.name) (\(firstName($0)))" } ?? party.name
    case .person:
      return party.detail.map { "\($0) (\(firstName(party.name)))" } ?? party.name
    }
  }

  /// The first word of a name. Found by bytes: a space is one byte, so the bytes between
  /// spaces end on character boundaries, where splitting by characters would walk every one
  /// of them through Unicode's grapheme rules.
  private static func firstName(_ name: String) -> String {
    let space = UInt8(ascii: " ")
    let bytes = name.utf8
    guard let start = bytes.firstIndex(where: { $0 != space }) else { return name }
    return String(name[start..<(bytes[start...].firstIndex(of: space) ?? bytes.endIndex)])
  }

  /// "Stage exit criteria: governed by RevOps (Jordan, accountable); Sales Ops (Priya,
  /// responsible) owns rep behaviour and manager inspection; VP Sales (Taylor) consulted;
  /// CRO (Morgan) informed."
  static func sentence(_ item: Responsibility) -> String {
    let accountable = item.parties(.accountable)
    let responsible = item.parties(.responsible).filter { !accountable.contains($0) }
    var parts: [String] = []
    let governed = accountable.contains { $0.id == "revops" } && item.revopsGoverns != nil
    if accountable.isEmpty {
      parts.append("no one is accountable in the workspace")
    } else {
      let roleWord =
        item.parties(.responsible).contains(where: accountable.contains)
        ? "accountable and responsible" : "accountable"
      let names = accountable.map { withRole(short($0), roleWord) }
      parts.append((governed ? "governed by " : "owned by ") + Replies.list(names))
    }
    // What Sales Ops owns is said of Sales Ops alone, after the others responsible.
    let salesOps = item.salesOpsOwns == nil ? nil : responsible.first { $0.id == "sales-ops" }
    let others = responsible.filter { $0.id != salesOps?.id }
    if !others.isEmpty { parts.append(Replies.list(others.map { withRole(short($0), "responsible") })) }
    if let salesOps, let owns = item.salesOpsOwns {
      parts.append("\(withRole(short(salesOps), "responsible")) owns \(owns)")
    }
    let consulted = item.parties(.consulted)
    if !consulted.isEmpty { parts.append("\(Replies.list(consulted.map(short))) consulted") }
    let informed = item.parties(.informed)
    if !informed.isEmpty { parts.append("\(Replies.list(informed.map(short))) informed") }
    return "\(item.name): \(parts.joined(separator: "; "))."
  }

  /// "RevOps (Jordan)" + "accountable" → "RevOps (Jordan, accountable)".
  private static func withRole(_ text: String, _ role: String) -> String {
    text.hasSuffix(")") ? String(text.dropLast()) + ", \(role))" : "\(text) (\(role))"
  }

  static func json(_ item: Responsibility) -> JSONValue {
    var object: [String: JSONValue] = [
      "id": .string(item.id), "name": .string(item.name), "area": .string(item.area),
    ]
    for role in RACIRole.allCases {
      object[role.word] = .array(
        item.parties(role).map { party in
          ["kind": .string(party.kind.rawValue), "id": .string(party.id), "name": .string(party.name)]
        })
    }
    if let owns = item.salesOpsOwns { object["sales_ops_owns"] = .string(owns) }
    if let governs = item.revopsGoverns { object["revops_governs"] = .string(governs) }
    return .object(object)
  }
}

extension String {
  /// The string with its first letter upper-cased.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
