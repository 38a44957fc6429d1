import type { ScannedSpace } from '../../../shared/inventory.ts';
import { escapeHtml } from './escape-html.ts';
import { VERDICT_MARK, scanText, verdictBadge } from './html-parts.ts';
import { VERDICT_ORDER, emptyCounts, ruleTitle, type ReportContext } from './report-context.ts';

function fact(term: string, value: string, cls = ''): string {
  return `<div${cls ? ` class="${cls}"` : ''}><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`;
}

function renderSpace(ctx: ReportContext, space: ScannedSpace, index: number): string {
  const { s, fmt } = ctx;
  const counts = ctx.countsBySpace.get(space.id) ?? emptyCounts();
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

/** Every space, grouped lost, uncertain, migrates: what it is, its verdict and why. */
export function renderSpaceSections(ctx: ReportContext): string {
  const { s } = ctx;
  const parts: string[] = [
    '<section class="spaces" aria-labelledby="spaces-heading">',
    `<h2 id="spaces-heading">${escapeHtml(s.spacesHeading)}</h2>`,
  ];
  if (ctx.spaces.length === 0) parts.push(`<p>${escapeHtml(s.noSpaces)}</p>`);
  let index = 0;
  for (const verdict of VERDICT_ORDER) {
    const spaces = ctx.spaces.filter((space) => space.verdict === verdict);
    if (spaces.length === 0) continue;
    parts.push(`<section class="verdict-group v-${verdict}" aria-labelledby="group-${verdict}">`);
    parts.push(`<h3 id="group-${verdict}"><span class="mark" aria-hidden="true">${VERDICT_MARK[verdict]}</span> ${escapeHtml(s.spacesGroupHeading(s.verdicts[verdict], ctx.fmt.count(spaces.length)))}</h3>`);
    for (const space of spaces) parts.push(renderSpace(ctx, space, index++));
    parts.push('</section>');
  }
  parts.push('</section>');
  return parts.join('');
}
