import { describe, expect, it } from 'vitest';
import { renderBulkReportCsv, BULK_REPORT_CSV_COLUMNS } from '../../electron/core/report/bulk-report-csv.ts';
import { renderBulkReportHtml } from '../../electron/core/report/bulk-report-html.ts';
import type { BulkReport, BulkReportAccount } from '../../electron/core/report/bulk-report-model.ts';
import { parseCsv } from '../../electron/core/util/parse-csv.ts';
import { activeContentIn } from '../helpers/archive-reading.ts';

const HOSTILE = '<script>alert(1)</script>"\'&';

function account(position: number, overrides: Partial<BulkReportAccount> = {}): BulkReportAccount {
  return {
    position, login: `teacher${position}`, accountName: `Teacher ${position}`, folder: `teacher${position}`, status: 'done', attempts: 1,
    error: null, items: 10, bytes: 2_500_000, archives: [], problems: [], startedAt: '2024-05-01T08:00:00.000Z',
    finishedAt: '2024-05-01T08:02:05.000Z', seconds: 125, ...overrides,
  };
}

function report(accounts: BulkReportAccount[]): BulkReport {
  return { jobId: 'bulk-1', source: 'https://live.etwinning.net', outRoot: '/srv/out', generatedAt: '2024-05-01T09:00:00.000Z', stoppedBecause: null, accounts };
}

const sample = report([
  account(1, {
    login: `=HYPERLINK("x")${HOSTILE}`, accountName: HOSTILE, folder: 'Klas 5B/an',
    archives: [{ path: 'Klas 5B/an/Rivers #1 part 1 of 2.zip', title: HOSTILE, part: 1, parts: 2, items: 6, size: 1_000_000, earlier: true }],
    problems: [{ itemId: 'i-9', title: '@SUM(1)', problem: 'The platform has nothing at GET /content/i-9.' }],
  }),
  account(2, { status: 'failed', error: `Wrong password ${HOSTILE}`, items: 0, bytes: 0, accountName: null }),
  account(3, { status: 'queued', error: 'Not started because the disk is full.', startedAt: null, finishedAt: null, seconds: null }),
]);

describe('renderBulkReportHtml', () => {
  const html = renderBulkReportHtml(sample, 'Europe/Brussels');

  it('is one self-contained page that can load and run nothing', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">');
    expect(activeContentIn(html)).toEqual([]);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(html).toContain('@media print');
  });

  it('says per account what was archived, what failed and why, and what did not finish', () => {
    expect(html).toContain('1 of 3 accounts were archived; 1 failed and 1 did not finish.');
    expect(html).toContain('<a class="path" href="Klas%205B/an/Rivers%20%231%20part%201%20of%202.zip" dir="ltr">Klas 5B/an/Rivers #1 part 1 of 2.zip</a>');
    expect(html).toContain('(from an earlier run)');
    expect(html).toMatch(/What failed and why:<\/strong> Wrong password &lt;script&gt;/);
    expect(html).toMatch(/Why it is not finished:<\/strong> Not started because the disk is full\./);
    expect(html).toContain('Kept as notices only');
    expect(html).toContain('2:05');
    expect(html).toContain('1 May 2024 at 10:00');
  });

  it('says when everything was archived', () => {
    expect(renderBulkReportHtml(report([account(1), account(2)]), 'UTC')).toContain('All 2 accounts were archived.');
  });
});

describe('renderBulkReportCsv', () => {
  const text = renderBulkReportCsv(sample);
  const records = parseCsv(text);

  it('is RFC 4180 with a BOM, CRLF and every field quoted', () => {
    expect(text.startsWith('\uFEFF"record","position"')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(records.every((record) => record.problem === null && record.fields.length === BULK_REPORT_CSV_COLUMNS.length)).toBe(true);
  });

  it('guards cells a spreadsheet would take for a formula', () => {
    const [, first] = records;
    expect(first?.fields[2]).toBe(`'=HYPERLINK("x")${HOSTILE}`);
    const problem = records.find((record) => record.fields[0] === 'problem');
    expect(problem?.fields.at(-1)).toBe("'@SUM(1)");
  });

  it('gives one row per account, archive and notice; only done accounts count bytes', () => {
    const column = (name: (typeof BULK_REPORT_CSV_COLUMNS)[number]) => BULK_REPORT_CSV_COLUMNS.indexOf(name);
    expect(records.slice(1).map((record) => [record.fields[0], record.fields[1], record.fields[column('status')], record.fields[column('bytes')]])).toEqual([
      ['account', '1', 'done', '2500000'],
      ['archive', '1', '', ''],
      ['problem', '1', '', ''],
      ['account', '2', 'failed', ''],
      ['account', '3', 'not-finished', ''],
    ]);
    const archive = records[2]?.fields ?? [];
    expect([archive[column('archive_path')], archive[column('archive_bytes')], archive[column('items')]]).toEqual(['Klas 5B/an/Rivers #1 part 1 of 2.zip', '1000000', '6']);
    expect(records[4]?.fields[column('reason')]).toBe(`Wrong password ${HOSTILE}`);
    expect(records[5]?.fields[column('reason')]).toBe('Not started because the disk is full.');
  });
});
