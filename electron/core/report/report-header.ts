import { escapeHtml } from './escape-html.ts';
import type { ReportContext } from './report-context.ts';

function fact(term: string, value: string): string {
  return `<div><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`;
}

/** The title and what the report is based on: account, platform, date, rule set, settings. */
export function renderReportHeader(ctx: ReportContext): string {
  const { s } = ctx;
  const scan = ctx.data.head;
  const euLogin = scan.settings.euLoginEmail;
  return [
    '<header class="report-header">',
    `<p class="eyebrow">TwinArchive</p>`,
    `<h1>${escapeHtml(s.heading)}: <span dir="auto">${escapeHtml(scan.account.name)}</span></h1>`,
    `<p class="intro">${escapeHtml(s.intro)}</p>`,
    '<dl class="facts">',
    fact(s.account, `<span dir="auto">${escapeHtml(scan.account.name)}</span>`),
    fact(s.email, `<span dir="auto">${escapeHtml(scan.account.email)}</span>`),
    fact(s.platform, `<span class="address" dir="ltr">${escapeHtml(scan.source)}</span>`),
    fact(s.scannedAt, escapeHtml(ctx.fmt.dateTime(scan.scannedAt))),
    fact(s.ruleSetLabel, escapeHtml(s.ruleSetValue(scan.ruleSet.version, scan.ruleSet.faqUpdated))),
    fact(s.margin, escapeHtml(s.marginValue(scan.settings.margin))),
    fact(s.euLoginEmail, euLogin === null || euLogin.trim() === ''
      ? `<em>${escapeHtml(s.notGiven)}</em>`
      : `<span dir="auto">${escapeHtml(euLogin)}</span>`),
    '</dl>',
    `<p class="note">${escapeHtml(s.datesNote(ctx.ruleSet.timeZone))}</p>`,
    '</header>',
  ].join('');
}
