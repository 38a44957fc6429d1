import type { Verdict } from '../../../shared/model.ts';
import { dayNumberOfDate } from '../../../shared/rules/calendar.ts';
import { escapeHtml } from './escape-html.ts';
import { VERDICT_ORDER, type ReportContext } from './report-context.ts';
import type { ItemMark } from './report-data.ts';

const WIDTH = 1000;
const PLOT_LEFT = 262;
const PLOT_RIGHT = 986;
const TOP = 46;
const ROW_HEIGHT = 16;
const LABEL_CHARS = 34;
/** eTwinning started in 2005: anything older is a data error, drawn at the left edge. */
const FIRST_YEAR_EVER = 2005;
const LATEST_FIRST_YEAR = 2012;
const LAST_YEAR = 2023;

/** Item ticks by verdict: up, across or down from the row's line, so print and colour-blind readers tell them apart. */
const TICK: Readonly<Record<Verdict, { from: number; length: number }>> = {
  migrates: { from: -7, length: 6 },
  uncertain: { from: -5, length: 10 },
  lost: { from: 1, length: 6 },
};

interface Row {
  label: string;
  tooltip: string;
  verdict: Verdict | null;
  activity: readonly string[];
  /** Read once, while the row is drawn: a space of 100,000 items is never held. */
  items: Iterable<ItemMark>;
}

interface Scale {
  x(day: number): number;
  startYear: number;
  endYear: number;
}

const num = (value: number): string => String(Math.round(value * 10) / 10);

