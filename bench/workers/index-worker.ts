/**
 * Builds a library of N generated items the way an archive run fills it (upsertItems for the
 * scan, recordArchive with body texts for every archive), then measures search, the verdict
 * summary and a date-range filter; prints one JSON line. Generating the data is not timed.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { ScannedSpace } from '../../shared/inventory.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import { recordArchive, type ArchivedEntry } from '../../electron/core/library/archives-repository.ts';
import { upsertItems, type ItemInput } from '../../electron/core/library/items-repository.ts';
import { openLibrary } from '../../electron/core/library/library.ts';
import { search } from '../../electron/core/library/search.ts';
import { upsertSpaces } from '../../electron/core/library/spaces-repository.ts';
import { summary } from '../../electron/core/library/summary.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { itemFacts, spaceFacts } from '../lib/library-data.ts';
import { createRng, type Rng } from '../../scripts/demo-snapshot/prng.ts';
import { percentile } from '../lib/stats.ts';
import { createVocabulary, plainText, title } from '../lib/words.ts';

const ArgsSchema = z.object({ items: z.coerce.number().int().min(100).max(10_000_000), dir: z.string().min(1) });
const { values } = parseArgs({ options: { items: { type: 'string' }, dir: { type: 'string' } }, strict: true });
const { items, dir } = ArgsSchema.parse(values);

const ITEMS_PER_SPACE = 100;
const BATCH = 10_000;
const QUERIES = 200;
const SUMMARY_RUNS = 7;
const DATE_QUERIES = 50;

const ruleSet = loadCurrentRuleSet();
const engine = createRulesEngine(ruleSet, { margin: ruleSet.margin.default, euLoginEmail: null });
const account = { email: 'bench.teacher@school.example', hasEtwinningAccount: true };
const vocabulary = createVocabulary();
const rng = createRng('bench:index');
const scope = { source: 'http://127.0.0.1:9', accountId: 'u-bench' };
const library = openLibrary(path.join(dir, 'library.sqlite'));
const spaceCount = Math.ceil(items / ITEMS_PER_SPACE);
const timed = <T>(work: () => T): { value: T; seconds: number } => {
  const started = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - started) / 1000 };
};
const fakeSha = (index: number) => index.toString(16).padStart(64, '0');

// Spaces, judged.
const spaceClassifications = Array.from({ length: spaceCount }, () => {
  const facts = spaceFacts(rng);
  return { facts, classification: engine.classifySpace(facts) };
});
const spaces: ScannedSpace[] = spaceClassifications.map((space, index) => ({
  id: `g-${index + 1}`, kind: space.facts.kind, title: title(vocabulary, rng), createdAt: '2015-01-01T00:00:00Z',
  migrationRequest: null, projectId: null, itemCount: ITEMS_PER_SPACE, activity: [], lastActivityAt: null,
  ...engine.judge(space.classification),
}));
const spacesTime = timed(() => upsertSpaces(library, scope, spaces)).seconds;

// Items: 90% in a space (item i in space i / 100), 10% personal; judged like a scan does.
function itemAt(index: number, random: Rng): ItemInput & { hasBody: boolean } {
  const spaceIndex = Math.floor(index / ITEMS_PER_SPACE);
  const personal = random.chance(0.1);
  const facts = itemFacts(random, personal);
  const space = spaceClassifications[spaceIndex];
  const classification = personal || space === undefined
    ? engine.classifyPersonalItem(facts, account)
    : engine.classifySpaceItem(facts, { kind: space.facts.kind, classification: space.classification });
  return {
    id: `i-${index + 1}`, space: personal ? null : `g-${spaceIndex + 1}`, type: facts.type, title: title(vocabulary, random),
    createdAt: facts.createdAt, size: random.chance(0.3) ? random.int(1_000, 5_000_000) : 0,
    hasBody: random.chance(0.7), ...engine.judge(classification),
  };
}
let upsertSeconds = 0;
const withBody: boolean[] = new Array<boolean>(items);
for (let start = 0; start < items; start += BATCH) {
  const batch: ItemInput[] = [];
  for (let index = start; index < Math.min(items, start + BATCH); index += 1) {
    const item = itemAt(index, rng);
    withBody[index] = item.hasBody;
    batch.push(item);
  }
  upsertSeconds += timed(() => upsertItems(library, scope, batch)).seconds;
}

// One archive per space, recorded with the plain text of every body (20-150 words).
let recordSeconds = 0;
let bodyBytes = 0;
for (let space = 0; space < spaceCount; space += 1) {
  const entries: ArchivedEntry[] = [];
  for (let index = space * ITEMS_PER_SPACE; index < Math.min(items, (space + 1) * ITEMS_PER_SPACE); index += 1) {
    const entry: ArchivedEntry = { itemId: `i-${index + 1}`, entryPath: `Pages/item-${index + 1}.html`, sha256: fakeSha(index) };
    if (withBody[index]) {
      entry.bodyText = plainText(vocabulary, rng, Math.round(Math.exp(Math.log(20) + rng.next() * Math.log(150 / 20))));
      bodyBytes += entry.bodyText.length;
    }
    entries.push(entry);
  }
  recordSeconds += timed(() => recordArchive(library, {
    source: scope.source, accountId: scope.accountId, spaceId: `g-${space + 1}`, title: `Space ${space + 1}`, part: 1, parts: 1,
    path: path.join(dir, `space-${space + 1}.zip`), size: 1, sha256: fakeSha(space), entryCount: entries.length, createdAt: '2024-01-01T00:00:00.000Z',
  }, entries)).seconds;
}

// Queries: a quarter of words found in at least 10% of the items, the rest spread over every frequency.
const { db } = library;
// How many items hold each word in their title or archived text: items_fts indexes titles, and
// item_bodies_fts the title and text of archived items, so the items holding it only in the text
// are its documents there less those with it in the title column. The same counts, in the same
// order, as fts5vocab gave when one index held titles and texts together.
db.exec(`
  CREATE VIRTUAL TABLE temp.bench_titles USING fts5vocab(main, 'items_fts', 'row');
  CREATE VIRTUAL TABLE temp.bench_texts USING fts5vocab(main, 'item_bodies_fts', 'row');
  CREATE VIRTUAL TABLE temp.bench_text_columns USING fts5vocab(main, 'item_bodies_fts', 'col');
`);
const terms = db.prepare<[], { term: string; doc: number }>(`
  SELECT term, sum(doc) AS doc FROM (
    SELECT term, doc FROM temp.bench_titles
    UNION ALL SELECT term, doc FROM temp.bench_texts
    UNION ALL SELECT term, -doc FROM temp.bench_text_columns WHERE col = 'title'
  ) GROUP BY term ORDER BY doc DESC, term`).all()
  .filter((row) => /^[a-z]+$/.test(row.term));
const common = terms.filter((row) => row.doc >= items * 0.1);
const queryRng = createRng('bench:queries');
const queries: { word: string; doc: number; common: boolean }[] = [];
for (let index = 0; index < QUERIES / 4 && common.length > 0; index += 1) {
  const row = queryRng.pick(common);
  queries.push({ word: row.term, doc: row.doc, common: true });
}
while (queries.length < QUERIES && terms.length > 0) {
  const rank = Math.min(terms.length - 1, Math.floor(Math.exp(queryRng.next() * Math.log(terms.length))));
  const row = terms[rank] as { term: string; doc: number };
  queries.push({ word: row.term, doc: row.doc, common: false });
}
for (let index = queries.length - 1; index > 0; index -= 1) {
  const other = queryRng.int(0, index);
  [queries[index], queries[other]] = [queries[other] as (typeof queries)[number], queries[index] as (typeof queries)[number]];
}
const searchMs: number[] = [];
const commonMs: number[] = [];
const timedQueries: { word: string; doc: number; ms: number }[] = [];
let hits = 0;
for (const query of queries) {
  const { value, seconds } = timed(() => search(library, query.word));
  hits += value.length;
  searchMs.push(seconds * 1000);
  if (query.common) commonMs.push(seconds * 1000);
  timedQueries.push({ word: query.word, doc: query.doc, ms: seconds * 1000 });
}
const slowest = timedQueries.sort((a, b) => b.ms - a.ms).slice(0, 5).map((query) => ({ ...query, ms: Math.round(query.ms * 10) / 10 }));

const summaryMs: number[] = [];
for (let run = 0; run < SUMMARY_RUNS; run += 1) summaryMs.push(timed(() => summary(library)).seconds * 1000);

const byDate = db.prepare<[string, string], { id: string; title: string; created_at: string }>(
  'SELECT id, title, created_at FROM items WHERE created_at >= ? AND created_at < ? ORDER BY created_at LIMIT 100',
);
const countByDate = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM items WHERE created_at >= ? AND created_at < ?');
const plan = db.prepare<[string, string], { detail: string }>('EXPLAIN QUERY PLAN SELECT count(*) AS n FROM items WHERE created_at >= ? AND created_at < ?')
  .all('2015', '2016').map((row) => row.detail).join('; ');
const dateMs: number[] = [];
const dateCountMs: number[] = [];
for (let run = 0; run < DATE_QUERIES; run += 1) {
  const from = Date.UTC(2009, 0, 1) + queryRng.next() * 14 * 365 * 86_400_000;
  const to = from + queryRng.int(30, 365) * 86_400_000;
  const range = [new Date(from).toISOString(), new Date(to).toISOString()] as const;
  dateMs.push(timed(() => byDate.all(...range)).seconds * 1000);
  dateCountMs.push(timed(() => countByDate.get(...range)).seconds * 1000);
}
library.close();

const size = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};
const file = path.join(dir, 'library.sqlite');
process.stdout.write(`${JSON.stringify({
  items,
  spaces: spaceCount,
  upsertSeconds: upsertSeconds + spacesTime,
  recordSeconds,
  indexSeconds: upsertSeconds + spacesTime + recordSeconds,
  bodyMb: bodyBytes / 1e6,
  dbMb: (size(file) + size(`${file}-wal`)) / 1e6,
  queries: searchMs.length,
  commonQueries: commonMs.length,
  hitsPerQuery: hits / Math.max(1, searchMs.length),
  searchP50Ms: percentile(searchMs, 50),
  searchP95Ms: percentile(searchMs, 95),
  searchMaxMs: percentile(searchMs, 100),
  commonP95Ms: percentile(commonMs, 95),
  slowest,
  summaryFirstMs: summaryMs[0] ?? null,
  summaryMs: percentile(summaryMs, 50),
  dateRangeP50Ms: percentile(dateMs, 50),
  dateCountP50Ms: percentile(dateCountMs, 50),
  datePlan: plan,
})}\n`);
