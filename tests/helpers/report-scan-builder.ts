import { createHash } from 'node:crypto';
import type { ScanResult } from '../../shared/inventory.ts';
import type { ActivityEntry, ItemMetadata, Me, SpaceSummary } from '../../shared/platform-api.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import type { InventorySource } from '../../electron/core/inventory/inventory-source.ts';
import { scanAccount } from '../../electron/core/inventory/scan-account.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';

export interface ItemSpec extends Omit<ItemMetadata, 'owner' | 'space' | 'file'> {
  /** Bytes of an attached file; none when left out. */
  size?: number;
}

export interface SpaceSpec extends Omit<SpaceSummary, 'itemCount'> {
  activity: (string | ActivityEntry)[];
  items: ItemSpec[];
}

export interface ScanSpec {
  account: Me;
  spaces: SpaceSpec[];
  personal: ItemSpec[];
  margin?: number;
  euLoginEmail?: string | null;
  scannedAt?: string;
}

function toMetadata(spec: ItemSpec, owner: string, space: string | null): ItemMetadata {
  const { size, ...rest } = spec;
  const file = size === undefined ? undefined : {
    name: `${spec.id}.bin`,
    mediaType: 'application/octet-stream',
    size,
    sha256: createHash('sha256').update(spec.id).digest('hex'),
  };
  return { ...rest, owner, space, ...(file ? { file, url: `/files/${spec.id}/${spec.id}.bin` } : { url: `/content/${spec.id}` }) };
}

async function* each<T>(values: readonly T[]): AsyncIterable<T> {
  yield* values;
}

/** The platform's answers from memory, so the report tests judge with the real scanner and rules. */
function memorySource(spec: ScanSpec): InventorySource {
  const byId = new Map(spec.spaces.map((space) => [space.id, space]));
  return {
    signIn: async () => spec.account,
    listSpaces: () => each(spec.spaces.map(({ activity: _activity, items, ...summary }) => ({ ...summary, itemCount: items.length }))),
    listActivity: (id) => each((byId.get(id)?.activity ?? []).map((entry) => (typeof entry === 'string' ? { at: entry, kind: 'page' as const } : entry))),
    listSpaceItems: (id) => each((byId.get(id)?.items ?? []).map((item) => toMetadata(item, spec.account.id, id))),
    listPersonalItems: () => each(spec.personal.map((item) => toMetadata(item, spec.account.id, null))),
  };
}

export async function buildScan(spec: ScanSpec): Promise<ScanResult> {
  const rules = createRulesEngine(loadCurrentRuleSet(), {
    margin: spec.margin ?? 1,
    euLoginEmail: spec.euLoginEmail === undefined ? spec.account.email : spec.euLoginEmail,
  });
  return scanAccount({
    source: memorySource(spec),
    sourceUrl: 'https://www.etwinning.net',
    rules,
    now: () => new Date(spec.scannedAt ?? '2023-11-06T09:30:00Z'),
  });
}
