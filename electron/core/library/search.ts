import type { ItemType, Verdict } from '../../../shared/model.ts';
import { cachedStatement } from './batched-rows.ts';
import { toFtsQuery } from './fts-query.ts';
import type { Library } from './library.ts';
import { toItemType, toVerdict } from './row-values.ts';
import { snippetsOf } from './search-snippets.ts';

export interface SearchOptions {
  /** 1..500, default 50 */
  limit?: number;
  offset?: number;
  verdict?: Verdict;
}

export interface SearchHit {
  itemId: string;
  source: string;
  accountId: string;
  title: string;
  type: ItemType;
  verdict: Verdict;
  archiveId: number | null;
  archivePath: string | null;
  entryPath: string | null;
  /** A passage of the title or body with « » around the matches. */
  snippet: string;
}

interface HitRow {
  item_rowid: number;
  id: string;
  source: string;
  account_id: string;
  title: string;
  type: string;
  verdict: string;
  archive_id: number | null;
  archive_path: string | null;
  entry_path: string | null;
  body_text: string | null;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/*
 * Titles rank above bodies, in two tiers.
 *
 * 1. Items whose title holds every word, in library order (items.rowid, the order ties had
 *    before). items_fts holds titles only and reads its matches lazily in rowid order, with
 *    prefix indexes for words of up to three letters: a page stops after offset + limit rows,
 *    whatever the number of matches. Ranking every title match by bm25 instead costs ~3 µs a
 *    match: more than a second for a word in 40% of 1,000,000 titles.
 * 2. Only when the titles run out: the other items whose title and body together hold every
 *    word, by bm25 with the title weighing five times the body. A word that rare in titles is
 *    rare in bodies too, so this ranks few rows.
 * With a verdict, CROSS JOIN keeps the index as the outer loop: the other way round, SQLite would
 * run the full-text query once per item of that verdict.
 */
const TITLE_TIER = `
  SELECT rowid AS item_rowid
  FROM items_fts
  WHERE items_fts MATCH @match
  ORDER BY rowid
  LIMIT @limit`;

const TITLE_TIER_OF_VERDICT = `
  SELECT items_fts.rowid AS item_rowid
  FROM items_fts
  CROSS JOIN items ON items.rowid = items_fts.rowid
  WHERE items_fts MATCH @match AND items.verdict = @verdict
  ORDER BY items_fts.rowid
  LIMIT @limit`;

const BODY_TIER = `
  SELECT rowid AS item_rowid
  FROM item_bodies_fts
  WHERE item_bodies_fts MATCH @match
  ORDER BY bm25(item_bodies_fts, 5.0, 1.0), rowid
  LIMIT @limit`;

const BODY_TIER_OF_VERDICT = `
  SELECT item_bodies_fts.rowid AS item_rowid
  FROM item_bodies_fts
  CROSS JOIN items ON items.rowid = item_bodies_fts.rowid
  WHERE item_bodies_fts MATCH @match AND items.verdict = @verdict
  ORDER BY bm25(item_bodies_fts, 5.0, 1.0), item_bodies_fts.rowid
  LIMIT @limit`;

const HIT = `
  SELECT items.rowid AS item_rowid, items.id, items.source, items.account_id, items.title, items.type, items.verdict,
    items.archive_id, archives.path AS archive_path, items.entry_path, item_bodies.body_text
  FROM items
  LEFT JOIN archives ON archives.id = items.archive_id
  LEFT JOIN item_bodies ON item_bodies.item_rowid = items.rowid
  WHERE items.rowid = ?`;

/** Full-text search over titles and archived bodies, best first. Never throws on what a person types. */
export function search(library: Library, query: string, options: SearchOptions = {}): SearchHit[] {
  const match = toFtsQuery(query);
  if (match === null) return [];
  const limit = clampInteger(options.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = clampInteger(options.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const verdict = options.verdict ?? null;
  const { db } = library;
  const wanted = Math.min(Number.MAX_SAFE_INTEGER, offset + limit);

  const tier = (all: string, ofVerdict: string) =>
    (verdict === null
      ? cachedStatement<{ match: string; limit: number }, { item_rowid: number }>(db, all).all({ match, limit: wanted })
      : cachedStatement<{ match: string; verdict: string; limit: number }, { item_rowid: number }>(db, ofVerdict).all({ match, verdict, limit: wanted })
    ).map((row) => row.item_rowid);

  const titleHits = tier(TITLE_TIER, TITLE_TIER_OF_VERDICT);
  let ranked = titleHits;
  if (titleHits.length < wanted) {
    // Every title match (of this verdict) is in hand: the body tier leaves them out, and its first
    // `wanted` rows hold at most that many of them.
    const inTitles = new Set(titleHits);
    ranked = [...titleHits, ...tier(BODY_TIER, BODY_TIER_OF_VERDICT).filter((rowid) => !inTitles.has(rowid))];
  }
  const page = ranked.slice(offset, wanted);
  if (page.length === 0) return [];

  const hit = cachedStatement<[number], HitRow>(db, HIT);
  const rows = page.flatMap((rowid) => hit.get(rowid) ?? []);
  const snippets = snippetsOf(library, match, rows.map((row) => ({ key: row.item_rowid, title: row.title, bodyText: row.body_text })));
  return rows.map((row) => ({
    itemId: row.id,
    source: row.source,
    accountId: row.account_id,
    title: row.title,
    type: toItemType(row.type),
    verdict: toVerdict(row.verdict),
    archiveId: row.archive_id,
    archivePath: row.archive_path,
    entryPath: row.entry_path,
    snippet: snippets.get(row.item_rowid) ?? row.title,
  }));
}

function clampInteger(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
