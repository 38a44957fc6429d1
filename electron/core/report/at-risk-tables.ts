import type { ScannedItem } from '../../../shared/inventory.ts';
import { isAtRisk } from '../../../shared/model.ts';
import { escapeHtml } from './escape-html.ts';
import { scanText, verdictBadge } from './html-parts.ts';
import { VERDICT_ORDER, ruleRank, ruleTitle, timeOf, type ReportContext } from './report-context.ts';

const COLUMNS = 6;

interface ItemGroup {
  head: ScannedItem;
  items: ScannedItem[];
}

/** Items sharing verdict, rule and reason: the reason is printed once per group, not per row. */
function groupByReason(items: readonly ScannedItem[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const item of items) {
    const key = `${item.verdict}\u0000${item.rule}\u0000${item.reason.en}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { head: item, items: [item] });
  }
  const byDate = (a: ScannedItem, b: ScannedItem): number => timeOf(a.createdAt) - timeOf(b.createdAt) || a.id.localeCompare(b.id);
  for (const group of groups.values()) group.items.sort(byDate);
  return [...groups.values()].sort((a, b) => VERDICT_ORDER.indexOf(a.head.verdict) - VERDICT_ORDER.indexOf(b.head.verdict)
    || ruleRank(a.head.rule) - ruleRank(b.head.rule));
}

/** Kept terse: a big scan has thousands of these rows, and the verdict mark comes from CSS. */
function itemRow(ctx: ReportContext, item: ScannedItem): string {
  const { s, fmt } = ctx;
  const size = item.file === null && item.size === 0 ? '—' : escapeHtml(fmt.bytes(item.size));
  const title = item.title.trim() === '' ? `<span class="untitled">${escapeHtml(s.untitled)}</span>` : escapeHtml(item.title);
  return `<tr><td dir="auto">${title}</td><td>${escapeHtml(s.itemTypes[item.type])}</td><td>${fmt.date(item.createdAt)}</td>`
    + `<td class="v-${item.verdict}">${escapeHtml(s.verdicts[item.verdict])}</td><td>${item.rule}</td><td class="num">${size}</td></tr>`;
}

/** Rows still to give out over the whole report, so 100,000 items stay a file a browser opens. */
interface RowBudget {
  left: number;
}

function itemTable(ctx: ReportContext, items: readonly ScannedItem[], total: RowBudget): string {
  const { s } = ctx;
  const parts: string[] = [
    '<table class="items"><thead><tr>',
    `<th scope="col">${escapeHtml(s.titleColumn)}</th><th scope="col">${escapeHtml(s.typeColumn)}</th>`,
    `<th scope="col">${escapeHtml(s.createdColumn)}</th><th scope="col">${escapeHtml(s.verdictColumn)}</th>`,
    `<th scope="col">${escapeHtml(s.ruleColumn)}</th><th scope="col" class="num">${escapeHtml(s.sizeColumn)}</th>`,
    '</tr></thead>',
  ];
  // Every reason is shown, even past the budget: the rows are what the CSV is for, the why is not.
  let budget = Math.min(ctx.maxItemRowsPerSpace, total.left);
  let listed = 0;
  for (const group of groupByReason(items)) {
    const { head } = group;
    const shown = group.items.slice(0, Math.max(budget, 0));
    budget -= shown.length;
    listed += shown.length;
    const count = s.itemCount(group.items.length, ctx.fmt.count(group.items.length));
    parts.push('<tbody>');
    parts.push(`<tr class="reason-row"><th scope="rowgroup" colspan="${COLUMNS}">${verdictBadge(head.verdict, s)} `
      + `<span class="rule-id">${head.rule}</span> ${escapeHtml(ruleTitle(ctx, head.rule))} (${escapeHtml(count)}): `
      + `<span class="reason">${escapeHtml(head.reason[ctx.lang])}</span></th></tr>`);
    for (const item of shown) parts.push(itemRow(ctx, item));
    parts.push('</tbody>');
  }
  parts.push('</table>');
  total.left -= listed;
  const hidden = items.length - listed;
  if (hidden > 0) parts.push(`<p class="more">${escapeHtml(s.moreInCsv(ctx.fmt.count(hidden)))}</p>`);
  return parts.join('');
}

/** The lost and uncertain items: one table per space, then the personal items. */
export function renderAtRiskTables(ctx: ReportContext): string {
  const { s } = ctx;
  const parts: string[] = [
    '<section class="at-risk" aria-labelledby="at-risk-heading">',
    `<h2 id="at-risk-heading">${escapeHtml(s.atRiskHeading)}</h2>`,
    `<p>${escapeHtml(s.atRiskIntro)}</p>`,
  ];
  const total: RowBudget = { left: ctx.maxItemRowsTotal };
  let tables = 0;
  for (const [index, space] of ctx.spaces.entries()) {
    const atRisk = (ctx.itemsBySpace.get(space.id) ?? []).filter((item) => isAtRisk(item.verdict));
    if (atRisk.length === 0) continue;
    tables += 1;
    parts.push(`<section class="risk-space" aria-labelledby="risk-${index}">`);
    parts.push(`<h3 id="risk-${index}">${scanText(space.title, s)} <span class="kind">${escapeHtml(s.kinds[space.kind])}</span> ${verdictBadge(space.verdict, s)}</h3>`);
    parts.push(itemTable(ctx, atRisk, total));
    parts.push('</section>');
  }
  const personal = ctx.personalItems.filter((item) => isAtRisk(item.verdict));
  if (personal.length > 0) {
    tables += 1;
    parts.push(`<section class="risk-space personal"><h3>${escapeHtml(s.personalItems)}</h3>`);
    parts.push(itemTable(ctx, personal, total));
    parts.push('</section>');
  }
  if (tables === 0) parts.push(`<p>${escapeHtml(s.atRiskNone)}</p>`);
  parts.push('</section>');
  return parts.join('');
}