function truncate(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function yearRange(ctx: ReportContext): { first: number; last: number } {
  let first = LATEST_FIRST_YEAR;
  let last = LAST_YEAR;
  const see = (instant: string): void => {
    const day = ctx.fmt.day(instant);
    if (day === null) return;
    const year = new Date(day * 86_400_000).getUTCFullYear();
    if (year < first) first = Math.max(year, FIRST_YEAR_EVER);
    if (year > last) last = Math.min(year, LAST_YEAR + 10);
  };
  for (const instant of ctx.data.spaceInstants()) see(instant);
  // Item years are counted in the summary, in the same calendar (the rule set's zone).
  for (const { year } of ctx.data.summary.byYear) {
    if (year === null) continue;
    if (year < first) first = Math.max(year, FIRST_YEAR_EVER);
    if (year > last) last = Math.min(year, LAST_YEAR + 10);
  }
  return { first, last };
}

function createScale(ctx: ReportContext): Scale {
  const { first, last } = yearRange(ctx);
  const start = dayNumberOfDate(`${first}-01-01`);
  const end = dayNumberOfDate(`${last + 1}-01-01`);
  const perDay = (PLOT_RIGHT - PLOT_LEFT) / (end - start);
  return {
    startYear: first,
    endYear: last,
    x: (day) => PLOT_LEFT + (Math.min(Math.max(day, start), end) - start) * perDay,
  };
}

/** Marks for the space's own verdict: circle, diamond, cross. */
function verdictMarker(verdict: Verdict, cx: number, cy: number): string {
  const cls = `marker v-${verdict}`;
  switch (verdict) {
    case 'migrates': return `<circle class="${cls}" cx="${num(cx)}" cy="${num(cy)}" r="4"/>`;
    case 'uncertain': return `<path class="${cls}" d="M${num(cx)} ${num(cy - 5)}l5 5l-5 5l-5-5z"/>`;
    case 'lost': return `<path class="${cls} cross" d="M${num(cx - 4)} ${num(cy - 4)}l8 8m0-8l-8 8"/>`;
  }
}

function tickPath(verdict: Verdict, xs: Iterable<number>, y: number): string {
  const { from, length } = TICK[verdict];
  let d = '';
  for (const x of xs) d += `M${num(x)} ${num(y + from)}v${length}`;
  return d === '' ? '' : `<path class="tick v-${verdict}" d="${d}"/>`;
}

function renderRow(ctx: ReportContext, scale: Scale, row: Row, index: number): string {
  const top = TOP + index * ROW_HEIGHT;
  const y = top + ROW_HEIGHT / 2;
  const parts: string[] = [`<g class="row${row.verdict ? ' row-space' : ' row-personal'}">`, `<title>${escapeHtml(row.tooltip)}</title>`];
  if (index % 2 === 0) parts.push(`<rect class="stripe" x="0" y="${top}" width="${WIDTH}" height="${ROW_HEIGHT}"/>`);
  if (row.verdict) parts.push(verdictMarker(row.verdict, 9, y));
  parts.push(`<text class="label" x="20" y="${num(y + 3.5)}">${escapeHtml(truncate(row.label, LABEL_CHARS))}</text>`);
  parts.push(`<line class="base" x1="${PLOT_LEFT}" y1="${y}" x2="${PLOT_RIGHT}" y2="${y}"/>`);

  // One mark per half pixel is all the eye (or a printer) can tell apart, and keeps 100,000 items small.
  const ticks = new Map<Verdict, Set<number>>(VERDICT_ORDER.map((verdict) => [verdict, new Set<number>()]));
  for (const item of row.items) {
    const day = ctx.fmt.day(item.createdAt);
    if (day !== null) ticks.get(item.verdict)?.add(Math.round(scale.x(day) * 2) / 2);
  }
  for (const verdict of VERDICT_ORDER) parts.push(tickPath(verdict, ticks.get(verdict) ?? [], y));

  const dots = new Set<number>();
  for (const instant of row.activity) {
    const day = ctx.fmt.day(instant);
    if (day !== null) dots.add(Math.round(scale.x(day) * 2) / 2);
  }
  const dotClass = row.verdict ? `dot v-${row.verdict}` : 'dot';
  for (const x of dots) parts.push(`<circle class="${dotClass}" cx="${num(x)}" cy="${y}" r="2.6"/>`);
  parts.push('</g>');
  return parts.join('');
}

function renderBackdrop(ctx: ReportContext, scale: Scale, bottom: number): string {
  const { ruleSet, s } = ctx;
  const parts: string[] = [];
  for (let year = scale.startYear; year <= scale.endYear + 1; year += 1) {
    const x = scale.x(dayNumberOfDate(`${year}-01-01`));
    parts.push(`<line class="grid" x1="${num(x)}" y1="${TOP - 8}" x2="${num(x)}" y2="${bottom}"/>`);
    if (year <= scale.endYear) {
      const next = scale.x(dayNumberOfDate(`${year + 1}-01-01`));
      parts.push(`<text class="year" x="${num((x + next) / 2)}" y="12" text-anchor="middle">${year}</text>`);
    }
  }
  const band = (period: { from: string; to: string }, cls: string, label: string, labelY: number): void => {
    const x1 = scale.x(dayNumberOfDate(period.from));
    const x2 = scale.x(dayNumberOfDate(period.to) + 1);
    parts.push(`<rect class="${cls}" x="${num(x1)}" y="${TOP - 8}" width="${num(x2 - x1)}" height="${bottom - TOP + 8}"/>`);
    parts.push(`<text class="band-label" x="${num(x1 + 2)}" y="${labelY}">${escapeHtml(label)}</text>`);
  };
  band(ruleSet.groupLife, 'band-life', s.timelineLife, 26);
  band(ruleSet.groupWindow, 'band-window', s.timelineWindow, 36);
  const cutoff = scale.x(dayNumberOfDate(ruleSet.contentCutoff));
  parts.push(`<line class="cutoff" x1="${num(cutoff)}" y1="${TOP - 26}" x2="${num(cutoff)}" y2="${bottom}"/>`);
  parts.push(`<text class="band-label" x="${num(cutoff - 3)}" y="26" text-anchor="end">${escapeHtml(s.timelineCutoff)}</text>`);
  return parts.join('');
}

function renderLegend(ctx: ReportContext, top: number): { svg: string; height: number } {
  const { s } = ctx;
  const parts: string[] = ['<g class="legend">'];
  const at = (column: number, line: number) => ({ x: 8 + column * 245, y: top + 12 + line * 18 });
  const label = (column: number, line: number, text: string): void => {
    const { x, y } = at(column, line);
    parts.push(`<text class="legend-label" x="${x + 20}" y="${y + 3.5}">${escapeHtml(text)}</text>`);
  };
  VERDICT_ORDER.forEach((verdict, column) => {
    const { x, y } = at(column, 0);
    parts.push(verdictMarker(verdict, x + 6, y));
    label(column, 0, s.timelineSpaceVerdict(s.verdicts[verdict]));
    parts.push(tickPath(verdict, [x + 6], at(column, 1).y));
    label(column, 1, s.timelineItems(s.verdicts[verdict]));
  });
  const cutoff = at(0, 2);
  parts.push(`<line class="cutoff" x1="${cutoff.x + 6}" y1="${cutoff.y - 6}" x2="${cutoff.x + 6}" y2="${cutoff.y + 6}"/>`);
  label(0, 2, s.timelineCutoff);
  const dot = at(3, 0);
  parts.push(`<circle class="dot" cx="${dot.x + 6}" cy="${dot.y}" r="2.6"/>`);
  label(3, 0, s.timelineActivity);
  for (const [line, cls, text] of [[1, 'band-window', s.timelineWindow], [2, 'band-life', s.timelineLife]] as const) {
    const { x, y } = at(3, line);
    parts.push(`<rect class="${cls} swatch" x="${x}" y="${y - 6}" width="13" height="12"/>`);
    label(3, line, text);
  }
  parts.push('</g>');
  return { svg: parts.join(''), height: 3 * 18 + 8 };
}

const HATCH = '<defs><pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
  + '<rect class="hatch-bg" width="6" height="6"/><line class="hatch-line" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>';

/**
 * The timeline as inline SVG: years across, one row per space (at risk first), the cutoff as a
 * line and the two group periods as bands. Returns the figure with its caption.
 */
export function renderTimelineSvg(ctx: ReportContext): string {
  const { s } = ctx;
  const scale = createScale(ctx);
  const rows: Row[] = [];
  for (const space of ctx.data.spaces()) {
    if (rows.length >= ctx.maxTimelineRows) break;
    rows.push({
      label: space.title.trim() === '' ? s.untitled : space.title,
      tooltip: `${space.title} (${s.verdicts[space.verdict]}, ${space.rule})`,
      verdict: space.verdict,
      activity: space.activity,
      items: ctx.data.itemMarks(space.id),
    });
  }
  const drawn = rows.length;
  if (ctx.data.summary.byKind.personal.items > 0) {
    rows.push({ label: s.personalRow, tooltip: s.personalRow, verdict: null, activity: [], items: ctx.data.itemMarks(null) });
  }
  const bottom = TOP + rows.length * ROW_HEIGHT;
  const legend = renderLegend(ctx, bottom + 8);
  const hidden = ctx.data.summary.totals.spaces - drawn;
  const note = hidden > 0 ? s.timelineMoreSpaces(ctx.fmt.count(hidden)) : null;
  const height = bottom + 8 + legend.height + (note ? 20 : 0);

  const svg = [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="img"`,
    ` aria-label="${escapeHtml(s.timelineLabel)}" data-rows="${drawn}">`,
    `<title>${escapeHtml(s.timelineLabel)}</title>`,
    HATCH,
    renderBackdrop(ctx, scale, bottom),
    ...rows.map((row, index) => renderRow(ctx, scale, row, index)),
    legend.svg,
    note ? `<text class="legend-label note" x="8" y="${height - 6}">${escapeHtml(note)}</text>` : '',
    '</svg>',
  ].join('');
  const caption = `<figcaption>${escapeHtml(s.timelineCaption)}${note ? ` ${escapeHtml(note)}` : ''}</figcaption>`;
  return `<figure class="timeline-figure">${svg}${caption}</figure>`;
}
