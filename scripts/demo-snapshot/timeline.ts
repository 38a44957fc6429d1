import type {
  SnapshotItem, SnapshotSpace,
} from '../../electron/core/sample-platform/snapshot-schema.ts';
import type { ActivityKind } from '../../shared/model.ts';
import type { Rng } from './prng.ts';
import { addDays, earlierDate, formatInstant, laterDate, randomInstant } from './time.ts';
import type { GroupRow, GroupScenario, TwinSpaceRow } from './world.ts';

type Span = readonly [string, string];
type Activity = SnapshotSpace['activity'][number];

/** When a group's content was written, by scenario. Every span keeps clear of the group periods. */
export function groupSpans(row: GroupRow, rng: Rng): Span[] {
  const start = addDays(row.created, 3);
  const from = (end: string): Span[] => (start < end ? [[start, end]] : []);
  const spans: Record<GroupScenario, () => Span[]> = {
    active: () => from(addDays('2021-03-01', rng.int(0, 340))),
    dormant: () => from(earlierDate(addDays(start, rng.int(200, 2200)), '2020-11-20')),
    'revived-2023': () => [...from('2019-06-30'), ['2023-01-20', '2023-05-31']],
    'new-2023': () => from('2023-05-31'),
    late: () => [...from('2020-06-30'), ['2022-03-10', '2022-12-10']],
    'born-2022': () => from('2022-12-10'),
    'login-only': () => from('2020-09-30'),
    'login-then-late': () => from('2020-06-30'),
    edge: () => from('2020-12-20'),
  };
  return spans[row.scenario]();
}

export function twinSpaceSpans(row: TwinSpaceRow): Span[] {
  return [[addDays(row.created, 3), addDays(row.created, row.months * 30)]];
}

/**
 * Activity that is not an item: wall posts (content activity) and logins (ignored by the rules).
 * Wall posts make a group's rule hold whatever dates its items got.
 */
function extraActivity(scenario: GroupScenario | 'twinspace', created: string, rng: Rng): { ms: number; kind: ActivityKind }[] {
  const entries = (count: number, kind: ActivityKind, from: string, to: string) =>
    Array.from({ length: count }, () => ({ ms: randomInstant(rng, laterDate(from, created), to), kind }));
  const logins = entries(rng.int(2, 5), 'login', created, '2023-06-30');
  switch (scenario) {
    case 'active':
      return [...logins, ...entries(rng.int(1, 3), 'wall', '2021-01-15', '2022-02-10')];
    case 'late':
    case 'born-2022':
      return [...logins, ...entries(rng.int(1, 2), 'wall', '2022-03-10', '2022-12-10')];
    case 'login-only':
      return [...logins, ...entries(3, 'login', '2021-02-01', '2022-11-30')];
    case 'login-then-late':
      return [...logins, ...entries(2, 'login', '2021-02-01', '2022-02-10')];
    default:
      return logins;
  }
}

const KIND_OF_ITEM: Record<string, ActivityKind> = {
  page: 'page',
  'journal-entry': 'page',
  'forum-thread': 'forum',
  'forum-post': 'forum',
  material: 'material',
  comment: 'wall',
};

/**
 * The space's activity timeline: one entry per item written in it (as the platform logs them,
 * sometimes a bare timestamp, sometimes `{at, kind}`), plus wall posts and logins, in time order.
 */
export function activityTimeline(
  items: readonly SnapshotItem[],
  scenario: GroupScenario | 'twinspace',
  created: string,
  rng: Rng,
): Activity[] {
  const fromItems = items.map((item) => ({
    ms: Date.parse(item.createdAt),
    entry: rng.chance(0.35) ? item.createdAt : { at: item.createdAt, kind: KIND_OF_ITEM[item.type] ?? 'page' },
  }));
  const extra = extraActivity(scenario, created, rng).map(({ ms, kind }) => ({
    ms,
    entry: { at: formatInstant(ms, rng.chance(0.5) ? 'utc' : 'brussels'), kind } as Activity,
  }));
  return [...fromItems, ...extra].sort((a, b) => a.ms - b.ms).map(({ entry }) => entry);
}
