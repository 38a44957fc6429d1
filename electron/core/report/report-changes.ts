import type { ChangeRecord, ScanChange } from '../../../shared/scan-summary.ts';
import { escapeHtml } from './escape-html.ts';
import { scanText, verdictBadge } from './html-parts.ts';
import type { ReportContext } from './report-context.ts';

function judgement(ctx: ReportContext, judged: ScanChange['before']): string {
  return judged === null ? '—' : `${verdictBadge(judged.verdict, ctx.s)} <span class="rule-id">${judged.rule}</span>`;
}

function changeTable(ctx: ReportContext, record: ChangeRecord, caption: string): string {
  const { s, fmt } = ctx;
  const page = ctx.data.changeList(record, ctx.maxChangeRows);
  if (page.total === 0) return '';
  const withSize = record === 'item';
  const rows = page.rows.map((change) =>
    `<tr class="change-row" data-change="${change.change}"><td>${scanText(change.title, s)}</td>`
    + `<td>${escapeHtml(s.changeKinds[change.change])}</td><td>${judgement(ctx, change.before)}</td><td>${judgement(ctx, change.after)}</td>`
    + (withSize ? `<td class="num">${escapeHtml(fmt.bytes(change.size))}</td>` : '')
    + '</tr>');
  const hidden = page.total - page.rows.length;
  return [
    `<table class="changes changes-${record}"><caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(s.titleColumn)}</th><th scope="col">${escapeHtml(s.changeColumn)}</th>`,
    `<th scope="col">${escapeHtml(s.beforeColumn)}</th><th scope="col">${escapeHtml(s.afterColumn)}</th>`,
    withSize ? `<th scope="col" class="num">${escapeHtml(s.sizeColumn)}</th>` : '',
    `</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    hidden > 0 ? `<p class="more">${escapeHtml(s.moreChanges(fmt.count(hidden)))}</p>` : '',
  ].join('');
}

/**
 * What changed since the account's previous scan: counts, the verdict moves (a group whose new
 * activity brought it into the window), then the changed spaces and a capped list of items.
 */
export function renderReportChanges(ctx: ReportContext): string {
  const { changes } = ctx.data;
  if (changes === null) return '';
  const { s, fmt } = ctx;
  const heading = s.changesHeading(fmt.dateTime(changes.previousScannedAt));
  const nothing = changes.spaces.added + changes.spaces.removed + changes.spaces.verdict
    + changes.items.added + changes.items.removed + changes.items.verdict === 0;
  const parts = [
    '<section class="changes-section" aria-labelledby="changes-heading">',
    `<h2 id="changes-heading">${escapeHtml(heading)}</h2>`,
    `<p class="note">${escapeHtml(s.changesIntro)}</p>`,
  ];
  if (nothing) {
    parts.push(`<p>${escapeHtml(s.changesNone)}</p></section>`);
    return parts.join('');
  }
  const cell = (value: number, bytes?: number) =>
    `<td class="num">${fmt.count(value)}${bytes === undefined || value === 0 ? '' : ` <span class="kind">(${escapeHtml(fmt.bytes(bytes))})</span>`}</td>`;
  parts.push(
    `<table class="totals change-counts"><thead><tr><th scope="col"></th><th scope="col" class="num">${escapeHtml(s.addedColumn)}</th>`,
    `<th scope="col" class="num">${escapeHtml(s.removedColumn)}</th><th scope="col" class="num">${escapeHtml(s.judgedColumn)}</th></tr></thead><tbody>`,
    `<tr data-record="space"><th scope="row">${escapeHtml(s.spacesColumn)}</th>${cell(changes.spaces.added)}${cell(changes.spaces.removed)}${cell(changes.spaces.verdict)}</tr>`,
    `<tr data-record="item"><th scope="row">${escapeHtml(s.itemsColumn)}</th>${cell(changes.items.added, changes.items.addedBytes)}`,
    `${cell(changes.items.removed, changes.items.removedBytes)}${cell(changes.items.verdict)}</tr>`,
    '</tbody></table>',
  );
  // Spaces first: a group moving into the window is the news; its items follow it.
  const moves = [...changes.transitions].sort((a, b) => Number(a.record === 'item') - Number(b.record === 'item')).map((move) => {
    const sentence = move.record === 'space'
      ? s.spacesMoved(fmt.count(move.count), s.verdicts[move.before], s.verdicts[move.after])
      : s.itemsMoved(fmt.count(move.count), s.verdicts[move.before], s.verdicts[move.after]);
    return `<li>${verdictBadge(move.before, s)} → ${verdictBadge(move.after, s)} ${escapeHtml(sentence)}</li>`;
  });
  if (moves.length > 0) parts.push(`<ul class="moves">${moves.join('')}</ul>`);
  parts.push(changeTable(ctx, 'space', s.changedSpacesCaption), changeTable(ctx, 'item', s.changedItemsCaption), '</section>');
  return parts.join('');
}
