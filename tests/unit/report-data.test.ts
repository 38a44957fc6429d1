import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/inventory.ts';
import { recordScanResult } from '../../electron/core/inventory/record-scan-result.ts';
import type { Library } from '../../electron/core/library/library.ts';
import { CHANGES_CSV_COLUMNS, changesCsvChunks, renderReportCsv, reportCsvChunks } from '../../electron/core/report/render-csv.ts';
import { renderReportHtml, reportHtmlChunks } from '../../electron/core/report/render-html.ts';
import { renderReportJson, scanJsonChunks } from '../../electron/core/report/render-json.ts';
import type { ReportData } from '../../electron/core/report/report-data.ts';
import { reportDataOfLibrary } from '../../electron/core/report/report-data-library.ts';
import { exportDataOfScan, orderedTotals, reportDataOfScan, summarizeScan } from '../../electron/core/report/report-data-scan.ts';
import type { ReportHtmlOptions } from '../../electron/core/report/report-context.ts';
import { writeChunksAtomic } from '../../electron/core/report/write-chunks-atomic.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { buildScan, type ScanSpec, type SpaceSpec } from '../helpers/report-scan-builder.ts';
import { useTempLibraries } from './library-temp.ts';

const ruleSet = loadCurrentRuleSet();
const libraries = useTempLibraries();
const HOSTILE = '<script>alert(1)</script>';

function spec(extra: Partial<ScanSpec> = {}): ScanSpec {
  return {
    account: { id: 'u-9', name: 'Ann <Admin>', email: 'ann@school.example', hasEtwinningAccount: true, hasSegAccount: true },
    euLoginEmail: null,
    spaces: [
      {
        id: 'g-old', kind: 'group', title: `Old ${HOSTILE}`, createdAt: '2013-01-01T10:00:00+02:00', activity: ['2014-03-01T09:00:00Z'],
        items: [
          { id: 'o-1', type: 'page', title: 'Old page', createdAt: '2014-03-01T09:00:00Z' },
          { id: 'o-2', type: 'material', title: HOSTILE, createdAt: '2015-03-01T09:00:00+01:00', size: 12_345 },
        ],
      },
      {
        id: 'g-live', kind: 'group', title: 'Live group', createdAt: '2013-01-01T09:30:00Z', activity: ['2021-05-01T09:00:00Z'],
        items: [
          { id: 'l-1', type: 'page', title: 'Before the cutoff', createdAt: '2017-01-01T09:00:00Z' },
          { id: 'l-2', type: 'page', title: 'After the cutoff', createdAt: '2020-01-01T09:00:00Z' },
          { id: 'l-3', type: 'forum-thread', title: 'On the edge', createdAt: '2018-06-30T22:30:00Z' },
        ],
      },
      {
        id: 't-1', kind: 'twinspace', title: 'A TwinSpace', createdAt: '2019-09-01T08:00:00Z', migrationRequest: 'none', activity: [],
        items: [{ id: 't-a', type: 'journal-entry', title: 'Entry', createdAt: '2019-10-01T08:00:00Z', size: 999 }],
      },
    ],
    personal: [
      { id: 'me-profile', type: 'profile', title: 'Profiel', createdAt: '2012-01-01T08:00:00Z' },
      { id: 'me-photo', type: 'photo', title: 'Photo', createdAt: '2016-01-01T08:00:00Z', size: 2_000 },
      { id: 'me-project', type: 'project', title: 'Project', createdAt: '2019-01-01T08:00:00Z' },
    ],
    ...extra,
  };
}

function record(library: Library, scan: ScanResult): ReportData {
  recordScanResult(library, scan, ruleSet.timeZone);
  return reportDataOfLibrary(library, { source: scan.source, accountId: scan.account.id });
}

