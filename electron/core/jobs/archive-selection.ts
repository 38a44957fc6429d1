import type { ScanResult, ScannedItem } from '../../../shared/inventory.ts';
import { isAtRisk } from '../../../shared/model.ts';
import { PERSONAL_KEY } from '../archive/plan/plan-archives.ts';

export type IncludeMode = 'at-risk' | 'all';

/**
 * The items an archive run takes: at risk (lost + uncertain) or all, of the chosen spaces
 * (`personal` names the account's personal items), or of everything when none are chosen.
 */
export function selectItems(scan: ScanResult, include: IncludeMode, spaces: readonly string[] | null): ScannedItem[] {
  const chosen = spaces === null ? null : new Set(spaces);
  return scan.items.filter((item) => {
    if (include === 'at-risk' && !isAtRisk(item.verdict)) return false;
    return chosen === null || chosen.has(item.space ?? PERSONAL_KEY);
  });
}

/** Space ids given on the command line that the account does not have. */
export function unknownSpaces(scan: ScanResult, spaces: readonly string[] | null): string[] {
  if (spaces === null) return [];
  const known = new Set([...scan.spaces.map((space) => space.id), PERSONAL_KEY]);
  return spaces.filter((id) => !known.has(id));
}
