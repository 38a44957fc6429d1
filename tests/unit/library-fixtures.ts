import type { AccountScope } from '../../electron/core/library/account-scope.ts';
import type { ItemInput } from '../../electron/core/library/items-repository.ts';
import type { SpaceInput } from '../../electron/core/library/spaces-repository.ts';

export const SCOPE: AccountScope = { source: 'https://legacy.etwinning.example', accountId: 'u-1001' };

export function item(id: string, extra: Partial<ItemInput> = {}): ItemInput {
  return {
    id,
    space: 'g-1',
    type: 'page',
    title: `Item ${id}`,
    createdAt: '2019-03-04T10:00:00Z',
    verdict: 'lost',
    rule: 'G1',
    reason: { en: 'The group was inactive.', nl: 'De groep was inactief.' },
    quote: 'Groups without activity are not migrated.',
    size: 100,
    ...extra,
  };
}

export function space(id: string, extra: Partial<SpaceInput> = {}): SpaceInput {
  return {
    id,
    kind: 'group',
    title: `Group ${id}`,
    createdAt: '2018-01-01T00:00:00Z',
    verdict: 'lost',
    rule: 'G1',
    reason: { en: 'The group was inactive.', nl: 'De groep was inactief.' },
    quote: 'Groups without activity are not migrated.',
    lastActivityAt: '2019-05-01T00:00:00Z',
    itemCount: 3,
    ...extra,
  };
}
