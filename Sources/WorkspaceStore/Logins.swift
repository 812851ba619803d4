import BatonModel

/// The logins that act as people on a shared workspace: a row of `login` each, and on a
/// server the login's membership of its person's role's group (`PostgresRoles`), changed
/// together in the caller's transaction. On a workspace file the rows are kept (a model file
/// carries them) and mean nothing: a file's user says who they are.
enum Logins {
  /// Maps `login` to the person `handle` (in place of any earlier mapping) and makes it a
  /// member of `role`'s group alone.
  ///
  /// - Throws: `ChangeConflict` when the server has no such login.
  static func map(_ login: String, to handle: String, role: Role?, _ db: Executor) throws {
    try requireOnServer(login, db)
    try db.execute(
      """
      INSERT INTO login (name, person_id) SELECT ?, id FROM person WHERE handle = ?
      ON CONFLICT (name) DO UPDATE SET person_id = excluded.person_id
      """, [login, handle])
    try grant(role, to: login, db)
  }

  /// Takes `login`'s mapping and its group away.
  static func unmap(_ login: String, _ db: Executor) throws {
    try db.execute("DELETE FROM login WHERE name = ?", [login])
    try grant(nil, to: login, db)
  }

  /// Makes `login` a member of `role`'s group alone (of none for nil), on a server: the
  /// groups the workspace was made with, whatever the database is called now.
  static func grant(_ role: Role?, to login: String, _ db: Executor) throws {
    guard case .postgres(let session) = db.backend else { return }
    let database = try Workspace.rolesDatabase(db) ?? session.location.database
    for statement in PostgresRoles.grant(role, to: login, database: database) {
      try db.execute(statement)
    }
  }

  /// Refuses a login the server does not have, saying who makes one.
  static func requireOnServer(_ login: String, _ db: Executor) throws {
    guard case .postgres = db.backend else { return }
    guard try db.value("SELECT 1 FROM pg_roles WHERE rolname = ?", [login]) as Int? != nil else {
      throw ChangeConflict(
        "there is no login \(login) on the server; a database admin makes it first (CREATE ROLE \(login) LOGIN)")
    }
  }

  /// Writes the logins `new` gives people where they differ from `old`'s: a login taken
  /// away loses its group, and a login whose person or person's role changed is granted
  /// the group it has now.
  static func write(_ db: Executor, from old: OperatingModel, to new: OperatingModel) throws {
    let before = holders(old)
    let after = holders(new)
    guard before != after else { return }
    for login in before.keys.sorted() where after[login] == nil {
      try unmap(login, db)
    }
    for (login, holder) in after.sorted(by: { $0.key < $1.key }) where before[login] != holder {
      try map(login, to: holder.handle, role: Role(rawValue: holder.role), db)
    }
  }

  struct Holder: Equatable {
    let handle: String
    let role: String
  }

  static func holders(_ model: OperatingModel) -> [String: Holder] {
    var holders: [String: Holder] = [:]
    for person in model.people {
      for login in person.logins { holders[login] = Holder(handle: person.handle, role: person.role) }
    }
    return holders
  }
}

extension OperatingModel {
  /// Whether any person in the model has a login: a model file that names none leaves the
  /// workspace's logins as they are.
  public var namesLogins: Bool { people.contains { !$0.logins.isEmpty } }

  /// What applying `new` over this model changes of who each login acts as, and with what
  /// role ("sam.carter: sam (rep) → (none)"), in login order: granting a role is an
  /// admin's. A `new` that names no logins changes none, as `Workspace.applyModel` reads
  /// it, unless `exactly` (an undo puts back the model it holds, logins and all).
  public func loginChanges(to new: OperatingModel, exactly: Bool = false) -> [String] {
    let new = exactly || new.namesLogins ? new : new.keepingLogins(of: self)
    let before = Logins.holders(self)
    let after = Logins.holders(new)
    let describe = { (holder: Logins.Holder?) in holder.map { "\($0.handle) (\($0.role))" } ?? "(none)" }
    return Set(before.keys).union(after.keys).sorted().compactMap { login in
      before[login] == after[login] ? nil : "\(login): \(describe(before[login])) → \(describe(after[login]))"
    }
  }

  /// This model with the logins `current` gives its people (by handle).
  func keepingLogins(of current: OperatingModel) -> OperatingModel {
    let logins = Dictionary(current.people.map { ($0.handle, $0.logins) }, uniquingKeysWith: { first, _ in first })
    var model = self
    for index in model.people.indices { model.people[index].logins = logins[model.people[index].handle] ?? [] }
    return model
  }
}
