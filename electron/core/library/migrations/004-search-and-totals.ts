import type { Database } from 'better-sqlite3';

/*
 * The library at 1,000,000 items: every text indexed once, searched without ranking every match,
 * and totals kept instead of counted.
 *
 * - items_fts indexes titles only (rowid = items.rowid), with prefix indexes for words of one to
 *   three letters: title matches of any word, even typed as a prefix ("a*"), are read lazily in
 *   rowid order, so a page of them costs the same for a word in ten items as in 400,000.
 * - Archived texts move out of items into item_bodies, with their own item_bodies_fts over the
 *   item's title and body together (a search with one word in the title and one in the body
 *   still finds the item, as before). An item's text is indexed when it is archived, once: no
 *   more re-indexing of the title at that moment. items rows stay small for the scans that read
 *   them.
 * - Both indexes are external content, kept exact by triggers on items and item_bodies, so any
 *   plain SQL write to either table (a scan merged with INSERT … SELECT … ON CONFLICT, a DELETE)
 *   keeps them right. The 'delete' rows carry exactly the text that was indexed. INSERT OR
 *   REPLACE needs PRAGMA recursive_triggers, which openLibrary turns on.
 * - item_totals holds count and bytes per account, verdict and rule, all and archived, kept by
 *   triggers: the summary reads a few dozen rows whatever the size of the library.
 * - items_by_verdict keeps (verdict, rule) only: new rows land at the end of their group and
 *   recording an archive no longer moves their entries.
 */
export const version = 4;

