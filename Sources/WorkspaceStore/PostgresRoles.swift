import BatonModel
import Foundation

/// The database's own guard on a shared workspace, besides baton's checks: a group role for
/// each of baton's roles, granted what that role may write, row-level security for what a
/// rep may change (their own deals), and an audit log that is only ever added to, each row
/// stamped with the login's person. A client that skips baton (psql with the same login)
/// still cannot write what the role forbids.
///
/// The roles are the database's (`<database>_viewer` … `_admin`), each a member of the one
/// below it, so a role's grants add to those it includes. `baton login add` grants a login
/// its person's role.
enum PostgresRoles {
  /// The group role for `role` in `database`.
  static func name(_ role: Role, database: String) -> String { "\(database)_\(role.rawValue)" }

  /// The statements that make `login` a member of `role`'s group alone (none for nil).
  static func grant(_ role: Role?, to login: String, database: String) -> [String] {
    let quoted = "\"" + login.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    return Role.allCases.map { "REVOKE \"\(name($0, database: database))\" FROM \(quoted)" }
      + (role.map { ["GRANT \"\(name($0, database: database))\" TO \(quoted)"] } ?? [])
  }

  /// The model's tables: changed by an approved change request or `model apply` (revops).
  static let modelTables = [
    "team", "team_alias", "person_alias", "responsibility", "responsibility_alias", "raci", "stage",
    "stage_alias", "exit_criterion", "handoff_rule", "handoff_alias", "metric", "metric_alias", "target",
    "routing_rule", "setting", "deal_field",
  ]

  /// What a rep writes, on their own deals (row-level security says which rows): a move, its
  /// history and evidence, a handoff's run and task, a proposal; and undoes (deletes) it.
  static let repTables = ["deal", "deal_evidence", "stage_change", "task", "workflow_run", "change_request"]

  /// What ops write besides: leads, accounts and people (routing, reassignment, imports).
  static let opsTables = ["lead", "account", "person"]

  /// The statements that make the roles, grants, policies and audit triggers over `tables`
  /// (every table of the workspace), in order; run by `init` after the rows are copied (the
  /// copied audit rows keep their actors). Making the roles again (`init --force`) keeps
  /// them and their members.
  static func statements(database: String, tables: [String]) -> [String] {
    let role = { (role: Role) in "\"\(name(role, database: database))\"" }
    let all = tables.map { "\"\($0)\"" }.joined(separator: ", ")
    let write = { (tables: [String]) in tables.map { "\"\($0)\"" }.joined(separator: ", ") }
    var statements: [String] = Role.allCases.map { role in
      """
      DO $$ BEGIN CREATE ROLE "\(name(role, database: database))" NOLOGIN;
      EXCEPTION WHEN duplicate_object THEN NULL; END $$
      """
    }
    // Each role is a member of the one below it: its grants add to the lower role's.
    for (lower, higher) in zip(Role.allCases, Role.allCases.dropFirst()) {
      statements.append("GRANT \(role(lower)) TO \(role(higher))")
    }
    statements += [
      "GRANT SELECT ON \(all) TO \(role(.viewer))",
      // Everyone's refusals are audited.
      "GRANT INSERT ON audit TO \(role(.viewer))",
      "GRANT INSERT, UPDATE, DELETE ON \(write(repTables)) TO \(role(.rep))",
      // A handoff names the account's CSM; nothing else of an account is a rep's.
      "GRANT UPDATE (csm_id) ON account TO \(role(.rep))",
      "GRANT INSERT, UPDATE, DELETE ON \(write(opsTables)) TO \(role(.ops))",
      "GRANT INSERT, UPDATE, DELETE ON \(write(modelTables)) TO \(role(.revops))",
      "GRANT INSERT, UPDATE, DELETE ON login TO \(role(.admin))",
      // The person a login is; NULL for a login mapped to no one.
      """
      CREATE OR REPLACE FUNCTION baton_person_id() RETURNS bigint LANGUAGE sql STABLE AS
      $$ SELECT person_id FROM login WHERE name = current_user $$
      """,
      // The names trigger writes the token whoever changed a name.
      "ALTER FUNCTION baton_names_changed() SECURITY DEFINER",
      // The audit log: each row's actor is the login's person, and no row is changed or
      // removed, whoever asks (the tables' owner included).
      """
      CREATE OR REPLACE FUNCTION baton_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        handle text := (SELECT p.handle FROM login l JOIN person p ON p.id = l.person_id
                        WHERE l.name = current_user);
      BEGIN
        IF handle IS NULL THEN
          RAISE EXCEPTION 'the login % is no one in this workspace', current_user;
        END IF;
        NEW.actor := handle;
        RETURN NEW;
      END $$
      """,
      "CREATE TRIGGER audit_actor BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION baton_audit_actor()",
      """
      CREATE OR REPLACE FUNCTION baton_audit_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is only added to: % refused', TG_OP;
      END $$
      """,
      "CREATE TRIGGER audit_kept BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION baton_audit_kept()",
      "CREATE TRIGGER audit_kept_whole BEFORE TRUNCATE ON audit EXECUTE FUNCTION baton_audit_kept()",
    ]
    // A rep changes their own records; ops and above any (the owner of the tables, the
    // admin who made them, is not bound by policies). Everyone reads every row.
    for own in repRows {
      statements += [
        "ALTER TABLE \(own.table) ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY \(own.table)_read ON \(own.table) FOR SELECT USING (true)",
        "CREATE POLICY \(own.table)_own ON \(own.table) FOR \(own.command) TO \(role(.rep)) USING (\(own.rows))"
          + (own.command == "UPDATE" || own.command == "ALL" ? " WITH CHECK (\(own.rows))" : ""),
        "CREATE POLICY \(own.table)_ops ON \(own.table) FOR ALL TO \(role(.ops)) USING (true) WITH CHECK (true)",
      ]
    }
    return statements
  }

  /// A rep's own rows of each table they write, as baton's own checks count them
  /// (`Permissions.requireOwnOrOps`): the deals they own (which they update, never make or
  /// remove), those deals' evidence, history and handoff runs, the tasks they hold or that
  /// are on their deals, the change requests they proposed (an undo removes one), and the
  /// CSM of an account where they own a deal.
  static let repRows: [(table: String, command: String, rows: String)] = {
    let me = "baton_person_id()"
    let ownDeal = "deal_id IN (SELECT id FROM deal WHERE owner_id = \(me))"
    return [
      ("deal", "UPDATE", "owner_id = \(me)"),
      ("deal_evidence", "ALL", ownDeal),
      ("stage_change", "ALL", ownDeal),
      ("workflow_run", "ALL", ownDeal),
      ("task", "ALL", "owner_id = \(me) OR \(ownDeal)"),
      ("change_request", "ALL", "proposed_by = \(me)"),
      ("account", "UPDATE", "id IN (SELECT account_id FROM deal WHERE owner_id = \(me))"),
    ]
  }()
}
