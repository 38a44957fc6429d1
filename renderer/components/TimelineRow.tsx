import type { SpaceRow } from '../../shared/contract.ts';
import { VERDICTS, type Verdict } from '../../shared/model.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { activityMarks, GEOMETRY, truncate, xOf } from './timeline-scale.ts';

const num = (value: number): string => String(Math.round(value * 10) / 10);

function Marker({ verdict, x, y }: { verdict: Verdict; x: number; y: number }) {
  if (verdict === 'migrates') return <circle className={`tl-marker v-${verdict}`} cx={x} cy={y} r={4.5} />;
  if (verdict === 'uncertain') return <path className={`tl-marker v-${verdict}`} d={`M${x} ${y - 5.5}l5.5 5.5l-5.5 5.5l-5.5-5.5z`} />;
  return <path className={`tl-marker tl-cross v-${verdict}`} d={`M${x - 4} ${y - 4}l8 8m0-8l-8 8`} />;
}

interface Props {
  space: SpaceRow;
  index: number;
  maxItems: number;
  patternIds: Record<Verdict, string>;
}

export function TimelineRow({ space, index, maxItems, patternIds }: Props) {
  const { t, fmt } = useI18n();
  const top = GEOMETRY.top + index * GEOMETRY.rowHeight;
  const y = top + GEOMETRY.rowHeight / 2;
  const from = xOf(space.createdAt) ?? GEOMETRY.plotLeft;
  const lastActivity = space.lastActivityAt ?? space.activity.at(-1) ?? null;
  const to = Math.max(from, lastActivity === null ? from : xOf(lastActivity) ?? from);
  const items = t.common.items(space.itemCount, fmt.number(space.itemCount));

  let barX = GEOMETRY.barsLeft;
  const scale = maxItems === 0 ? 0 : GEOMETRY.barsWidth / maxItems;
  return (
    <g className={`tl-row v-${space.verdict}`}>
      <title>{t.timeline.rowTooltip(space.title, t.verdicts[space.verdict], items)}</title>
      <Marker verdict={space.verdict} x={11} y={y} />
      <text className="tl-label" x={24} y={num(y + 4)}>{truncate(space.title, 34)}</text>
      <line className={`tl-life v-${space.verdict}`} x1={num(from)} y1={y} x2={num(Math.max(to, from + 1))} y2={y} />
      {activityMarks(space.activity).map((x) => <circle key={x} className="tl-dot" cx={x} cy={y} r={2.6} />)}
      {VERDICTS.map((verdict) => {
        const width = space.counts[verdict] * scale;
        if (width <= 0) return null;
        const x = barX;
        barX += width;
        return <rect key={verdict} className={`tl-bar v-${verdict}`} x={num(x)} y={y - 5} width={num(Math.max(width, 1))} height={10} fill={`url(#${patternIds[verdict]})`} />;
      })}
    </g>
  );
}