const html = (data: ReportData, lang: 'en' | 'nl' = 'en', options: ReportHtmlOptions = {}) => [...reportHtmlChunks(data, ruleSet, lang, options)].join('');
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('report data from memory and from the library', () => {
  it('renders the same HTML from either, in both languages', async () => {
    const scan = await buildScan(spec());
    const data = record(libraries.open(), scan);
    for (const lang of ['en', 'nl'] as const) expect(html(data, lang)).toBe(renderReportHtml(scan, ruleSet, lang));
    expect(data.summary).toEqual({ ...summarizeScan(scan, ruleSet.timeZone), totals: data.summary.totals });
    expect(data.totals).toEqual(orderedTotals(scan.totals));
  });

  it('streams the CSV and JSON of the in-memory scan byte for byte', async () => {
    const scan = await buildScan(spec());
    const exported = exportDataOfScan(scan);
    expect([...reportCsvChunks(exported)].join('')).toBe(renderReportCsv(scan));
    expect([...scanJsonChunks(exported, true)].join('')).toBe(renderReportJson(scan));
    expect([...scanJsonChunks(exported, false)].join('')).toBe(`${JSON.stringify(scan)}\n`);
    const empty: ScanResult = { ...scan, spaces: [], items: [] };
    expect([...scanJsonChunks(exportDataOfScan(empty), true)].join('')).toBe(renderReportJson(empty));
    expect([...scanJsonChunks(exportDataOfScan(empty), false)].join('')).toBe(`${JSON.stringify(empty)}\n`);
  });

  it('exports every row from the library, space by space, with the same content as in memory', async () => {
    const scan = await buildScan(spec());
    const data = record(libraries.open(), scan);
    const lines = (text: string) => text.split('\r\n').sort();
    expect(lines([...reportCsvChunks(data)].join(''))).toEqual(lines(renderReportCsv(scan)));
    const fromLibrary = JSON.parse([...scanJsonChunks(data, false)].join('')) as ScanResult;
    // Space by space in id order, then the personal items.
    expect(fromLibrary.items.map((item) => item.id)).toEqual(['l-1', 'l-2', 'l-3', 'o-1', 'o-2', 't-a', 'me-photo', 'me-profile', 'me-project']);
    expect(fromLibrary.spaces.map((space) => space.id)).toEqual(['g-live', 'g-old', 't-1']);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(fromLibrary.items)).toEqual(byId(scan.items));
  });

  it('lists the spaces most at risk first, and the profile advice only when the profile is at risk', async () => {
    const scan = await buildScan(spec());
    const data = record(libraries.open(), scan);
    const memory = reportDataOfScan(scan, ruleSet.timeZone);
    expect(data.spacesMostAtRisk(2).map((space) => space.id)).toEqual(memory.spacesMostAtRisk(2).map((space) => space.id));
    expect(data.spacesMostAtRisk(10).map((space) => space.id)).toEqual(['g-old', 't-1', 'g-live']);
    expect(data.profileAtRisk()).toBe(true);
    const matched = await buildScan(spec({ euLoginEmail: 'ann@school.example' }));
    expect(record(libraries.open(), matched).profileAtRisk()).toBe(false);
  });
});

describe('what changed since the previous scan', () => {
  async function twoScans(library: Library) {
    const first = await buildScan(spec({ scannedAt: '2023-11-06T09:30:00Z' }));
    record(library, first);
    const base = spec();
    const [old, live, twin] = base.spaces as [SpaceSpec, SpaceSpec, SpaceSpec];
    const later = await buildScan({
      ...base,
      scannedAt: '2024-02-01T10:00:00Z',
      spaces: [
        // New activity in the migration window brings the old group in.
        { ...old, activity: [...old.activity, '2021-09-01T10:00:00Z'] },
        { ...live, items: live.items.filter((item) => item.id !== 'l-2') },
        { ...twin, items: [...twin.items, ...Array.from({ length: 7 }, (_, index) => ({ id: `t-new-${index}`, type: 'page' as const, title: `${HOSTILE} ${index}`, createdAt: '2020-05-01T08:00:00Z' }))] },
        { id: 'g-new', kind: 'group', title: 'A new group', createdAt: '2023-01-01T08:00:00Z', activity: [], items: [] },
      ],
    });
    return { first, later, data: record(library, later) };
  }

  it('counts the changes and lists the moved spaces and a capped list of items', async () => {
    const { data } = await twoScans(libraries.open());
    expect(data.changes).toMatchObject({ spaces: { added: 1, removed: 0, verdict: 1 }, items: { added: 7, removed: 1 } });
    expect(data.changes?.transitions).toContainEqual(expect.objectContaining({ record: 'space', before: 'lost', after: 'migrates', count: 1 }));
    const page = html(data, 'en', { maxChangeRows: 3 });
    expect(page).toContain('<h2 id="changes-heading">What changed since the scan of 6 November 2023 at 10:30</h2>');
    expect(page).toContain('1 group or TwinSpace went from “Lost” to “Migrates”.');
    const spaces = page.slice(page.indexOf('changes-space'), page.indexOf('changes-item'));
    expect(count(spaces, /<tr class="change-row"/g)).toBe(2);
    expect(spaces).toContain(`<span dir="auto">Old &lt;script&gt;alert(1)&lt;/script&gt;</span>`);
    const items = page.slice(page.indexOf('changes-item'), page.indexOf('id="timeline-heading"'));
    expect(count(items, /<tr class="change-row"/g)).toBe(3);
    expect(items).toMatch(/<p class="more">\d+ more changes are not listed here; they are all in the CSV of changes/);
    expect(page).not.toContain('<script>');
    const nl = html(data, 'nl');
    expect(nl).toContain('Wat er veranderde sinds de scan van 6 november 2023');
    expect(nl).toContain('1 groep of TwinSpace ging van „Gaat verloren” naar „Verhuist”.');
  });

  it('writes every change to the CSV of changes', async () => {
    const { data } = await twoScans(libraries.open());
    const lines = [...changesCsvChunks(data.allChanges())].join('').split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe(`\uFEFF${CHANGES_CSV_COLUMNS.map((column) => `"${column}"`).join(',')}`);
    expect(lines).toContain('"space","verdict","g-old","","Old <script>alert(1)</script>","lost","G2","migrates","G1",""');
    expect(lines).toContain('"space","added","g-new","","A new group","","","lost","G2",""');
    expect(lines.filter((line) => line.startsWith('"item","added"'))).toHaveLength(7);
    expect(lines.some((line) => line.startsWith('"item","removed","l-2","g-live"'))).toBe(true);
  });

  it('says nothing changed when nothing did', async () => {
    const library = libraries.open();
    const scan = await buildScan(spec());
    record(library, scan);
    const again = record(library, { ...scan, scannedAt: '2023-12-01T09:00:00Z' });
    expect(html(again)).toContain('<p>Nothing changed.</p>');
  });
});

