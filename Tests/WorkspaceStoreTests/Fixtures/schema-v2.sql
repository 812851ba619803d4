-- Migration v2 as released: the second schema step, kept to test upgrades from it.
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

