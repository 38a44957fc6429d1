import { formatDuration } from '../../../shared/format.ts';
import type { BulkAccountStatus } from '../library/bulk-accounts-repository.ts';
import { BULK_STATUS_LABELS, bulkReportTotals, type BulkReport, type BulkReportAccount } from './bulk-report-model.ts';
import { escapeHtml } from './escape-html.ts';
import { createReportFormat, type ReportFormat } from './report-format.ts';
import { REPORT_CSS } from './report-styles.ts';
import { REPORT_CSP } from './render-html.ts';

const STATUS_CLASS: Readonly<Record<BulkAccountStatus, string>> = { done: 'v-migrates', failed: 'v-lost', queued: 'v-uncertain', running: 'v-uncertain' };
const STATUS_MARK: Readonly<Record<BulkAccountStatus, string>> = { done: '✓', failed: '✕', queued: '…', running: '…' };

const BULK_CSS = `
.failure { border-left: 4px solid var(--lost); background: var(--lost-tint); padding: 0.4rem 0.7rem; }
.pending { border-left: 4px solid var(--uncertain); background: var(--uncertain-tint); padding: 0.4rem 0.7rem; }
.path { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
article.account { border: 1px solid var(--rule); border-left: 6px solid var(--c); border-radius: 0.35rem; padding: 0.7rem 0.9rem; margin: 0.7rem 0; }
@media print { article.account { break-inside: avoid; page-break-inside: avoid; } }
`;

function fact(term: string, value: string): string {
  return `<div><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`;
}

function statusBadge(status: BulkAccountStatus): string {
  return `<span class="badge ${STATUS_CLASS[status]}"><span class="mark" aria-hidden="true">${STATUS_MARK[status]}</span> ${escapeHtml(BULK_STATUS_LABELS[status])}</span>`;
}

/** A link that opens the file next to the report; each part of the path is encoded. */
function fileLink(relativePath: string): string {
  const href = relativePath.split('/').map(encodeURIComponent).join('/');
  return `<a class="path" href="${escapeHtml(href)}" dir="ltr">${escapeHtml(relativePath)}</a>`;
}

function who(account: BulkReportAccount): string {
  const login = `<span dir="auto">${escapeHtml(account.login)}</span>`;
  return account.accountName && account.accountName.trim() !== ''
    ? `<span dir="auto">${escapeHtml(account.accountName)}</span> <span class="kind">(${login})</span>`
    : login;
}

function duration(account: BulkReportAccount): string {
  return account.seconds === null ? '—' : formatDuration(account.seconds);
}

function summaryTable(report: BulkReport, fmt: ReportFormat): string {
  const totals = bulkReportTotals(report);
  const rows = report.accounts.map((account) => [
    '<tr>',
    `<td class="num">${account.position}</td>`,
    `<td>${who(account)}</td>`,
    `<td class="path">${escapeHtml(account.folder)}</td>`,
    `<td>${statusBadge(account.status)}</td>`,
    `<td class="num">${account.status === 'done' ? fmt.count(account.items) : '—'}</td>`,
    `<td class="num">${account.status === 'done' ? escapeHtml(fmt.bytes(account.bytes)) : '—'}</td>`,
    `<td class="num">${escapeHtml(duration(account))}</td>`,
    `<td>${account.error === null ? '' : escapeHtml(account.error)}</td>`,
    '</tr>',
  ].join(''));
  return [
    '<table class="accounts">',
    '<caption>Every account of the job file</caption>',
    '<thead><tr><th scope="col" class="num">#</th><th scope="col">Colleague</th><th scope="col">Folder</th><th scope="col">Status</th>',
    '<th scope="col" class="num">Items</th><th scope="col" class="num">Size</th><th scope="col" class="num">Time</th><th scope="col">Why</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    `<tfoot><tr><th scope="row" colspan="4">Archived in all</th><td class="num">${fmt.count(totals.items)}</td>`,
    `<td class="num">${escapeHtml(fmt.bytes(totals.bytes))}</td><td></td><td></td></tr></tfoot>`,
    '</table>',
  ].join('');
}

