import type { Database } from 'better-sqlite3';

/*
 * A bulk job archives many accounts in one unattended run. The job itself is a `jobs` row of
 * kind 'bulk'; each account is a row here, the durable queue the run works through. An
 * account's own archive work keeps its state in the archive job it starts (jobs, job_items,
 * job_archives), so a rerun resumes it there. Passwords and cookies are never stored.
 */
export const version = 2;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE bulk_accounts (
      job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, -- 1-based, in the order of the job file (which may change)
      line INTEGER NOT NULL, -- the job file's line, for messages
      login TEXT NOT NULL,
      eu_login_email TEXT,
      spaces_json TEXT, -- JSON array of space ids; null: every space
      out_dir TEXT NOT NULL, -- absolute folder of this account's archives
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      error TEXT,
      account_id TEXT, -- the platform's id, known once its archive job finishes
      archive_job_id TEXT, -- the archive job that did the work
      items INTEGER NOT NULL DEFAULT 0,
      bytes INTEGER NOT NULL DEFAULT 0,
      result_json TEXT, -- archives written and items kept as notices, validated on load
      started_at TEXT,
      finished_at TEXT,
      PRIMARY KEY (job_id, out_dir) -- the folder is the account's identity within the job
    );
  `);
}
