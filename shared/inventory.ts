import type {
  EventOrganizer, ItemOrigin, ItemType, Judgement, MigrationRequest, RuleId, SpaceKind, Verdict,
} from './model.ts';

/** What a scan found of one space, with its verdict. */
export interface ScannedSpace extends Judgement {
  id: string;
  kind: SpaceKind;
  title: string;
  createdAt: string;
  migrationRequest: MigrationRequest | null;
  projectId: string | null;
  itemCount: number;
  /** Content activity (logins left out), oldest first: the timeline draws it. */
  activity: string[];
  lastActivityAt: string | null;
}

export interface ScannedFile {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** What a scan found of one item, with its verdict. `space` is null for personal items. */
export interface ScannedItem extends Judgement {
  id: string;
  space: string | null;
  type: ItemType;
  title: string;
  createdAt: string;
  updatedAt: string | null;
  parent: string | null;
  owner: string;
  origin: ItemOrigin;
  organizer: EventOrganizer | null;
  hasBody: boolean;
  file: ScannedFile | null;
  /** Bytes of the item's file (0 when it has none). */
  size: number;
  url: string | null;
}

export interface VerdictTotals {
  spaces: number;
  items: number;
  bytes: number;
}

export interface ScanTotals {
  spaces: number;
  items: number;
  bytes: number;
  byVerdict: Record<Verdict, VerdictTotals>;
  /** lost + uncertain */
  atRisk: VerdictTotals;
  byRule: Partial<Record<RuleId, { items: number; bytes: number }>>;
}

export interface ScanAccount {
  id: string;
  name: string;
  email: string;
  hasEtwinningAccount: boolean;
  hasSegAccount: boolean;
}

export interface ScanResult {
  format: 'twinarchive-scan/1';
  source: string;
  scannedAt: string;
  ruleSet: { version: string; faqUpdated: string };
  settings: { margin: number; euLoginEmail: string | null };
  account: ScanAccount;
  spaces: ScannedSpace[];
  items: ScannedItem[];
  totals: ScanTotals;
}

const VERDICT_KEYS: readonly Verdict[] = ['migrates', 'lost', 'uncertain'];

export function emptyVerdictTotals(): VerdictTotals {
  return { spaces: 0, items: 0, bytes: 0 };
}

export function computeTotals(spaces: readonly ScannedSpace[], items: readonly ScannedItem[]): ScanTotals {
  const byVerdict = Object.fromEntries(VERDICT_KEYS.map((verdict) => [verdict, emptyVerdictTotals()])) as Record<Verdict, VerdictTotals>;
  const byRule: ScanTotals['byRule'] = {};
  let bytes = 0;
  for (const space of spaces) byVerdict[space.verdict].spaces += 1;
  for (const item of items) {
    byVerdict[item.verdict].items += 1;
    byVerdict[item.verdict].bytes += item.size;
    const rule = (byRule[item.rule] ??= { items: 0, bytes: 0 });
    rule.items += 1;
    rule.bytes += item.size;
    bytes += item.size;
  }
  return { spaces: spaces.length, items: items.length, bytes, byVerdict, atRisk: atRiskOf(byVerdict), byRule };
}

/** Lost plus uncertain: what the teacher should archive. */
export function atRiskOf(byVerdict: Readonly<Record<Verdict, VerdictTotals>>): VerdictTotals {
  return {
    spaces: byVerdict.lost.spaces + byVerdict.uncertain.spaces,
    items: byVerdict.lost.items + byVerdict.uncertain.items,
    bytes: byVerdict.lost.bytes + byVerdict.uncertain.bytes,
  };
}
