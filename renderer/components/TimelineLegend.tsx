import type { Overview } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { VerdictIcon } from './VerdictIcon.tsx';

const LEGEND_ORDER: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];

/** The legend in HTML, so it wraps, zooms and reads like text. */
interface Props {
  patternIds: Record<Verdict, string>;
  windowPattern: string;
  dates: Overview['dates'];
}

export function TimelineLegend({ patternIds, windowPattern, dates }: Props) {
  const { t, fmt } = useI18n();
  return (
    <ul className="timeline-legend" aria-label={t.timeline.legendLabel}>
      {LEGEND_ORDER.map((verdict) => (
        <li key={verdict}>
          <VerdictIcon verdict={verdict} />
          <svg className="legend-swatch" viewBox="0 0 44 12" width="44" height="12" aria-hidden="true" focusable="false">
            <line className={`tl-life v-${verdict}`} x1="0" y1="6" x2="20" y2="6" />
            <rect x="24" y="1" width="20" height="10" fill={`url(#${patternIds[verdict]})`} className={`tl-bar v-${verdict}`} />
          </svg>
          {t.timeline.verdictLegend[verdict]}
        </li>
      ))}
      <li>
        <svg className="legend-swatch" viewBox="0 0 44 12" width="44" height="12" aria-hidden="true" focusable="false">
          <circle className="tl-dot" cx="10" cy="6" r="2.6" />
          <circle className="tl-dot" cx="22" cy="6" r="2.6" />
        </svg>
        {t.timeline.activity}
      </li>
      <li>
        <svg className="legend-swatch" viewBox="0 0 44 12" width="44" height="12" aria-hidden="true" focusable="false">
          <line className="tl-cutoff" x1="22" y1="0" x2="22" y2="12" />
        </svg>
        {t.timeline.cutoffLegend(fmt.date(dates.contentCutoff))}
      </li>
      <li>
        <svg className="legend-swatch" viewBox="0 0 44 12" width="44" height="12" aria-hidden="true" focusable="false">
          <rect x="0" y="0" width="44" height="12" fill={`url(#${windowPattern})`} />
        </svg>
        {t.timeline.windowLegend(fmt.date(dates.groupWindow.from), fmt.date(dates.groupWindow.to))}
      </li>
      <li>
        <svg className="legend-swatch" viewBox="0 0 44 12" width="44" height="12" aria-hidden="true" focusable="false">
          <rect className="tl-life-band" x="0" y="0" width="44" height="12" />
        </svg>
        {t.timeline.lifeLegend(fmt.date(dates.groupLife.from), fmt.date(dates.groupLife.to))}
      </li>
    </ul>
  );
}