describe('caps that keep a report of 10,000 spaces a file a browser opens', () => {
  it('describes the first spaces and counts the rest, and tables the at-risk items of the first few', async () => {
    const many: SpaceSpec[] = Array.from({ length: 12 }, (_, index) => ({
      id: `t-${String(index).padStart(2, '0')}`, kind: 'twinspace', title: `Space ${index}`, createdAt: `20${10 + index}-01-01T00:00:00Z`,
      migrationRequest: 'none', activity: [], items: [{ id: `x-${index}`, type: 'page', title: `Page ${index}`, createdAt: '2019-01-01T00:00:00Z' }],
    }));
    const scan = await buildScan(spec({ spaces: many }));
    const data = record(libraries.open(), scan);
    const page = html(data, 'en', { maxSpaceSections: 5, maxRiskSpaces: 4 });
    expect(count(page, /<article class="space /g)).toBe(5);
    expect(page).toContain('7 more groups and TwinSpaces are not described here; they are all in the CSV export.');
    expect(count(page, /<section class="risk-space" /g)).toBe(4);
    expect(page).toContain('8 more groups and TwinSpaces with items at risk are not listed here');
    expect(page).toBe(html(reportDataOfScan(scan, ruleSet.timeZone), 'en', { maxSpaceSections: 5, maxRiskSpaces: 4 }));
  });

  it('summarises per kind, per year and per rule with the FAQ sentence', async () => {
    const scan = await buildScan(spec());
    const page = renderReportHtml(scan, ruleSet, 'en');
    expect(page).toContain('<tr class="kind-row" data-kind="twinspace"><th scope="row">TwinSpace</th><td class="num">1</td><td class="num">1</td><td class="num">1</td><td class="num">999 B</td></tr>');
    expect(page).toContain('<tr class="kind-row" data-kind="personal"><th scope="row">Your personal items</th><td class="num">—</td>');
    expect(page).toMatch(/<tr class="year-row"><th scope="row">2014<\/th><td class="bar-cell"><span class="bars" aria-hidden="true"><span class="bar v-lost" style="width:\d+(\.\d)?%"><\/span><\/span><\/td>/);
    expect(page).toMatch(/<tbody class="rule v-lost"><tr><th scope="row"><span class="rule-id">T1<\/span><\/th><td>TwinSpace not migrated<\/td>.*?<\/tr><tr class="quote-row"><td colspan="6"><blockquote lang="nl">De TwinSpaces werden echter niet gemigreerd/);
  });
});

describe('writing a report through a temporary file', () => {
  it('replaces the file only once every piece is written', async () => {
    const dir = libraries.folder();
    const file = path.join(dir, 'report.csv');
    writeFileSync(file, 'old');
    function* failing() {
      yield 'x'.repeat(300_000);
      yield 'more';
      throw new Error('the library went away');
    }
    await expect(writeChunksAtomic(file, failing())).rejects.toThrow('the library went away');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.csv']);

    const bytes = await writeChunksAtomic(file, ['é', 'x'.repeat(300_000), 'end']);
    expect(bytes).toBe(300_005);
    expect(readFileSync(file, 'utf8')).toBe(`é${'x'.repeat(300_000)}end`);
    expect(readdirSync(dir)).toEqual(['report.csv']);

    const stopped = new AbortController();
    stopped.abort(new Error('Stopped by the user.'));
    await expect(writeChunksAtomic(path.join(dir, 'new.csv'), ['y'.repeat(300_000)], { signal: stopped.signal })).rejects.toThrow('Stopped');
    expect(existsSync(path.join(dir, 'new.csv'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });
});
