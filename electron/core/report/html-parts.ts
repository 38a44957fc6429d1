import type { Verdict } from '../../../shared/model.ts';
import { escapeHtml } from './escape-html.ts';
import type { ReportStrings } from './report-strings.ts';

/** A shape beside every verdict so that it never rests on colour alone. */
export const VERDICT_MARK: Readonly<Record<Verdict, string>> = { migrates: '✓', lost: '✕', uncertain: '?' };

export function verdictBadge(verdict: Verdict, s: ReportStrings): string {
  return `<span class="badge v-${verdict}"><span class="mark" aria-hidden="true">${VERDICT_MARK[verdict]}</span> ${escapeHtml(s.verdicts[verdict])}</span>`;
}

/** Text from the platform (titles): escaped, and isolated so bidi controls stay inside it. */
export function scanText(text: string, s: ReportStrings): string {
  return text.trim() === ''
    ? `<span class="untitled">${escapeHtml(s.untitled)}</span>`
    : `<span dir="auto">${escapeHtml(text)}</span>`;
}
