import type { ScannedItem } from '../../../shared/inventory.ts';
import type { ItemType, Localized, RuleId, Verdict } from '../../../shared/model.ts';
import type { AccountScope } from './account-scope.ts';
import { MAX_ROWS, cachedStatement, valuesOf } from './batched-rows.ts';
import type { Library } from './library.ts';
import { toItemType, toRuleId, toVerdict } from './row-values.ts';

/** What the library keeps of a scanned item; a ScannedItem fits as is. */
export type ItemInput = Pick<
  ScannedItem,
  'id' | 'space' | 'type' | 'title' | 'createdAt' | 'verdict' | 'rule' | 'reason' | 'quote' | 'size'
>;

export interface LibraryItem {
  source: string;
  accountId: string;
  id: string;
  /** null for personal items */
  spaceId: string | null;
  type: ItemType;
  title: string;
  createdAt: string;
  verdict: Verdict;
  rule: RuleId;
  reason: Localized;
  quote: string;
  size: number;
  /** Digest of the bytes stored in the archive; null until archived. */
  sha256: string | null;
  archiveId: number | null;
  entryPath: string | null;
}

interface ItemRow {
  source: string;
  account_id: string;
  id: string;
  space_id: string | null;
  type: string;
  title: string;
  created_at: string;
  verdict: string;
  rule: string;
  reason_en: string;
  reason_nl: string;
  quote: string;
  size: number;
  sha256: string | null;
  archive_id: number | null;
  entry_path: string | null;
}

/** body_text stays out: it can be large and is only for the full-text index. */
const ITEM_COLUMNS =
  'source, account_id, id, space_id, type, title, created_at, verdict, rule, reason_en, reason_nl, quote, size, sha256, archive_id, entry_path';

function toLibraryItem(row: ItemRow): LibraryItem {
  return {
    source: row.source,
    accountId: row.account_id,
    id: row.id,
    spaceId: row.space_id,
    type: toItemType(row.type),
    title: row.title,
    createdAt: row.created_at,
    verdict: toVerdict(row.verdict),
    rule: toRuleId(row.rule),
    reason: { en: row.reason_en, nl: row.reason_nl },
    quote: row.quote,
    size: row.size,
    sha256: row.sha256,
    archiveId: row.archive_id,
    entryPath: row.entry_path,
  };
}

// The WHERE skips unchanged rows, so a rescan of a large account rewrites only what changed.
// Archive facts (sha256, archive_id, entry_path, the body) are never touched by a scan.
const upsertItemsSql = (values: string) => `
  INSERT INTO items (source, account_id, id, space_id, type, title, created_at, verdict, rule, reason_en, reason_nl, quote, size)
  SELECT ?, ?, column1, column2, column3, column4, column5, column6, column7, column8, column9, column10, column11
  FROM (${values}) WHERE column1 IS NOT NULL
  ON CONFLICT (source, account_id, id) DO UPDATE SET
    space_id = excluded.space_id, type = excluded.type, title = excluded.title, created_at = excluded.created_at,
    verdict = excluded.verdict, rule = excluded.rule, reason_en = excluded.reason_en, reason_nl = excluded.reason_nl,
    quote = excluded.quote, size = excluded.size
  WHERE items.space_id IS NOT excluded.space_id OR items.type IS NOT excluded.type OR items.title IS NOT excluded.title
    OR items.created_at IS NOT excluded.created_at OR items.verdict IS NOT excluded.verdict OR items.rule IS NOT excluded.rule
    OR items.reason_en IS NOT excluded.reason_en OR items.reason_nl IS NOT excluded.reason_nl
    OR items.quote IS NOT excluded.quote OR items.size IS NOT excluded.size`;

const itemValues = (item: ItemInput) => [
  item.id, item.space, item.type, item.title, item.createdAt, item.verdict, item.rule, item.reason.en, item.reason.nl, item.quote, item.size,
];

/**
 * Inserts or refreshes the items of one account in one transaction; made for 100,000s of rows
 * (up to MAX_ROWS rows per statement, no per-row reads). Returns how many were given.
 */
export function upsertItems(library: Library, scope: AccountScope, items: Iterable<ItemInput>): number {
  const { db } = library;
  return db.transaction(() => {
    let count = 0;
    let batch: ItemInput[] = [];
    const flush = () => {
      const { sql, params } = valuesOf(batch, 11, itemValues);
      cachedStatement(db, upsertItemsSql(sql)).run([scope.source, scope.accountId, ...params]);
      batch = [];
    };
    for (const item of items) {
      batch.push(item);
      count += 1;
      if (batch.length === MAX_ROWS) flush();
    }
    if (batch.length > 0) flush();
    return count;
  })();
}

export interface FindItemQuery {
  itemId: string;
  source?: string;
  accountId?: string;
}

/**
 * The item with this platform id, narrowed by source and account when given. Without them an
 * id seen by two accounts is ambiguous: the archived copy wins, then the first one stored.
 */
export function findItem(library: Library, query: FindItemQuery): LibraryItem | null {
  const row = library.db
    .prepare<{ id: string; source: string | null; account_id: string | null }, ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM items
       WHERE id = @id AND (@source IS NULL OR source = @source) AND (@account_id IS NULL OR account_id = @account_id)
       ORDER BY archive_id IS NULL, rowid LIMIT 1`,
    )
    .get({ id: query.itemId, source: query.source ?? null, account_id: query.accountId ?? null });
  return row ? toLibraryItem(row) : null;
}

/** The items recorded in one archive, in the order of their entries. */
export function itemsOfArchive(library: Library, archiveId: number): LibraryItem[] {
  return library.db
    .prepare<[number], ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE archive_id = ? ORDER BY entry_path, rowid`)
    .all(archiveId)
    .map(toLibraryItem);
}
