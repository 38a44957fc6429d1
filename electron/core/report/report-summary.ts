import { escapeHtml } from './escape-html.ts';
import type { ReportContext } from './report-context.ts';

/** The plain-language paragraph a reader who never saw the app starts with. */
export function renderReportSummary(ctx: ReportContext): string {
  const { s, fmt, data } = ctx;
  const { totals } = data.summary;
  const { byVerdict, atRisk } = totals;
  const sentences: string[] = [];
  if (atRisk.items === 0 && atRisk.spaces === 0) {
    sentences.push(s.summaryNothingAtRisk);
  } else {
    sentences.push(s.summaryItems(
      fmt.count(totals.items), fmt.count(byVerdict.lost.items),
      fmt.count(byVerdict.uncertain.items), fmt.count(byVerdict.migrates.items),
    ));
    if (totals.spaces > 0) {
      sentences.push(s.summarySpaces(
        fmt.count(totals.spaces), fmt.count(byVerdict.lost.spaces), fmt.count(byVerdict.uncertain.spaces),
      ));
    }
  }
  const advice = data.profileAtRisk() ? `<p class="advice">${escapeHtml(s.summaryProfileAdvice(data.head.account.email))}</p>` : '';
  return [
    '<section class="summary" aria-labelledby="summary-heading">',
    `<h2 id="summary-heading">${escapeHtml(s.summaryHeading)}</h2>`,
    `<p class="lead">${sentences.map(escapeHtml).join(' ')}</p>`,
    advice,
    '</section>',
  ].join('');
}
