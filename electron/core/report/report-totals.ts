import { RULE_IDS } from '../../../shared/model.ts';
import { escapeHtml } from './escape-html.ts';
import { verdictBadge } from './html-parts.ts';
import { VERDICT_ORDER, ruleTitle, type ReportContext } from './report-context.ts';

function numberCells(ctx: ReportContext, values: readonly number[], bytes: number): string {
  return values.map((value) => `<td class="num">${ctx.fmt.count(value)}</td>`).join('')
    + `<td class="num">${escapeHtml(ctx.fmt.bytes(bytes))}</td>`;
}

function byVerdictTable(ctx: ReportContext): string {
  const { s, scan } = ctx;
  const { byVerdict, atRisk } = scan.totals;
  const rows = VERDICT_ORDER.map((verdict) => {
    const totals = byVerdict[verdict];
    return `<tr class="verdict-row" data-verdict="${verdict}"><th scope="row">${verdictBadge(verdict, s)}</th>${numberCells(ctx, [totals.spaces, totals.items], totals.bytes)}</tr>`;
  });
  return [
    `<table class="totals by-verdict"><caption>${escapeHtml(s.totalsByVerdict)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(s.verdictColumn)}</th><th scope="col" class="num">${escapeHtml(s.spacesColumn)}</th>`,
    `<th scope="col" class="num">${escapeHtml(s.itemsColumn)}</th><th scope="col" class="num">${escapeHtml(s.sizeColumn)}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '<tfoot>',
    `<tr class="at-risk-row"><th scope="row">${escapeHtml(s.atRiskRow)}</th>${numberCells(ctx, [atRisk.spaces, atRisk.items], atRisk.bytes)}</tr>`,
    `<tr><th scope="row">${escapeHtml(s.totalRow)}</th>${numberCells(ctx, [scan.totals.spaces, scan.totals.items], scan.totals.bytes)}</tr>`,
    '</tfoot></table>',
  ].join('');
}

function byRuleTable(ctx: ReportContext): string {
  const { s, scan } = ctx;
  const rows = RULE_IDS.flatMap((rule) => {
    const totals = scan.totals.byRule[rule];
    if (!totals) return [];
    return [`<tr><th scope="row"><span class="rule-id">${rule}</span></th><td>${escapeHtml(ruleTitle(ctx, rule))}</td>${numberCells(ctx, [totals.items], totals.bytes)}</tr>`];
  });
  if (rows.length === 0) return '';
  return [
    `<table class="totals by-rule"><caption>${escapeHtml(s.totalsByRule)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(s.ruleColumn)}</th><th scope="col">${escapeHtml(s.ruleTitleColumn)}</th>`,
    `<th scope="col" class="num">${escapeHtml(s.itemsColumn)}</th><th scope="col" class="num">${escapeHtml(s.sizeColumn)}</th></tr></thead>`,
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
    byRuleTable(ctx),
    '</div></section>',
  ].join('');
}
