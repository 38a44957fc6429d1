/** One stylesheet for every archive page: readable, light or dark as the system is, printable. */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1f; --muted: #5a5d66; --line: #d3d6dc; --box: #f3f5f8; --link: #0b57d0;
  --lost: #9f1d14; --lost-bg: #fde8e6; --uncertain: #6b4700; --uncertain-bg: #fff1cc; --migrates: #17612f; --migrates-bg: #e2f4e7; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #131417; --fg: #e6e7ea; --muted: #a4a8b2; --line: #3a3d44; --box: #1f2228; --link: #9cc0ff;
    --lost: #ffb4aa; --lost-bg: #47140f; --uncertain: #ffd98a; --uncertain-bg: #3d2d00; --migrates: #9fe0b0; --migrates-bg: #0f3a1d; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem 1.25rem 3rem; background: var(--bg); color: var(--fg);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; overflow-wrap: anywhere; }
a { color: var(--link); }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .25rem 0 .75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: .5rem 0; }
td, th { border: 1px solid var(--line); padding: .25rem .5rem; vertical-align: top; text-align: start; }
pre, code { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: .9em; }
pre { white-space: pre-wrap; background: var(--box); padding: .75rem; border-radius: .25rem; }
blockquote { margin: .75rem 0; padding-inline-start: 1rem; border-inline-start: .25rem solid var(--line); }
.breadcrumb { font-size: .9rem; color: var(--muted); }
.kind { margin: 1rem 0 0; color: var(--muted); font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.muted, .note { color: var(--muted); }
.verdict { border: 1px solid var(--line); border-inline-start-width: .4rem; border-radius: .25rem; padding: .25rem 1rem .75rem; margin: 1rem 0; }
.verdict h2 { margin-top: .5rem; font-size: 1.05rem; }
.verdict-lost { border-inline-start-color: var(--lost); }
.verdict-uncertain { border-inline-start-color: var(--uncertain); }
.verdict-migrates { border-inline-start-color: var(--migrates); }
.badge { display: inline-block; padding: 0 .55rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.badge-lost { color: var(--lost); background: var(--lost-bg); }
.badge-uncertain { color: var(--uncertain); background: var(--uncertain-bg); }
.badge-migrates { color: var(--migrates); background: var(--migrates-bg); }
.rule { color: var(--muted); font-size: .85rem; }
.faq { margin: .5rem 0 0; }
.faq blockquote { margin: 0; font-style: italic; }
.faq figcaption { color: var(--muted); font-size: .85rem; }
.body { border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: .5rem 0 1rem; margin: 1rem 0; }
.preview { display: block; margin: 1rem 0; }
.ta-embed { display: block; margin: .75rem 0; padding: .75rem 1rem; border: 1px dashed var(--line); border-radius: .25rem; background: var(--box); }
.ta-remote-image { color: var(--muted); font-style: italic; }
.ta-elsewhere { text-decoration: underline dotted; }
.ta-elsewhere::after { content: "(" attr(data-ta-note) ")"; display: inline-block; margin-inline-start: .3em; color: var(--muted); font-size: .85em; }
.items { list-style: none; padding: 0; margin: 0; }
.items li { padding: .4rem 0; border-bottom: 1px solid var(--line); }
.items .reason { display: block; color: var(--muted); font-size: .9rem; }
.items .muted { font-size: .85rem; }
.counts td, .counts th { text-align: end; }
.counts td:first-child, .counts th:first-child { text-align: start; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  :root { color-scheme: light; --bg: #fff; --fg: #000; --muted: #444; --line: #999; --box: #fff; --link: #000;
    --lost: #000; --lost-bg: #fff; --uncertain: #000; --uncertain-bg: #fff; --migrates: #000; --migrates-bg: #fff; }
  body { max-width: none; padding: 0; }
  .breadcrumb { display: none; }
  .badge { border: 1px solid #000; }
  a[href^="http"]:not(.ta-embed):not(.ta-remote-image)::after { content: " <" attr(href) ">"; font-size: .85em; }
  .ta-embed, .verdict, figure, tr, img { break-inside: avoid; }
  h1, h2 { break-after: avoid; }
}
`;
