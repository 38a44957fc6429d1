import type { ItemType, SpaceKind } from '../../shared/model.ts';
import { PERSONAL_ITEM_TYPES, SPACE_ITEM_TYPES } from '../../shared/model.ts';
import type { ItemFacts, SpaceFacts } from '../../shared/rules/classification.ts';
import type { Rng } from '../../scripts/demo-snapshot/prng.ts';

/**
 * Facts as a large scan sees them: items over 16 years, most between 2014 and 2021, a few right
 * at the 1 July 2018 cutoff; timestamps to the second, in UTC or with a Brussels offset.
 */

const YEAR_MS = 365.25 * 86_400_000;
const START = Date.UTC(2008, 0, 1);
const CUTOFF = Date.UTC(2018, 6, 1);

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO timestamp; half of them written with the +01:00/+02:00 offset the platform uses. */
export function formatTimestamp(ms: number, rng: Rng): string {
  if (rng.chance(0.5)) return new Date(ms).toISOString().replace('.000Z', 'Z');
  const offsetHours = rng.chance(0.5) ? 1 : 2;
  const local = new Date(ms + offsetHours * 3_600_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+0${offsetHours}:00`;
}

/** Milliseconds of a creation date with the spread described above. */
export function creationMs(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.02) return CUTOFF + (rng.next() - 0.5) * 6 * 86_400_000;
  if (roll < 0.7) return Date.UTC(2014, 0, 1) + rng.next() * 8 * YEAR_MS;
  return START + rng.next() * 16.5 * YEAR_MS;
}

export function spaceFacts(rng: Rng): SpaceFacts {
  const kind: SpaceKind = rng.chance(0.3) ? 'twinspace' : 'group';
  if (kind === 'twinspace') {
    return { kind, migrationRequest: rng.pick(['none', 'none', 'requested', 'confirmed'] as const), activity: [] };
  }
  const activity: SpaceFacts['activity'][number][] = [];
  const count = rng.int(1, 30);
  for (let index = 0; index < count; index += 1) {
    activity.push({ at: formatTimestamp(creationMs(rng), rng), kind: rng.pick(['page', 'forum', 'material', 'wall', 'login'] as const) });
  }
  return { kind, activity };
}

export function itemFacts(rng: Rng, personal: boolean): ItemFacts {
  const type: ItemType = personal ? rng.pick(PERSONAL_ITEM_TYPES) : rng.pick(SPACE_ITEM_TYPES);
  const facts: ItemFacts = { type, createdAt: formatTimestamp(creationMs(rng), rng) };
  if (personal && rng.chance(0.1)) facts.origin = 'seg';
  if (type === 'event') facts.organizer = rng.pick(['user', 'nso', 'css'] as const);
  return facts;
}