function archivesTable(account: BulkReportAccount, fmt: ReportFormat): string {
  if (account.archives.length === 0) return '<p class="note">No archives in this folder yet.</p>';
  const rows = account.archives.map((archive) => [
    '<tr>',
    `<td>${fileLink(archive.path)}${archive.earlier ? ' <span class="kind">(from an earlier run)</span>' : ''}</td>`,
    `<td><span dir="auto">${escapeHtml(archive.title)}</span>${archive.parts > 1 ? ` <span class="kind">part ${archive.part} of ${archive.parts}</span>` : ''}</td>`,
    `<td class="num">${fmt.count(archive.items)}</td>`,
    `<td class="num">${escapeHtml(fmt.bytes(archive.size))}</td>`,
    '</tr>',
  ].join(''));
  return [
    '<table>',
    '<caption>Archives</caption>',
    '<thead><tr><th scope="col">File</th><th scope="col">Space</th><th scope="col" class="num">Items</th><th scope="col" class="num">Size</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('');
}

function problemsList(account: BulkReportAccount): string {
  if (account.problems.length === 0) return '';
  const items = account.problems.map((problem) =>
    `<li><span dir="auto">${escapeHtml(problem.title.trim() === '' ? problem.itemId : problem.title)}</span> <span class="kind">(${escapeHtml(problem.itemId)})</span>: ${escapeHtml(problem.problem)}</li>`);
  return `<h4>Kept as notices only: the platform would not give these items</h4><ul>${items.join('')}</ul>`;
}

function accountSection(account: BulkReportAccount, fmt: ReportFormat): string {
  const when = (instant: string | null) => (instant === null ? '—' : escapeHtml(fmt.dateTime(instant)));
  const why = account.error === null
    ? ''
    : `<p class="${account.status === 'failed' ? 'failure' : 'pending'}"><strong>${account.status === 'failed' ? 'What failed and why' : 'Why it is not finished'}:</strong> ${escapeHtml(account.error)}</p>`;
  return [
    `<article class="account ${STATUS_CLASS[account.status]}" id="account-${account.position}">`,
    `<h3>${account.position}. ${who(account)} ${statusBadge(account.status)}</h3>`,
    why,
    '<dl class="facts">',
    fact('Folder', `<span class="path">${escapeHtml(account.folder)}</span>`),
    fact('Items archived', account.status === 'done' ? escapeHtml(fmt.count(account.items)) : '—'),
    fact('Bytes archived', account.status === 'done' ? escapeHtml(fmt.bytes(account.bytes)) : '—'),
    fact('Attempts', escapeHtml(fmt.count(account.attempts))),
    fact('Last started', when(account.startedAt)),
    fact('Finished', when(account.finishedAt)),
    fact('Time', escapeHtml(duration(account))),
    '</dl>',
    archivesTable(account, fmt),
    problemsList(account),
    '</article>',
  ].join('');
}

/**
 * The run report of a bulk job: one self-contained, printable file that loads and runs nothing,
 * saying per account whether it was archived, where, and if not, why. Every text is escaped.
 */
export function renderBulkReportHtml(report: BulkReport, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const fmt = createReportFormat('en-GB', timeZone);
  const totals = bulkReportTotals(report);
  const rest = [
    totals.failed > 0 ? `${fmt.count(totals.failed)} failed` : null,
    totals.notFinished > 0 ? `${fmt.count(totals.notFinished)} did not finish` : null,
  ].filter((part) => part !== null);
  const lead = totals.done === totals.accounts
    ? `All ${fmt.count(totals.accounts)} accounts were archived.`
    : `${fmt.count(totals.done)} of ${fmt.count(totals.accounts)} accounts were archived; ${rest.join(' and ')}.`;
  return [
    '<!DOCTYPE html>\n',
    '<html lang="en">\n<head>\n',
    '<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">\n`,
    '<meta name="referrer" content="no-referrer">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta name="generator" content="TwinArchive">\n',
    '<title>TwinArchive bulk run report</title>\n',
    `<style>${REPORT_CSS}${BULK_CSS}</style>\n`,
    '</head>\n<body>\n',
    '<header class="report-header"><p class="eyebrow">TwinArchive</p><h1>Bulk run report</h1>',
    `<p class="lead">${escapeHtml(lead)}</p>`,
    report.stoppedBecause === null ? '' : `<p class="advice">The run stopped early: ${escapeHtml(report.stoppedBecause)}</p>`,
    totals.done === totals.accounts ? '' : '<p class="note">Run the same command again to retry what failed and finish the rest; finished accounts are not fetched again.</p>',
    '<dl class="facts">',
    fact('Platform', `<span class="address" dir="ltr">${escapeHtml(report.source)}</span>`),
    fact('Output folder', `<span class="address" dir="ltr">${escapeHtml(report.outRoot)}</span>`),
    fact('Report made', escapeHtml(fmt.dateTime(report.generatedAt))),
    fact('Archived in all', escapeHtml(`${fmt.count(totals.items)} items, ${fmt.bytes(totals.bytes)}`)),
    '</dl></header>\n<main>\n',
    '<section aria-labelledby="summary-heading"><h2 id="summary-heading">Accounts</h2>', summaryTable(report, fmt), '</section>\n',
    '<section aria-labelledby="details-heading"><h2 id="details-heading">Per account</h2>',
    ...report.accounts.map((account) => accountSection(account, fmt)),
    '</section>\n</main>\n',
    `<footer><p class="note">Times are in ${escapeHtml(timeZone)}. Job ${escapeHtml(report.jobId)}.</p></footer>\n`,
    '</body>\n</html>\n',
  ].join('');
}
