import type { Verdict } from '../../../shared/model.ts';
import { escapeHtml } from './escape-html.ts';
import { VERDICT_MARK, scanText, verdictBadge } from './html-parts.ts';
import { ruleTitle, type ReportContext } from './report-context.ts';
import type { ReportSpace } from './report-data.ts';

function fact(term: string, value: string, cls = ''): string {
  return `<div${cls ? ` class="${cls}"` : ''}><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`;
}

function renderSpace(ctx: ReportContext, space: ReportSpace, index: number): string {
  const { s, fmt } = ctx;
  const { counts } = space;
  const lastActivity = space.lastActivityAt === null ? `<em>${escapeHtml(s.noActivity)}</em>` : fmt.date(space.lastActivityAt);
  return [
    `<article class="space v-${space.verdict}" id="space-${index}">`,
    `<h4>${scanText(space.title, s)} ${verdictBadge(space.verdict, s)}</h4>`,
    '<dl class="facts">',
    fact(s.kind, escapeHtml(s.kinds[space.kind])),
    space.kind === 'twinspace' ? fact(s.migrationRequest, escapeHtml(s.migrationRequests[space.migrationRequest ?? 'none'])) : '',
    fact(s.rule, `<span class="rule-id">${space.rule}</span> ${escapeHtml(ruleTitle(ctx, space.rule))}`),
    fact(s.reason, escapeHtml(space.reason[ctx.lang]), 'wide'),
    fact(s.itemsPerVerdict, escapeHtml(s.itemCountsValue(fmt.count(counts.migrates), fmt.count(counts.lost), fmt.count(counts.uncertain)))),
    fact(s.created, fmt.date(space.createdAt)),
    fact(s.lastActivity, lastActivity),
    '</dl>',
    `<figure class="quote"><figcaption>${escapeHtml(s.faqQuote)}</figcaption><blockquote lang="nl">${escapeHtml(space.quote)}</blockquote></figure>`,
    '</article>',
  ].join('');
}

/**
 * Every space, grouped lost, uncertain, migrates: what it is, its verdict and why. Past
 * maxSpaceSections the rest (those at least at risk) are counted and left to the CSV.
 */
export function* renderSpaceSections(ctx: ReportContext): Generator<string> {
  const { s, data } = ctx;
  yield '<section class="spaces" aria-labelledby="spaces-heading">'
    + `<h2 id="spaces-heading">${escapeHtml(s.spacesHeading)}</h2>`;
  const total = data.summary.totals.spaces;
  if (total === 0) yield `<p>${escapeHtml(s.noSpaces)}</p>`;
  let open: Verdict | null = null;
  let index = 0;
  for (const space of data.spaces()) {
    if (index >= ctx.maxSpaceSections) break;
    if (space.verdict !== open) {
      if (open !== null) yield '</section>';
      open = space.verdict;
      const count = ctx.fmt.count(data.summary.totals.byVerdict[open].spaces);
      yield `<section class="verdict-group v-${open}" aria-labelledby="group-${open}">`
        + `<h3 id="group-${open}"><span class="mark" aria-hidden="true">${VERDICT_MARK[open]}</span> ${escapeHtml(s.spacesGroupHeading(s.verdicts[open], count))}</h3>`;
    }
    yield renderSpace(ctx, space, index);
    index += 1;
  }
  if (open !== null) yield '</section>';
  if (total > index) yield `<p class="more">${escapeHtml(s.moreSpaceSections(ctx.fmt.count(total - index)))}</p>`;
  yield '</section>';
}
