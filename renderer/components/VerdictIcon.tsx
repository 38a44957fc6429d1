import type { Verdict } from '../../shared/model.ts';

/** The verdict's shape, the same as in the timeline: circle, diamond, cross. Never colour alone. */
export function VerdictIcon({ verdict }: { verdict: Verdict }) {
  return (
    <svg className={`verdict-icon v-${verdict}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {verdict === 'migrates' && <circle cx="8" cy="8" r="6" />}
      {verdict === 'uncertain' && <path d="M8 1.5 14.5 8 8 14.5 1.5 8Z" />}
      {verdict === 'lost' && <path className="cross" d="M3 3 13 13M13 3 3 13" />}
    </svg>
  );
}
