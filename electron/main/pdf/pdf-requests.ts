/**
 * The only loads the PDF window may make: the report page itself and data: URLs inside it. The
 * report is self-contained, so anything else (an image on the web, a font) is refused rather
 * than fetched while printing.
 */
export function isAllowedPdfRequest(url: string, pageUrl: string): boolean {
  return url === pageUrl || url.startsWith('data:');
}
