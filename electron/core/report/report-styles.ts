/**
 * The report's only styling, inline. Verdict colours are Paul Tol's "high contrast" scheme:
 * told apart by colour-blind readers and, by lightness, on a grey-scale printer.
 */
const LIGHT = `
  --bg: #ffffff; --fg: #1b1e23; --muted: #555d68; --rule: #c9ced6; --stripe: #f5f6f8;
  --grid: #d3d7de; --band-life: #eceff3; --hatch-bg: #dfe8f2; --hatch-line: #8fa7c2;
  --migrates: #004488; --uncertain: #ddaa33; --lost: #bb5566;
  --migrates-tint: #dde7f3; --uncertain-tint: #f8eed6; --lost-tint: #f4dfe4;`;

const DARK = `
  --bg: #15171b; --fg: #e7e9ec; --muted: #a9b0ba; --rule: #3a3f47; --stripe: #1c1f24;
  --grid: #343942; --band-life: #20252c; --hatch-bg: #1d2a3a; --hatch-line: #3f5a7a;
  --migrates: #6699cc; --uncertain: #eecc66; --lost: #ee99aa;
  --migrates-tint: #1b2b3f; --uncertain-tint: #3a321d; --lost-tint: #3f252c;`;

export const REPORT_CSS = `
:root {${LIGHT}
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {${DARK}
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  max-width: 64rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.4rem; }
p { margin: 0.4rem 0; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.75rem; color: var(--muted); margin: 0; }
.intro, .note, figcaption, .more { color: var(--muted); }
.note, .more { font-size: 0.85rem; }
.lead { font-size: 1.1rem; }
.advice { border-left: 4px solid var(--lost); background: var(--lost-tint); padding: 0.4rem 0.7rem; }
.address { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.3rem 1.2rem; margin: 0.6rem 0; }
dl.facts div.wide { grid-column: 1 / -1; }
dl.facts dt { font-size: 0.78rem; color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
dl.meanings { margin: 0.5rem 0 1rem; }
dl.meanings div { display: flex; gap: 0.6rem; align-items: baseline; margin: 0.2rem 0; }
dl.meanings dt { flex: 0 0 10.5rem; }
dl.meanings dd { margin: 0; }
.v-migrates { --c: var(--migrates); --tint: var(--migrates-tint); }
.v-uncertain { --c: var(--uncertain); --tint: var(--uncertain-tint); }
.v-lost { --c: var(--lost); --tint: var(--lost-tint); }
.badge { display: inline-block; white-space: nowrap; font-size: 0.8rem; font-weight: 600; line-height: 1.3;
  padding: 0.05rem 0.45rem; border: 1.5px solid var(--c); border-radius: 0.3rem; background: var(--tint); color: var(--fg); vertical-align: 0.1em; }
.mark { font-weight: 700; }
h3 .mark { color: var(--c); }
table.items td:nth-child(4)::before { color: var(--c); font-weight: 700; }
table.items td.v-migrates::before { content: "\\2713\\00a0"; content: "\\2713\\00a0" / ""; }
table.items td.v-lost::before { content: "\\2715\\00a0"; content: "\\2715\\00a0" / ""; }
table.items td.v-uncertain::before { content: "?\\00a0"; content: "?\\00a0" / ""; }
.rule-id { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: 0.85em; font-weight: 600; }
.untitled { font-style: italic; color: var(--muted); }
.kind { font-size: 0.8rem; font-weight: 400; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.88rem; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--rule); }
thead th { font-size: 0.78rem; color: var(--muted); border-bottom: 2px solid var(--rule); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.items td:nth-child(1) { overflow-wrap: anywhere; }
table.items td:nth-child(3) { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.items td:nth-child(4) { white-space: nowrap; }
table.items td:nth-child(5) { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: 0.85em; font-weight: 600; }
tfoot th, tfoot td { font-weight: 600; }
.at-risk-row th, .at-risk-row td { background: var(--lost-tint); }
tr.reason-row th { font-weight: 400; background: var(--stripe); padding-top: 0.45rem; }
.totals-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 0 1.5rem; align-items: start; }
article.space { border: 1px solid var(--rule); border-left: 6px solid var(--c); border-radius: 0.35rem; padding: 0.7rem 0.9rem; margin: 0.7rem 0; }
figure { margin: 0; }
figure.quote figcaption { font-size: 0.78rem; }
blockquote { margin: 0.2rem 0 0; padding: 0.3rem 0.8rem; border-left: 3px solid var(--rule); font-style: italic; }
.timeline-figure { margin: 0.5rem 0 1rem; }
svg.timeline { width: 100%; height: auto; display: block; }
svg.timeline text { fill: var(--fg); font-size: 10.5px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg.timeline .year, svg.timeline .band-label, svg.timeline .legend-label { font-size: 10px; }
svg.timeline .band-label { fill: var(--muted); }
svg.timeline .stripe { fill: var(--stripe); }
svg.timeline .grid, svg.timeline .base { stroke: var(--grid); stroke-width: 0.6; }
svg.timeline .band-life { fill: var(--band-life); }
svg.timeline .band-window { fill: url(#tl-hatch); opacity: 0.85; }
svg.timeline .swatch { stroke: var(--grid); stroke-width: 0.6; }
svg.timeline .hatch-bg { fill: var(--hatch-bg); }
svg.timeline .hatch-line { stroke: var(--hatch-line); stroke-width: 1.6; }
svg.timeline .cutoff { stroke: var(--fg); stroke-width: 1.4; stroke-dasharray: 4 2; }
svg.timeline .tick { stroke: var(--c); stroke-width: 1.6; fill: none; }
svg.timeline .dot { fill: var(--c, var(--muted)); stroke: var(--bg); stroke-width: 0.6; }
svg.timeline .marker { fill: var(--c); stroke: var(--fg); stroke-width: 0.6; }
svg.timeline .marker.cross { fill: none; stroke: var(--c); stroke-width: 2.4; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
table.by-year th.bar-cell, table.by-year td.bar-cell { width: 40%; }
.bars { display: flex; height: 0.85rem; margin-top: 0.2rem; }
.bars .bar { display: block; background: var(--c); min-width: 1px; }
table.by-year thead .badge { font-size: 0.72rem; }
tbody.rule th, tbody.rule td { border-bottom: none; }
tr.quote-row td { padding-top: 0; border-bottom: 1px solid var(--rule); }
tr.quote-row blockquote { font-size: 0.85rem; }
ul.moves { padding-left: 1.2rem; }
ul.moves li { margin: 0.2rem 0; }
table.changes td:first-child { overflow-wrap: anywhere; }
@media print {
  :root {${LIGHT}
    color-scheme: light;
  }
  @page { size: A4; margin: 14mm 12mm 16mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 9.5pt; max-width: none; padding: 0; }
  h1 { font-size: 16pt; }
  h2 { font-size: 13pt; break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  article.space, figure, tr, tbody.rule, .totals-grid table { break-inside: avoid; page-break-inside: avoid; }
  .timeline-figure { break-inside: avoid; page-break-inside: avoid; }
  section.spaces, section.at-risk { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  table { font-size: 8.5pt; }
}
`;
