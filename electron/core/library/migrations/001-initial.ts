import type { Database } from 'better-sqlite3';

/*
 * Platform ids are only unique within one platform (`source`, its base URL) and one account, so
 * every platform key is scoped by both. Archive facts on items (archive_id, entry_path, sha256,
 * body_text) are written only when a ZIP is recorded; a rescan never touches them.
 */
export const version = 1;

export function up(db: Database): void {
  db.exec(`
    -- AUTOINCREMENT: an archive id, once shown or logged, never names another ZIP.
    CREATE TABLE archives (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      source TEXT NOT NULL,
      account_id TEXT NOT NULL,
      space_id TEXT, -- null: the account's personal items
      title TEXT NOT NULL,
      part INTEGER NOT NULL,
      parts INTEGER NOT NULL,
      path TEXT NOT NULL UNIQUE, -- absolute path of the ZIP
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      entry_count INTEGER NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE spaces (
      source TEXT NOT NULL,
      account_id TEXT NOT NULL,
      id TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      created_at TEXT NOT NULL,
      verdict TEXT NOT NULL,
      rule TEXT NOT NULL,
      reason_en TEXT NOT NULL,
      reason_nl TEXT NOT NULL,
      quote TEXT NOT NULL,
      last_activity_at TEXT,
      item_count INTEGER NOT NULL,
      PRIMARY KEY (source, account_id, id)
    );

    -- An explicit INTEGER PRIMARY KEY keeps rowids stable across VACUUM: items_fts refers to them.
    CREATE TABLE items (
      rowid INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      account_id TEXT NOT NULL,
      id TEXT NOT NULL,
      space_id TEXT,
      type TEXT NOT NULL,
      title TEXT NOT NULL,
      created_at TEXT NOT NULL,
      verdict TEXT NOT NULL,
      rule TEXT NOT NULL,
      reason_en TEXT NOT NULL,
      reason_nl TEXT NOT NULL,
      quote TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT,
      archive_id INTEGER REFERENCES archives(id) ON DELETE SET NULL,
      entry_path TEXT,
      body_text TEXT,
      UNIQUE (source, account_id, id)
    );
    -- Leads with verdict for filtering and covers the summary, which then never reads the table.
    -- findItem by platform id alone (the unique key leads with source).
    CREATE INDEX items_by_id ON items (id);
    CREATE INDEX items_by_verdict ON items (verdict, rule, size, archive_id);
    CREATE INDEX items_by_archive ON items (archive_id);
    CREATE INDEX items_by_created_at ON items (created_at);
    CREATE INDEX items_by_space ON items (space_id);

    CREATE VIRTUAL TABLE items_fts USING fts5(
      title, body_text,
      content = 'items', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER items_fts_after_insert AFTER INSERT ON items BEGIN
      INSERT INTO items_fts (rowid, title, body_text) VALUES (new.rowid, new.title, new.body_text);
    END;
    CREATE TRIGGER items_fts_after_delete AFTER DELETE ON items BEGIN
      INSERT INTO items_fts (items_fts, rowid, title, body_text) VALUES ('delete', old.rowid, old.title, old.body_text);
    END;
    -- Only when indexed text really changes: a rescan rewrites verdicts of 100,000s of rows.
    CREATE TRIGGER items_fts_after_update AFTER UPDATE OF title, body_text ON items
    WHEN old.title IS NOT new.title OR old.body_text IS NOT new.body_text BEGIN
      INSERT INTO items_fts (items_fts, rowid, title, body_text) VALUES ('delete', old.rowid, old.title, old.body_text);
      INSERT INTO items_fts (rowid, title, body_text) VALUES (new.rowid, new.title, new.body_text);
    END;

    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      params_json TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('running', 'paused', 'done', 'failed', 'cancelled')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      error TEXT
    );

    CREATE TABLE job_items (
      job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      archive_key TEXT NOT NULL, -- which planned ZIP the item goes into
      state TEXT NOT NULL CHECK (state IN ('pending', 'staged', 'packed', 'failed')),
      staged_path TEXT,
      bytes_done INTEGER NOT NULL DEFAULT 0,
      etag TEXT,
      sha256 TEXT,
      size INTEGER,
      error TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (job_id, item_id)
    );
    CREATE INDEX job_items_by_state ON job_items (job_id, state);

    CREATE TABLE job_archives (
      job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      archive_key TEXT NOT NULL,
      part INTEGER NOT NULL,
      parts INTEGER NOT NULL,
      final_path TEXT,
      state TEXT NOT NULL CHECK (state IN ('planned', 'written', 'verified', 'recorded')),
      PRIMARY KEY (job_id, archive_key, part)
    );
  `);
}
