import type { Judgement, Verdict } from '../../../../shared/model.ts';
import { escapeHtml } from './escape-html.ts';
import { PAGE_STRINGS, VERDICT_LABELS } from './page-strings.ts';

export function verdictBadge(verdict: Verdict): string {
  return `<span class="badge badge-${verdict}">${escapeHtml(VERDICT_LABELS[verdict])}</span>`;
}

export function ruleLabel(judgement: Judgement): string {
  return `<span class="rule">${escapeHtml(PAGE_STRINGS.rule)} ${escapeHtml(judgement.rule)}</span>`;
}

/** The verdict with everything a reader needs to trust it: reason in English and Dutch, FAQ quote. */
export function renderVerdictSection(judgement: Judgement, heading: string): string {
  const quote = judgement.quote.trim() === ''
    ? ''
    : `<figure class="faq"><blockquote lang="nl" dir="auto">${escapeHtml(judgement.quote)}</blockquote><figcaption>${escapeHtml(PAGE_STRINGS.faqQuote)}</figcaption></figure>`;
  return `<section class="verdict verdict-${judgement.verdict}" aria-labelledby="verdict-heading">
<h2 id="verdict-heading">${escapeHtml(heading)}</h2>
<p>${verdictBadge(judgement.verdict)} ${ruleLabel(judgement)}</p>
<p lang="en"><strong>${escapeHtml(PAGE_STRINGS.reasonEn)}:</strong> ${escapeHtml(judgement.reason.en)}</p>
<p lang="nl"><strong>${escapeHtml(PAGE_STRINGS.reasonNl)}:</strong> ${escapeHtml(judgement.reason.nl)}</p>
${quote}
</section>`;
}
