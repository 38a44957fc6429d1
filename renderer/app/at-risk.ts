import type { Overview, SpaceRow } from '../../shared/contract.ts';

/** The key the archive call uses for the account's personal items. */
export const PERSONAL_SPACE = 'personal';

export function atRiskItems(counts: SpaceRow['counts']): number {
  return counts.lost + counts.uncertain;
}

/** Spaces with anything lost or uncertain, the most at risk first. */
export function spacesAtRisk(overview: Overview): SpaceRow[] {
  return overview.spaces
    .filter((space) => atRiskItems(space.counts) > 0 || space.verdict !== 'migrates')
    .sort((a, b) => atRiskItems(b.counts) - atRiskItems(a.counts) || b.atRiskBytes - a.atRiskBytes || a.title.localeCompare(b.title));
}

/** What "Archive everything at risk" preselects: every space at risk (shown or not), and the personal items if any are. */
export function atRiskSelection(overview: Overview): string[] {
  const ids = [...overview.atRiskSpaces];
  if (atRiskItems(overview.personal.counts) > 0) ids.push(PERSONAL_SPACE);
  return ids;
}
