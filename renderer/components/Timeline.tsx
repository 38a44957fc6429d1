import { useId } from 'react';
import type { Overview } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { TimelineLegend } from './TimelineLegend.tsx';
import { TimelineRow } from './TimelineRow.tsx';
import { GEOMETRY, timelineRows, xAfter, xOf, yearTicks } from './timeline-scale.ts';

/**
 * Every space on the years 2012-2023, against the three dates the rules turn on. Verdicts are
 * told by shape, line style and bar pattern as well as colour; the list and the Items page say
 * the same in text.
 */
export function Timeline({ overview }: { overview: Overview }) {
  const { t, fmt } = useI18n();
  const id = useId().replace(/:/g, '');
  const patternIds: Record<Verdict, string> = { migrates: `${id}-migrates`, lost: `${id}-lost`, uncertain: `${id}-uncertain` };
  const windowPattern = `${id}-window`;
  const rows = timelineRows(overview.spaces);
  const maxItems = Math.max(0, ...rows.map((space) => space.itemCount));
  const height = GEOMETRY.top + rows.length * GEOMETRY.rowHeight + GEOMETRY.bottom;
  const plotBottom = height - GEOMETRY.bottom;
  const { dates } = overview;
  const cutoff = xOf(dates.contentCutoff);
  const windowFrom = xOf(dates.groupWindow.from);
  const windowTo = xAfter(dates.groupWindow.to);
  const lifeFrom = xOf(dates.groupLife.from);
  const lifeTo = xAfter(dates.groupLife.to);
  const count = (verdict: Verdict) => fmt.number(overview.spaces.filter((space) => space.verdict === verdict).length);

  return (
    <figure className="timeline">
      <svg
        role="img" viewBox={`0 0 ${GEOMETRY.width} ${height}`} className="timeline-svg"
        aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{t.timeline.title}</title>
        <desc id={`${id}-desc`}>
          {t.timeline.description(
            fmt.number(overview.spaces.length), count('lost'), count('uncertain'), count('migrates'),
            fmt.date(dates.contentCutoff), fmt.date(dates.groupWindow.from), fmt.date(dates.groupWindow.to),
            fmt.date(dates.groupLife.from), fmt.date(dates.groupLife.to),
          )}
        </desc>
        <defs>
          <pattern id={patternIds.migrates} width="4" height="4" patternUnits="userSpaceOnUse">
            <rect className="pat-fill v-migrates" width="4" height="4" />
          </pattern>
          <pattern id={patternIds.lost} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect className="pat-bg" width="5" height="5" />
            <rect className="pat-fill v-lost" width="2.5" height="5" />
          </pattern>
          <pattern id={patternIds.uncertain} width="4" height="4" patternUnits="userSpaceOnUse">
            <rect className="pat-bg" width="4" height="4" />
            <circle className="pat-fill v-uncertain" cx="2" cy="2" r="1.3" />
          </pattern>
          <pattern id={windowPattern} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
            <rect className="tl-window-bg" width="6" height="6" />
            <rect className="tl-window-hatch" width="1.5" height="6" />
          </pattern>
        </defs>

        {/* Stripes under the bands, so the bands read through every row. */}
        {rows.map((space, index) => index % 2 === 0 && (
          <rect key={space.id} className="tl-stripe" x={0} y={GEOMETRY.top + index * GEOMETRY.rowHeight} width={GEOMETRY.width} height={GEOMETRY.rowHeight} />
        ))}
        {lifeFrom !== null && lifeTo !== null && (
          <rect className="tl-life-band" x={lifeFrom} y={GEOMETRY.top - 24} width={lifeTo - lifeFrom} height={plotBottom - GEOMETRY.top + 24} />
        )}
        {windowFrom !== null && windowTo !== null && (
          <rect x={windowFrom} y={GEOMETRY.top - 38} width={windowTo - windowFrom} height={plotBottom - GEOMETRY.top + 38} fill={`url(#${windowPattern})`} />
        )}
        {yearTicks().map(({ year, x, next }) => (
          <g key={year}>
            <line className="tl-year" x1={x} y1={GEOMETRY.top - 4} x2={x} y2={plotBottom} />
            <text className="tl-year-label" x={(x + next) / 2} y={GEOMETRY.top - 8} textAnchor="middle">{year}</text>
          </g>
        ))}
        {rows.map((space, index) => (
          <TimelineRow key={space.id} space={space} index={index} maxItems={maxItems} patternIds={patternIds} />
        ))}
        {cutoff !== null && (
          <g>
            <line className="tl-cutoff" x1={cutoff} y1={10} x2={cutoff} y2={plotBottom} />
            <text className="tl-band-label" x={cutoff - 4} y={18} textAnchor="end">{t.timeline.cutoff}</text>
          </g>
        )}
        {windowFrom !== null && <text className="tl-band-label" x={windowFrom + 3} y={GEOMETRY.top - 27}>{t.timeline.window}</text>}
        <text className="tl-band-label" x={GEOMETRY.barsLeft} y={GEOMETRY.top - 8}>{t.timeline.itemsColumn}</text>
      </svg>
      <figcaption>
        <TimelineLegend patternIds={patternIds} windowPattern={windowPattern} dates={dates} />
      </figcaption>
    </figure>
  );
}
