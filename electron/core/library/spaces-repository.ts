import type { ScannedSpace } from '../../../shared/inventory.ts';
import type { Localized, RuleId, SpaceKind, Verdict } from '../../../shared/model.ts';
import type { AccountScope } from './account-scope.ts';
import type { Library } from './library.ts';
import { toRuleId, toSpaceKind, toVerdict } from './row-values.ts';

/** What the library keeps of a scanned space; a ScannedSpace fits as is. */
export type SpaceInput = Pick<
  ScannedSpace,
  'id' | 'kind' | 'title' | 'createdAt' | 'verdict' | 'rule' | 'reason' | 'quote' | 'lastActivityAt' | 'itemCount'
>;

export interface LibrarySpace {
  source: string;
  accountId: string;
  id: string;
  kind: SpaceKind;
  title: string;
  createdAt: string;
  verdict: Verdict;
  rule: RuleId;
  reason: Localized;
  quote: string;
  lastActivityAt: string | null;
  itemCount: number;
}

interface SpaceRow {
  source: string;
  account_id: string;
  id: string;
  kind: string;
  title: string;
  created_at: string;
  verdict: string;
  rule: string;
  reason_en: string;
  reason_nl: string;
  quote: string;
  last_activity_at: string | null;
  item_count: number;
}

function toLibrarySpace(row: SpaceRow): LibrarySpace {
  return {
    source: row.source,
    accountId: row.account_id,
    id: row.id,
    kind: toSpaceKind(row.kind),
    title: row.title,
    createdAt: row.created_at,
    verdict: toVerdict(row.verdict),
    rule: toRuleId(row.rule),
    reason: { en: row.reason_en, nl: row.reason_nl },
    quote: row.quote,
    lastActivityAt: row.last_activity_at,
    itemCount: row.item_count,
  };
}

function toSpaceRow(scope: AccountScope, space: SpaceInput): SpaceRow {
  return {
    source: scope.source,
    account_id: scope.accountId,
    id: space.id,
    kind: space.kind,
    title: space.title,
    created_at: space.createdAt,
    verdict: space.verdict,
    rule: space.rule,
    reason_en: space.reason.en,
    reason_nl: space.reason.nl,
    quote: space.quote,
    last_activity_at: space.lastActivityAt,
    item_count: space.itemCount,
  };
}

const SPACE_COLUMNS =
  'source, account_id, id, kind, title, created_at, verdict, rule, reason_en, reason_nl, quote, last_activity_at, item_count';

const UPSERT_SPACE = `
  INSERT INTO spaces (source, account_id, id, kind, title, created_at, verdict, rule, reason_en, reason_nl, quote, last_activity_at, item_count)
  VALUES (@source, @account_id, @id, @kind, @title, @created_at, @verdict, @rule, @reason_en, @reason_nl, @quote, @last_activity_at, @item_count)
  ON CONFLICT (source, account_id, id) DO UPDATE SET
    kind = excluded.kind, title = excluded.title, created_at = excluded.created_at,
    verdict = excluded.verdict, rule = excluded.rule, reason_en = excluded.reason_en, reason_nl = excluded.reason_nl,
    quote = excluded.quote, last_activity_at = excluded.last_activity_at, item_count = excluded.item_count`;

/** Inserts or refreshes the spaces of one account, all in one transaction. Returns how many were given. */
export function upsertSpaces(library: Library, scope: AccountScope, spaces: Iterable<SpaceInput>): number {
  const statement = library.db.prepare<SpaceRow>(UPSERT_SPACE);
  return library.db.transaction(() => {
    let count = 0;
    for (const space of spaces) {
      statement.run(toSpaceRow(scope, space));
      count += 1;
    }
    return count;
  })();
}

export function listSpaces(library: Library, scope?: AccountScope): LibrarySpace[] {
  const rows = scope
    ? library.db
        .prepare<[string, string], SpaceRow>(`SELECT ${SPACE_COLUMNS} FROM spaces WHERE source = ? AND account_id = ? ORDER BY created_at, id`)
        .all(scope.source, scope.accountId)
    : library.db.prepare<[], SpaceRow>(`SELECT ${SPACE_COLUMNS} FROM spaces ORDER BY source, account_id, created_at, id`).all();
  return rows.map(toLibrarySpace);
}