export function up(db: Database): void {
  db.exec(`
    DROP TRIGGER items_fts_after_insert;
    DROP TRIGGER items_fts_after_delete;
    DROP TRIGGER items_fts_after_update;
    DROP TABLE items_fts;

    -- One row per item with an archived text; item_rowid is items.rowid.
    CREATE TABLE item_bodies (
      item_rowid INTEGER PRIMARY KEY,
      body_text TEXT NOT NULL
    );
    INSERT INTO item_bodies (item_rowid, body_text) SELECT rowid, body_text FROM items WHERE body_text IS NOT NULL;
    ALTER TABLE items DROP COLUMN body_text;

    DROP INDEX items_by_verdict;
    CREATE INDEX items_by_verdict ON items (verdict, rule);

    CREATE VIEW item_search_bodies AS
      SELECT item_bodies.item_rowid AS item_rowid, items.title AS title, item_bodies.body_text AS body_text
      FROM item_bodies JOIN items ON items.rowid = item_bodies.item_rowid;

    -- Titles are read in rowid order, never ranked: no token counts per row (columnsize = 0).
    CREATE VIRTUAL TABLE items_fts USING fts5(
      title,
      content = 'items', content_rowid = 'rowid', prefix = '1 2 3', columnsize = 0,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE item_bodies_fts USING fts5(
      title, body_text,
      content = 'item_search_bodies', content_rowid = 'item_rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    -- An archive run commits every ZIP on its own: many small segments. Merging 64 at a time
    -- instead of 4 rewrites each entry about half as often, for a few more segments per lookup.
    INSERT INTO items_fts (items_fts, rank) VALUES ('automerge', 64);
    INSERT INTO items_fts (items_fts, rank) VALUES ('crisismerge', 128);
    INSERT INTO item_bodies_fts (item_bodies_fts, rank) VALUES ('automerge', 64);
    INSERT INTO item_bodies_fts (item_bodies_fts, rank) VALUES ('crisismerge', 128);
    INSERT INTO items_fts (items_fts) VALUES ('rebuild');
    INSERT INTO item_bodies_fts (item_bodies_fts) VALUES ('rebuild');

    CREATE TRIGGER items_search_after_insert AFTER INSERT ON items BEGIN
      INSERT INTO items_fts (rowid, title) VALUES (new.rowid, new.title);
    END;
    CREATE TRIGGER items_search_after_delete AFTER DELETE ON items BEGIN
      INSERT INTO items_fts (items_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
      INSERT INTO item_bodies_fts (item_bodies_fts, rowid, title, body_text)
        SELECT 'delete', item_rowid, old.title, body_text FROM item_bodies WHERE item_rowid = old.rowid;
      -- Its own trigger finds the item gone and leaves item_bodies_fts alone.
      DELETE FROM item_bodies WHERE item_rowid = old.rowid;
    END;
    -- Only when the title really changes: a rescan rewrites verdicts of 100,000s of rows.
    CREATE TRIGGER items_search_after_update AFTER UPDATE OF title ON items WHEN old.title IS NOT new.title BEGIN
      INSERT INTO items_fts (items_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
      INSERT INTO items_fts (rowid, title) VALUES (new.rowid, new.title);
      INSERT INTO item_bodies_fts (item_bodies_fts, rowid, title, body_text)
        SELECT 'delete', item_rowid, old.title, body_text FROM item_bodies WHERE item_rowid = old.rowid;
      INSERT INTO item_bodies_fts (rowid, title, body_text)
        SELECT item_rowid, new.title, body_text FROM item_bodies WHERE item_rowid = new.rowid;
    END;
    CREATE TRIGGER item_bodies_search_after_insert AFTER INSERT ON item_bodies BEGIN
      INSERT INTO item_bodies_fts (rowid, title, body_text)
        SELECT rowid, title, new.body_text FROM items WHERE rowid = new.item_rowid;
    END;
    CREATE TRIGGER item_bodies_search_after_update AFTER UPDATE OF item_rowid, body_text ON item_bodies
    WHEN old.body_text IS NOT new.body_text OR old.item_rowid IS NOT new.item_rowid BEGIN
      INSERT INTO item_bodies_fts (item_bodies_fts, rowid, title, body_text)
        SELECT 'delete', rowid, title, old.body_text FROM items WHERE rowid = old.item_rowid;
      INSERT INTO item_bodies_fts (rowid, title, body_text)
        SELECT rowid, title, new.body_text FROM items WHERE rowid = new.item_rowid;
    END;
    CREATE TRIGGER item_bodies_search_after_delete AFTER DELETE ON item_bodies BEGIN
      INSERT INTO item_bodies_fts (item_bodies_fts, rowid, title, body_text)
        SELECT 'delete', rowid, title, old.body_text FROM items WHERE rowid = old.item_rowid;
    END;

    CREATE TABLE item_totals (
      source TEXT NOT NULL,
      account_id TEXT NOT NULL,
      verdict TEXT NOT NULL,
      rule TEXT NOT NULL,
      items INTEGER NOT NULL,
      bytes INTEGER NOT NULL,
      archived_items INTEGER NOT NULL, -- of those, with archive_id set
      archived_bytes INTEGER NOT NULL,
      PRIMARY KEY (source, account_id, verdict, rule)
    ) WITHOUT ROWID;
    INSERT INTO item_totals (source, account_id, verdict, rule, items, bytes, archived_items, archived_bytes)
      SELECT source, account_id, verdict, rule, count(*), sum(size), count(archive_id), sum(CASE WHEN archive_id IS NULL THEN 0 ELSE size END)
      FROM items GROUP BY source, account_id, verdict, rule;

    CREATE TRIGGER item_totals_after_insert AFTER INSERT ON items BEGIN
      INSERT INTO item_totals (source, account_id, verdict, rule, items, bytes, archived_items, archived_bytes)
        VALUES (new.source, new.account_id, new.verdict, new.rule, 1, new.size,
          new.archive_id IS NOT NULL, CASE WHEN new.archive_id IS NULL THEN 0 ELSE new.size END)
        ON CONFLICT DO UPDATE SET items = items + 1, bytes = bytes + excluded.bytes,
          archived_items = archived_items + excluded.archived_items, archived_bytes = archived_bytes + excluded.archived_bytes;
    END;
    CREATE TRIGGER item_totals_after_delete AFTER DELETE ON items BEGIN
      UPDATE item_totals SET items = items - 1, bytes = bytes - old.size,
          archived_items = archived_items - (old.archive_id IS NOT NULL),
          archived_bytes = archived_bytes - CASE WHEN old.archive_id IS NULL THEN 0 ELSE old.size END
        WHERE source = old.source AND account_id = old.account_id AND verdict = old.verdict AND rule = old.rule;
    END;
    -- Recording an archive only flips archived: one row to touch.
    CREATE TRIGGER item_totals_after_archiving AFTER UPDATE OF archive_id ON items
    WHEN (old.archive_id IS NULL) IS NOT (new.archive_id IS NULL) AND old.source IS new.source AND old.account_id IS new.account_id
      AND old.verdict IS new.verdict AND old.rule IS new.rule AND old.size IS new.size BEGIN
      UPDATE item_totals SET
          archived_items = archived_items + CASE WHEN new.archive_id IS NULL THEN -1 ELSE 1 END,
          archived_bytes = archived_bytes + CASE WHEN new.archive_id IS NULL THEN -new.size ELSE new.size END
        WHERE source = new.source AND account_id = new.account_id AND verdict = new.verdict AND rule = new.rule;
    END;
    CREATE TRIGGER item_totals_after_update AFTER UPDATE OF source, account_id, verdict, rule, size ON items
    WHEN old.source IS NOT new.source OR old.account_id IS NOT new.account_id OR old.verdict IS NOT new.verdict
      OR old.rule IS NOT new.rule OR old.size IS NOT new.size BEGIN
      UPDATE item_totals SET items = items - 1, bytes = bytes - old.size,
          archived_items = archived_items - (old.archive_id IS NOT NULL),
          archived_bytes = archived_bytes - CASE WHEN old.archive_id IS NULL THEN 0 ELSE old.size END
        WHERE source = old.source AND account_id = old.account_id AND verdict = old.verdict AND rule = old.rule;
      INSERT INTO item_totals (source, account_id, verdict, rule, items, bytes, archived_items, archived_bytes)
        VALUES (new.source, new.account_id, new.verdict, new.rule, 1, new.size,
          new.archive_id IS NOT NULL, CASE WHEN new.archive_id IS NULL THEN 0 ELSE new.size END)
        ON CONFLICT DO UPDATE SET items = items + 1, bytes = bytes + excluded.bytes,
          archived_items = archived_items + excluded.archived_items, archived_bytes = archived_bytes + excluded.archived_bytes;
    END;
  `);
}
