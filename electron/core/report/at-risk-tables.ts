import type { ScannedItem } from '../../../shared/inventory.ts';
import { escapeHtml } from './escape-html.ts';
import { scanText, verdictBadge } from './html-parts.ts';
import { ruleTitle, type ReportContext } from './report-context.ts';
import type { ReasonGroup } from './report-data.ts';

const COLUMNS = 6;

/** Kept terse: a big scan has thousands of these rows, and the verdict mark comes from CSS. */
function itemRow(ctx: ReportContext, item: ScannedItem): string {
  const { s, fmt } = ctx;
  const size = item.file === null && item.size === 0 ? '—' : escapeHtml(fmt.bytes(item.size));
  const title = item.title.trim() === '' ? `<span class="untitled">${escapeHtml(s.untitled)}</span>` : escapeHtml(item.title);
  return `<tr><td dir="auto">${title}</td><td>${escapeHtml(s.itemTypes[item.type])}</td><td>${fmt.date(item.createdAt)}</td>`
    + `<td class="v-${item.verdict}">${escapeHtml(s.verdicts[item.verdict])}</td><td>${item.rule}</td><td class="num">${size}</td></tr>`;
}

/** Rows still to give out over the whole report, so 1,000,000 items stay a file a browser opens. */
interface RowBudget {
  left: number;
}

function itemTable(ctx: ReportContext, space: string | null, total: RowBudget): string {
  const { s } = ctx;
  const parts: string[] = [
    '<table class="items"><thead><tr>',
    `<th scope="col">${escapeHtml(s.titleColumn)}</th><th scope="col">${escapeHtml(s.typeColumn)}</th>`,
    `<th scope="col">${escapeHtml(s.createdColumn)}</th><th scope="col">${escapeHtml(s.verdictColumn)}</th>`,
    `<th scope="col">${escapeHtml(s.ruleColumn)}</th><th scope="col" class="num">${escapeHtml(s.sizeColumn)}</th>`,
    '</tr></thead>',
  ];
  // Every reason is shown, even past the budget: the rows are what the CSV is for, the why is not.
  const groups: ReasonGroup[] = ctx.data.atRiskGroups(space, Math.max(0, Math.min(ctx.maxItemRowsPerSpace, total.left)));
  let listed = 0;
  let count = 0;
  for (const group of groups) {
    listed += group.items.length;
    count += group.count;
    const label = s.itemCount(group.count, ctx.fmt.count(group.count));
    parts.push('<tbody>');
    parts.push(`<tr class="reason-row"><th scope="rowgroup" colspan="${COLUMNS}">${verdictBadge(group.verdict, s)} `
      + `<span class="rule-id">${group.rule}</span> ${escapeHtml(ruleTitle(ctx, group.rule))} (${escapeHtml(label)}): `
      + `<span class="reason">${escapeHtml(group.reason[ctx.lang])}</span></th></tr>`);
    for (const item of group.items) parts.push(itemRow(ctx, item));
    parts.push('</tbody>');
  }
  parts.push('</table>');
  total.left -= listed;
  const hidden = count - listed;
  if (hidden > 0) parts.push(`<p class="more">${escapeHtml(s.moreInCsv(ctx.fmt.count(hidden)))}</p>`);
  return parts.join('');
}

/** The lost and uncertain items: one table per space, then the personal items. */
export function* renderAtRiskTables(ctx: ReportContext): Generator<string> {
  const { s, data } = ctx;
  yield [
    '<section class="at-risk" aria-labelledby="at-risk-heading">',
    `<h2 id="at-risk-heading">${escapeHtml(s.atRiskHeading)}</h2>`,
    `<p>${escapeHtml(s.atRiskIntro)}</p>`,
  ].join('');
  const total: RowBudget = { left: ctx.maxItemRowsTotal };
  let tables = 0;
  let index = 0;
  let notShown = 0;
  for (const space of data.spaces()) {
    const at = index;
    index += 1;
    if (space.counts.lost + space.counts.uncertain === 0) continue;
    if (tables >= ctx.maxRiskSpaces) {
      notShown += 1;
      continue;
    }
    tables += 1;
    yield `<section class="risk-space" aria-labelledby="risk-${at}">`
      + `<h3 id="risk-${at}">${scanText(space.title, s)} <span class="kind">${escapeHtml(s.kinds[space.kind])}</span> ${verdictBadge(space.verdict, s)}</h3>`
      + itemTable(ctx, space.id, total)
      + '</section>';
  }
  if (notShown > 0) yield `<p class="more">${escapeHtml(s.moreRiskSpaces(ctx.fmt.count(notShown)))}</p>`;
  const personal = data.summary.byKind.personal;
  if (personal.byVerdict.lost.items + personal.byVerdict.uncertain.items > 0) {
    tables += 1;
    yield `<section class="risk-space personal"><h3>${escapeHtml(s.personalItems)}</h3>${itemTable(ctx, null, total)}</section>`;
  }
  if (tables === 0) yield `<p>${escapeHtml(s.atRiskNone)}</p>`;
  yield '</section>';
}
