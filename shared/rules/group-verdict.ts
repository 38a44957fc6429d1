import type { Classification } from './classification.ts';

export interface DayPeriod {
  from: number;
  to: number;
}

type Reading = 'plain' | 'pessimistic' | 'optimistic';

function isNear(day: number, boundary: number, margin: number): boolean {
  return Math.abs(day - boundary) < margin;
}

/** Whether some activity day lies in the period, with near days read as the reading says. */
function periodHolds(days: readonly number[], period: DayPeriod, margin: number, reading: Reading): boolean {
  return days.some((day) => {
    const inside = day >= period.from && day <= period.to;
    if (reading === 'plain') return inside;
    const near = isNear(day, period.from, margin) || isNear(day, period.to, margin);
    return reading === 'pessimistic' ? inside && !near : inside || near;
  });
}

function verdictOf(inWindow: boolean, inLife: boolean): Classification {
  if (inWindow) return { verdict: 'migrates', rule: 'G1', variant: 'space' };
  if (!inLife) return { verdict: 'lost', rule: 'G2', variant: 'space' };
  return { verdict: 'uncertain', rule: 'G1G2', variant: 'space' };
}

/**
 * migration-rules.md, "Group verdict, exactly": the plain reading decides unless counting
 * near days outside (pessimistic) or inside (optimistic) their period changes the outcome.
 */
export function classifyGroup(
  contentActivityDays: readonly number[],
  window: DayPeriod,
  life: DayPeriod,
  margin: number,
): Classification {
  const read = (reading: Reading): Classification =>
    verdictOf(
      periodHolds(contentActivityDays, window, margin, reading),
      periodHolds(contentActivityDays, life, margin, reading),
    );
  const plain = read('plain');
  const pessimistic = read('pessimistic');
  const optimistic = read('optimistic');
  if (plain.rule === pessimistic.rule && plain.rule === optimistic.rule) return plain;
  if (plain.verdict === 'uncertain') return plain;
  return { verdict: 'uncertain', rule: 'MARGIN', variant: 'space' };
}
