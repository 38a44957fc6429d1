import { HOLDER_KINDS, type HolderKind } from '../../../shared/scan-summary.ts';
import { escapeHtml } from './escape-html.ts';
import { verdictBadge } from './html-parts.ts';
import { VERDICT_ORDER, type ReportContext } from './report-context.ts';

export function numberCells(ctx: ReportContext, values: readonly number[], bytes: number): string {
  return values.map((value) => `<td class="num">${ctx.fmt.count(value)}</td>`).join('')
    + `<td class="num">${escapeHtml(ctx.fmt.bytes(bytes))}</td>`;
}

function byVerdictTable(ctx: ReportContext): string {
  const { s } = ctx;
  const { totals } = ctx.data.summary;
  const { byVerdict, atRisk } = totals;
  const rows = VERDICT_ORDER.map((verdict) => {
    const entry = byVerdict[verdict];
    return `<tr class="verdict-row" data-verdict="${verdict}"><th scope="row">${verdictBadge(verdict, s)}</th>${numberCells(ctx, [entry.spaces, entry.items], entry.bytes)}</tr>`;
  });
  return [
    `<table class="totals by-verdict"><caption>${escapeHtml(s.totalsByVerdict)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(s.verdictColumn)}</th><th scope="col" class="num">${escapeHtml(s.spacesColumn)}</th>`,
    `<th scope="col" class="num">${escapeHtml(s.itemsColumn)}</th><th scope="col" class="num">${escapeHtml(s.sizeColumn)}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '<tfoot>',
    `<tr class="at-risk-row"><th scope="row">${escapeHtml(s.atRiskRow)}</th>${numberCells(ctx, [atRisk.spaces, atRisk.items], atRisk.bytes)}</tr>`,
    `<tr><th scope="row">${escapeHtml(s.totalRow)}</th>${numberCells(ctx, [totals.spaces, totals.items], totals.bytes)}</tr>`,
    '</tfoot></table>',
  ].join('');
}

export function holderLabel(ctx: ReportContext, kind: HolderKind): string {
  return kind === 'personal' ? ctx.s.personalItems : ctx.s.kinds[kind];
}

/** Groups, TwinSpaces and personal items side by side: where the risk sits. */
function byKindTable(ctx: ReportContext): string {
  const { s, fmt } = ctx;
  const { byKind } = ctx.data.summary;
  const rows = HOLDER_KINDS.map((kind) => {
    const entry = byKind[kind];
    const spaces = kind === 'personal' ? '—' : fmt.count(entry.spaces);
    const atRiskItems = entry.byVerdict.lost.items + entry.byVerdict.uncertain.items;
    const atRiskBytes = entry.byVerdict.lost.bytes + entry.byVerdict.uncertain.bytes;
    return `<tr class="kind-row" data-kind="${kind}"><th scope="row">${escapeHtml(holderLabel(ctx, kind))}</th>`
      + `<td class="num">${spaces}</td><td class="num">${fmt.count(entry.items)}</td>`
      + `<td class="num">${fmt.count(atRiskItems)}</td><td class="num">${escapeHtml(fmt.bytes(atRiskBytes))}</td></tr>`;
  });
  return [
    `<table class="totals by-kind"><caption>${escapeHtml(s.totalsByKind)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(s.kind)}</th><th scope="col" class="num">${escapeHtml(s.spacesColumn)}</th>`,
    `<th scope="col" class="num">${escapeHtml(s.itemsColumn)}</th><th scope="col" class="num">${escapeHtml(s.atRiskItemsColumn)}</th>`,
    `<th scope="col" class="num">${escapeHtml(s.atRiskSizeColumn)}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('');
}

function verdictMeanings(ctx: ReportContext): string {
  const { s } = ctx;
  const entries = VERDICT_ORDER.map((verdict) => `<div><dt>${verdictBadge(verdict, s)}</dt><dd>${escapeHtml(s.verdictMeanings[verdict])}</dd></div>`);
  return `<dl class="meanings">${entries.join('')}</dl>`;
}

export function renderReportTotals(ctx: ReportContext): string {
  return [
    '<section class="totals-section" aria-labelledby="totals-heading">',
    `<h2 id="totals-heading">${escapeHtml(ctx.s.totalsHeading)}</h2>`,
    verdictMeanings(ctx),
    '<div class="totals-grid">',
    byVerdictTable(ctx),
    byKindTable(ctx),
    '</div></section>',
  ].join('');
}
