import { escapeHtml } from './escape-html.ts';
import { verdictBadge } from './html-parts.ts';
import { VERDICT_ORDER, ruleTitle, type ReportContext } from './report-context.ts';
import { numberCells } from './report-totals.ts';

const percent = (part: number, whole: number): string => (whole === 0 ? '0' : String(Math.round((part / whole) * 1000) / 10));

/**
 * Items per year of creation as a table whose second column is a bar per year (CSS widths, no
 * script and no picture: the report's CSP forbids both, and the numbers beside it are what a
 * screen reader and a grey-scale printer read).
 */
export function renderYearBreakdown(ctx: ReportContext): string {
  const { s, fmt } = ctx;
  const { byYear } = ctx.data.summary;
  if (byYear.length === 0) return '';
  const widest = Math.max(...byYear.map((year) => year.items));
  const rows = byYear.map((year) => {
    const bars = VERDICT_ORDER
      .filter((verdict) => year.byVerdict[verdict].items > 0)
      .map((verdict) => `<span class="bar v-${verdict}" style="width:${percent(year.byVerdict[verdict].items, widest)}%"></span>`)
      .join('');
    const label = year.year === null ? escapeHtml(s.yearUnknown) : String(year.year);
    return `<tr class="year-row"><th scope="row">${label}</th><td class="bar-cell"><span class="bars" aria-hidden="true">${bars}</span></td>`
      + VERDICT_ORDER.map((verdict) => `<td class="num">${fmt.count(year.byVerdict[verdict].items)}</td>`).join('')
      + numberCells(ctx, [year.items], year.bytes)
      + '</tr>';
  });
  return [
    '<section class="years-section" aria-labelledby="years-heading">',
    `<h2 id="years-heading">${escapeHtml(s.yearsHeading)}</h2>`,
    `<p class="note">${escapeHtml(s.yearsIntro(ctx.ruleSet.timeZone))}</p>`,
    '<table class="by-year"><thead><tr>',
    `<th scope="col">${escapeHtml(s.yearColumn)}</th><th scope="col" class="bar-cell"><span class="visually-hidden">${escapeHtml(s.itemsColumn)}</span></th>`,
    ...VERDICT_ORDER.map((verdict) => `<th scope="col" class="num">${verdictBadge(verdict, s)}</th>`),
    `<th scope="col" class="num">${escapeHtml(s.itemsColumn)}</th><th scope="col" class="num">${escapeHtml(s.sizeColumn)}</th>`,
    `</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('');
}

/** Every rule that decided a verdict: its title, what it decided, how much, and the FAQ sentence. */
export function renderRuleBreakdown(ctx: ReportContext): string {
  const { s, data } = ctx;
  const rules = data.summary.byRule.filter((rule) => rule.items > 0 || rule.spaces > 0);
  if (rules.length === 0) return '';
  const sameRuleSet = data.head.ruleSet.version === ctx.ruleSet.version;
  const bodies = rules.map((rule) => {
    const candidates = sameRuleSet ? Object.values(ctx.ruleSet.rules[rule.rule]?.variants ?? {}).map((variant) => variant.quote) : null;
    const quotes = data.quotesOfRule(rule.rule, candidates)
      .map((quote) => `<tr class="quote-row"><td colspan="6"><blockquote lang="nl">${escapeHtml(quote)}</blockquote></td></tr>`)
      .join('');
    return `<tbody class="rule v-${rule.verdict}"><tr><th scope="row"><span class="rule-id">${rule.rule}</span></th>`
      + `<td>${escapeHtml(ruleTitle(ctx, rule.rule))}</td><td>${verdictBadge(rule.verdict, s)}</td>`
      + `${numberCells(ctx, [rule.spaces, rule.items], rule.bytes)}</tr>${quotes}</tbody>`;
  });
  return [
    '<section class="rules-section" aria-labelledby="rules-heading">',
    `<h2 id="rules-heading">${escapeHtml(s.rulesHeading)}</h2>`,
    `<p class="note">${escapeHtml(s.rulesIntro)}</p>`,
    `<table class="totals by-rule"><caption>${escapeHtml(s.totalsByRule)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(s.ruleColumn)}</th><th scope="col">${escapeHtml(s.ruleTitleColumn)}</th>`,
    `<th scope="col">${escapeHtml(s.verdictColumn)}</th><th scope="col" class="num">${escapeHtml(s.spacesColumn)}</th>`,
    `<th scope="col" class="num">${escapeHtml(s.itemsColumn)}</th><th scope="col" class="num">${escapeHtml(s.sizeColumn)}</th></tr></thead>`,
    bodies.join(''),
    '</table></section>',
  ].join('');
}
