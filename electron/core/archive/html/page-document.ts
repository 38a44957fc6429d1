import { escapeHtml } from './escape-html.ts';
import { PAGE_STYLE } from './page-style.ts';

/**
 * The policy every archive page carries. Nothing may run, and nothing may load but images and
 * media from the archive itself (and data: images pasted into bodies). Chromium matches
 * 'self' against file:// pages, so relative images show when a page is opened from disk while
 * any http(s) address is refused. base-uri and form-action do not fall back to default-src,
 * hence their own lines.
 */
export const ARCHIVE_PAGE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'; base-uri 'none'; form-action 'none'";

/** A complete, self-contained HTML5 document around already-escaped body markup. */
export function renderDocument(title: string, bodyMarkup: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(ARCHIVE_PAGE_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="TwinArchive">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${bodyMarkup}
</body>
</html>
`;
}
