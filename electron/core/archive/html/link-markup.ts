import { escapeHtml } from './escape-html.ts';
import type { LinkTarget } from './link-target.ts';
import { relativeHref } from './relative-href.ts';

/** A link from one entry to another, or, for what is elsewhere, the text with its note. */
export function linkTo(fromEntryPath: string, target: LinkTarget, innerMarkup: string): string {
  if (target.kind === 'entry') {
    return `<a href="${escapeHtml(relativeHref(fromEntryPath, target.path))}">${innerMarkup}</a>`;
  }
  const label = escapeHtml(target.label);
  return `<span class="ta-elsewhere" data-ta-note="${label}" title="${label}">${innerMarkup}</span>`;
}

/** An outside address as a link that sends nothing along, if it is http(s); else as text. */
export function externalLink(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return escapeHtml(address);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return escapeHtml(address);
  return `<a href="${escapeHtml(url.href)}" rel="noreferrer">${escapeHtml(address)}</a>`;
}
