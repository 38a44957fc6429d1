const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/**
 * Text for HTML (and inline SVG) content and quoted attribute values. Control characters,
 * which HTML forbids and a hostile title may carry, become U+FFFD; bidi controls stay (the
 * report isolates titles with dir="auto" instead, so they cannot reorder text around them).
 */
export function escapeHtml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD')
    .replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
