internal import GRDB

/// The workspace schema, as a list of migrations. A migration, once released, never changes:
/// add a new one instead, so workspaces made by every earlier release still open.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in try createV1(db) }
    migrator.registerMigration("v2") { db in try createV2(db) }
    migrator.registerMigration("v3") { db in try createV3(db) }
    migrator.registerMigration("v4") { db in try createV4(db) }
    migrator.registerMigration("v5") { db in try createV5(db) }
    migrator.registerMigration("v6") { db in try createV6(db) }
    migrator.registerMigration("v7") { db in try createV7(db) }
    migrator.registerMigration("v8") { db in try createV8(db) }
    return migrator
  }

  /// The identifiers of all migrations, oldest first; tests open each earlier schema.
  static var identifiers: [String] { migrator.migrations }

  /// The migrations a workspace has had, in the order they were applied (none for a file
  /// that never had any).
  static func applied(_ db: Database) throws -> [String] {
    guard try db.hasTable("grdb_migrations") else { return [] }
    return try db.rows("SELECT identifier FROM grdb_migrations ORDER BY rowid") { try $0[0] }
  }

  /// The tables and columns the matcher's names come from (`vocabulary`), each with the
  /// columns whose change changes a name; nil: any column (alias tables are all name).
  /// Released with v4 (`nameSourcesV4`); v5 adds the account's segment and territory, which
  /// the matcher reads as filters. A change here is a new migration.
  static let nameSources: [(table: String, columns: String?)] = nameSourcesV4.map { table, columns in
    table == "account" ? (table, "id, name, segment, territory") : (table, columns)
  }

  private static let nameSourcesV4: [(table: String, columns: String?)] = [
    ("team", "id, name"), ("team_alias", nil), ("person", "id, handle, name"), ("person_alias", nil),
    ("responsibility", "id, name"), ("responsibility_alias", nil), ("stage", "id, name"), ("stage_alias", nil),
    ("handoff_rule", "id, name"), ("handoff_alias", nil), ("metric", "id, name"), ("metric_alias", nil),
    ("account", "id, name"), ("deal", "id, name, crm_id"),
  ]

  /// The triggers that keep the names token: on every name source, after each insert,
  /// delete and update of a name column.
  static let nameTriggers = triggers(nameSources) + evidenceTriggers

  /// The evidence deals carry is named too ("budget confirmed"): exit criteria's keys and
  /// handoff rules' required fields. Released with v6.
  private static let evidenceTriggers: [(name: String, sql: String)] = [
    ("names_exit_criterion_insert", "AFTER INSERT ON exit_criterion"),
    ("names_exit_criterion_delete", "AFTER DELETE ON exit_criterion"),
    ("names_exit_criterion_update", "AFTER UPDATE OF evidence_kind, evidence_key ON exit_criterion"),
    ("names_handoff_fields_update", "AFTER UPDATE OF required_fields ON handoff_rule"),
    ("names_deal_field_insert", "AFTER INSERT ON deal_field"),
    ("names_deal_field_delete", "AFTER DELETE ON deal_field"),
    ("names_deal_field_update", "AFTER UPDATE ON deal_field"),
  ].map { name, when in
    (name, "CREATE TRIGGER \(name) \(when) BEGIN UPDATE names_token SET token = random(); END;")
  }

  private static func triggers(_ sources: [(table: String, columns: String?)]) -> [(name: String, sql: String)] {
    sources.flatMap { table, columns in
      [("insert", "INSERT"), ("delete", "DELETE"), ("update", columns.map { "UPDATE OF \($0)" } ?? "UPDATE")].map {
        event, when in
        (
          "names_\(table)_\(event)",
          "CREATE TRIGGER names_\(table)_\(event) AFTER \(when) ON \(table) BEGIN UPDATE names_token SET token = random(); END;"
        )
      }
    }
  }

  /// A token that changes with every change to the names, so a start can reuse the names
  /// saved with its engine instead of reading ten tables (`Workspace.namesToken`). Kept by
  /// triggers, so every writer keeps it, baton or not. Random rather than counted: two copies
  /// of one file changed apart must not arrive at the same token with different names.
  private static func createV4(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE names_token (id INTEGER PRIMARY KEY CHECK (id = 1), token INTEGER NOT NULL);
        INSERT INTO names_token (id, token) VALUES (1, random());
        """ + triggers(nameSourcesV4).map(\.sql).joined(separator: "\n"))
  }

  /// An account's segment and territory are names too ("Enterprise deals", "the West's
  /// pipeline"): its update trigger covers them.
  private static func createV5(_ db: Database) throws {
    let account = triggers(nameSources.filter { $0.table == "account" }).filter { $0.name.hasSuffix("_update") }
    try db.execute(
      sql: "DROP TRIGGER names_account_update;\n" + account.map(\.sql).joined(separator: "\n")
        + "\nUPDATE names_token SET token = random();")
  }

  /// Evidence recorded in conversation ("budget confirmed on deal 42") is audited and undone
  /// like any record, which needs an id of its own. The evidence a deal can carry (exit
  /// criteria's keys, handoff rules' required fields) is a name the matcher reads, so a
  /// change to it changes the names token. A change request carries the effect approving it
  /// has on the operating model. Deal fields of the team's own ("Competitor") are named.
  private static func createV6(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE deal_evidence_v6 (
          id INTEGER PRIMARY KEY, deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
          kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (deal_id, kind, key));
        INSERT INTO deal_evidence_v6(deal_id, kind, key, value) SELECT deal_id, kind, key, value FROM deal_evidence;
        DROP TABLE deal_evidence;
        ALTER TABLE deal_evidence_v6 RENAME TO deal_evidence;
        ALTER TABLE change_request ADD COLUMN effect TEXT;
        -- Fields a deal carries beyond its columns ("Competitor"), recorded as evidence with
        -- a value, and checkable by exit criteria.
        CREATE TABLE deal_field (key TEXT PRIMARY KEY, name TEXT NOT NULL);
        UPDATE names_token SET token = random();
        """ + "\n" + evidenceTriggers.map(\.sql).joined(separator: "\n"))
  }

  /// The audit log records how a change's words reached baton: `cli` (a terminal or a
  /// script, all that wrote before v7) or `mcp`, with the client's name.
  /// On a shared workspace the actor is the PostgreSQL login, mapped to a person here (a file
  /// has none: its user says who they are).
  private static func createV8(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE login (
          name TEXT PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE);
        """)
  }

  private static func createV7(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE audit ADD COLUMN channel TEXT NOT NULL DEFAULT 'cli';
        ALTER TABLE audit ADD COLUMN client TEXT;
        """)
  }

  /// Imported deals are found by CRM id however it is typed ("deal 1c1i7a6r"). A stage
  /// change keeps the deal's amount, owner and account at the time, so the pipeline's weekly
  /// change reads the last week of history alone instead of one deal per change (55,000
  /// random reads a week on a million deals).
  private static func createV3(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE INDEX deal_crm_id_nocase ON deal(crm_id COLLATE NOCASE);
        -- deal_stage_age (stage, date) answers every query this one served.
        DROP INDEX deal_stage_changed;
        ALTER TABLE stage_change ADD COLUMN amount INTEGER;
        ALTER TABLE stage_change ADD COLUMN owner_id INTEGER REFERENCES person(id);
        ALTER TABLE stage_change ADD COLUMN account_id INTEGER REFERENCES account(id);
        UPDATE stage_change SET (amount, owner_id, account_id) =
          (SELECT amount, owner_id, account_id FROM deal WHERE deal.id = stage_change.deal_id);
        DROP INDEX stage_change_date;
        CREATE INDEX stage_change_week
          ON stage_change(changed_date, from_stage, to_stage, amount, owner_id, account_id);
        """)
  }

  /// Lead routing rules, a note on audit rows (a refusal's reason, an override's), and the
  /// indexes summaries need.
  private static func createV2(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE audit ADD COLUMN note TEXT;
        -- Which reps take leads of a territory (and optionally a segment), and how many open
        -- leads each may hold before routing passes them by.
        CREATE TABLE routing_rule (
          id INTEGER PRIMARY KEY, territory TEXT NOT NULL, segment TEXT,
          person_id INTEGER NOT NULL REFERENCES person(id), capacity INTEGER NOT NULL DEFAULT 15);
        CREATE INDEX lead_owner ON lead(owner_id, status);
        -- Summaries read these indexes alone (they cover the columns summed), so a million
        -- deals aggregate without touching the table: the forecast and metrics by close date,
        -- the pipeline and stuck deals by stage and age; the weekly change reads the last week
        -- of stage history.
        DROP INDEX deal_stage;
        DROP INDEX deal_owner;
        DROP INDEX deal_account;
        CREATE INDEX deal_owner ON deal(owner_id, stage_id, amount);
        CREATE INDEX deal_account ON deal(account_id, stage_id, amount);
        CREATE INDEX deal_stage ON deal(stage_id, close_date, amount, created_date);
        CREATE INDEX deal_stage_age ON deal(stage_id, stage_changed_date, amount);
        CREATE INDEX stage_change_date ON stage_change(changed_date);
        CREATE INDEX audit_undoes ON audit(undoes);
        """)
  }

  private static func createV1(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE team (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, lead_handle TEXT, reports_to TEXT,
          serves TEXT, focus TEXT, scope TEXT, governs_cross_team INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE team_alias (
          team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE, alias TEXT NOT NULL,
          PRIMARY KEY (team_id, alias));

        CREATE TABLE person (
          id INTEGER PRIMARY KEY, handle TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
          team_id TEXT REFERENCES team(id), title TEXT NOT NULL DEFAULT '',
          role TEXT NOT NULL CHECK (role IN ('viewer','rep','ops','revops','admin')));
        CREATE TABLE person_alias (
          person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE, alias TEXT NOT NULL,
          PRIMARY KEY (person_id, alias));

        CREATE TABLE responsibility (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, area TEXT NOT NULL DEFAULT '',
          sales_ops_owns TEXT, revops_governs TEXT);
        CREATE TABLE responsibility_alias (
          responsibility_id TEXT NOT NULL REFERENCES responsibility(id) ON DELETE CASCADE,
          alias TEXT NOT NULL, PRIMARY KEY (responsibility_id, alias));
        -- The ownership matrix: one row per responsibility, RACI letter and party.
        CREATE TABLE raci (
          responsibility_id TEXT NOT NULL REFERENCES responsibility(id) ON DELETE CASCADE,
          letter TEXT NOT NULL CHECK (letter IN ('R','A','C','I')),
          party_kind TEXT NOT NULL CHECK (party_kind IN ('team','person')),
          party_id TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (responsibility_id, letter, party_kind, party_id));

        CREATE TABLE stage (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL UNIQUE,
          kind TEXT NOT NULL, definition TEXT NOT NULL, forecast_category TEXT,
          probability INTEGER, typical_days INTEGER);
        CREATE TABLE stage_alias (
          stage_id TEXT NOT NULL REFERENCES stage(id) ON DELETE CASCADE, alias TEXT NOT NULL,
          PRIMARY KEY (stage_id, alias));
        -- Each criterion names the deal evidence it needs, so a workflow can check it.
        CREATE TABLE exit_criterion (
          id INTEGER PRIMARY KEY, stage_id TEXT NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
          position INTEGER NOT NULL, wording TEXT NOT NULL,
          evidence_kind TEXT NOT NULL CHECK (evidence_kind IN ('field','contact_role','document')),
          evidence_key TEXT NOT NULL);

        CREATE TABLE handoff_rule (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, from_team TEXT NOT NULL REFERENCES team(id),
          to_team TEXT NOT NULL REFERENCES team(id), trigger_stage TEXT NOT NULL REFERENCES stage(id),
          required_fields TEXT NOT NULL, sla_hours INTEGER NOT NULL, acceptance_rule TEXT NOT NULL);
        CREATE TABLE handoff_alias (
          handoff_id TEXT NOT NULL REFERENCES handoff_rule(id) ON DELETE CASCADE,
          alias TEXT NOT NULL, PRIMARY KEY (handoff_id, alias));

        CREATE TABLE account (
          id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, segment TEXT, territory TEXT,
          employees INTEGER, owner_id INTEGER REFERENCES person(id),
          csm_id INTEGER REFERENCES person(id));

        CREATE TABLE deal (
          id INTEGER PRIMARY KEY, crm_id TEXT UNIQUE, name TEXT NOT NULL,
          account_id INTEGER REFERENCES account(id), owner_id INTEGER REFERENCES person(id),
          stage_id TEXT NOT NULL REFERENCES stage(id), amount INTEGER,
          close_date TEXT, created_date TEXT NOT NULL, stage_changed_date TEXT NOT NULL);
        CREATE INDEX deal_stage ON deal(stage_id, close_date);
        CREATE INDEX deal_owner ON deal(owner_id);
        CREATE INDEX deal_account ON deal(account_id);
        CREATE INDEX deal_stage_changed ON deal(stage_changed_date);
        CREATE TABLE deal_evidence (
          deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
          kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
          PRIMARY KEY (deal_id, kind, key));
        CREATE TABLE stage_change (
          id INTEGER PRIMARY KEY, deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
          from_stage TEXT REFERENCES stage(id), to_stage TEXT NOT NULL REFERENCES stage(id),
          changed_date TEXT NOT NULL, actor TEXT);
        CREATE INDEX stage_change_deal ON stage_change(deal_id, changed_date);

        CREATE TABLE lead (
          id INTEGER PRIMARY KEY, name TEXT NOT NULL, company TEXT NOT NULL, email TEXT,
          source TEXT, segment TEXT, territory TEXT, score INTEGER NOT NULL DEFAULT 0,
          status TEXT NOT NULL, owner_id INTEGER REFERENCES person(id), created_date TEXT NOT NULL);

        CREATE TABLE task (
          id INTEGER PRIMARY KEY, title TEXT NOT NULL, deal_id INTEGER REFERENCES deal(id),
          owner_id INTEGER NOT NULL REFERENCES person(id), due_date TEXT,
          status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
          created_at TEXT NOT NULL, created_by TEXT);
        CREATE INDEX task_owner ON task(owner_id, status);

        CREATE TABLE change_request (
          id INTEGER PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, description TEXT,
          proposed_by INTEGER REFERENCES person(id), owner_team TEXT NOT NULL REFERENCES team(id),
          status TEXT NOT NULL CHECK (status IN ('open','approved','rejected')),
          decided_by INTEGER REFERENCES person(id), decided_at TEXT, reason TEXT,
          created_at TEXT NOT NULL);

        CREATE TABLE workflow_run (
          id INTEGER PRIMARY KEY, kind TEXT NOT NULL, deal_id INTEGER REFERENCES deal(id),
          actor TEXT NOT NULL, at TEXT NOT NULL, status TEXT NOT NULL, details TEXT);

        CREATE TABLE target (period TEXT PRIMARY KEY, amount INTEGER NOT NULL);

        CREATE TABLE metric (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT, owner_team TEXT REFERENCES team(id),
          definition TEXT NOT NULL, formula TEXT NOT NULL);
        CREATE TABLE metric_alias (
          metric_id TEXT NOT NULL REFERENCES metric(id) ON DELETE CASCADE, alias TEXT NOT NULL,
          PRIMARY KEY (metric_id, alias));

        -- Every change: who, when, the words typed, the intent, what it touched, before and after.
        CREATE TABLE audit (
          id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, input TEXT NOT NULL,
          intent TEXT, action TEXT NOT NULL, outcome TEXT NOT NULL, records TEXT NOT NULL DEFAULT '[]',
          before TEXT, after TEXT, undoes INTEGER REFERENCES audit(id));
        CREATE INDEX audit_at ON audit(at);
        """)
  }
}
