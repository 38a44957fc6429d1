import type { Database } from 'better-sqlite3';

/*
 * Scans as runs. A scan streams what it finds into stage tables; only when it has seen
 * everything is the stage compared with the account's spaces and items (what was added, removed
 * or judged otherwise since the last finished scan) and merged into them, in one transaction.
 * So spaces and items always hold the last finished scan, a crash mid-scan changes nothing, and
 * 1,000,000 items never sit in memory.
 */
export const version = 3;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE scan_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      source TEXT NOT NULL,
      account_id TEXT NOT NULL,
      account_json TEXT NOT NULL,
      rule_set_version TEXT NOT NULL,
      faq_updated TEXT NOT NULL,
      margin INTEGER NOT NULL,
      eu_login_email TEXT,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
      error TEXT,
      summary_json TEXT, -- ScanRunSummary, once done
      previous_run_id INTEGER -- the run it was compared with (its changes are in scan_changes)
    );
    CREATE INDEX scan_runs_by_account ON scan_runs (source, account_id, id);

    -- Reasons and quotes are few (one per rule variant): staged rows point at them by number.
    CREATE TABLE scan_stage_judgements (
      run_id INTEGER NOT NULL REFERENCES scan_runs(id) ON DELETE CASCADE,
      key INTEGER NOT NULL,
      verdict TEXT NOT NULL,
      rule TEXT NOT NULL,
      reason_en TEXT NOT NULL,
      reason_nl TEXT NOT NULL,
      quote TEXT NOT NULL,
      PRIMARY KEY (run_id, key)
    );

    CREATE TABLE scan_stage_spaces (
      run_id INTEGER NOT NULL REFERENCES scan_runs(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      created_at TEXT NOT NULL,
      migration_request TEXT,
      project_id TEXT,
      item_count INTEGER NOT NULL,
      activity_json TEXT NOT NULL,
      last_activity_at TEXT,
      judgement INTEGER NOT NULL,
      PRIMARY KEY (run_id, id)
    ) WITHOUT ROWID;

    CREATE TABLE scan_stage_items (
      run_id INTEGER NOT NULL REFERENCES scan_runs(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      space_id TEXT,
      holder_kind TEXT NOT NULL,
      type TEXT NOT NULL,
      title TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_year INTEGER,
      updated_at TEXT,
      parent TEXT,
      owner TEXT NOT NULL,
      origin TEXT NOT NULL,
      organizer TEXT,
      has_body INTEGER NOT NULL,
      file_json TEXT,
      url TEXT,
      size INTEGER NOT NULL,
      judgement INTEGER NOT NULL,
      PRIMARY KEY (run_id, id)
    ) WITHOUT ROWID;

    CREATE TABLE scan_changes (
      run_id INTEGER NOT NULL REFERENCES scan_runs(id) ON DELETE CASCADE,
      record TEXT NOT NULL CHECK (record IN ('space', 'item')),
      id TEXT NOT NULL,
      space_id TEXT,
      title TEXT NOT NULL,
      change TEXT NOT NULL CHECK (change IN ('added', 'removed', 'verdict')),
      before_verdict TEXT,
      before_rule TEXT,
      after_verdict TEXT,
      after_rule TEXT,
      size INTEGER NOT NULL,
      PRIMARY KEY (run_id, record, id)
    ) WITHOUT ROWID;

    -- What a report needs beyond the verdict; null on rows only an older version wrote.
    ALTER TABLE items ADD COLUMN holder_kind TEXT;
    ALTER TABLE items ADD COLUMN created_year INTEGER;
    ALTER TABLE items ADD COLUMN updated_at TEXT;
    ALTER TABLE items ADD COLUMN parent TEXT;
    ALTER TABLE items ADD COLUMN owner TEXT;
    ALTER TABLE items ADD COLUMN origin TEXT;
    ALTER TABLE items ADD COLUMN organizer TEXT;
    ALTER TABLE items ADD COLUMN has_body INTEGER;
    ALTER TABLE items ADD COLUMN file_json TEXT;
    ALTER TABLE items ADD COLUMN url TEXT;
    -- Set when a later scan no longer finds an item that is kept because it is archived.
    ALTER TABLE items ADD COLUMN gone_at TEXT;

    ALTER TABLE spaces ADD COLUMN migration_request TEXT;
    ALTER TABLE spaces ADD COLUMN project_id TEXT;
    ALTER TABLE spaces ADD COLUMN activity_json TEXT;
    ALTER TABLE spaces ADD COLUMN lost_items INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE spaces ADD COLUMN uncertain_items INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE spaces ADD COLUMN migrates_items INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE spaces ADD COLUMN at_risk_bytes INTEGER NOT NULL DEFAULT 0;
  `);
}
