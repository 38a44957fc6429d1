import { ITEM_TYPES, RULE_IDS, SPACE_KINDS, VERDICTS, type ItemType, type RuleId, type SpaceKind, type Verdict } from '../../../shared/model.ts';

/** Converters trust the schema for shapes but check enum text: an older app may meet newer values. */
export function oneOf<T extends string>(values: readonly T[], what: string): (value: string) => T {
  const known = new Set<string>(values);
  return (value) => {
    if (known.has(value)) return value as T;
    throw new Error(`The library holds an unknown ${what} "${value}": update TwinArchive.`);
  };
}

export const toVerdict: (value: string) => Verdict = oneOf(VERDICTS, 'verdict');
export const toRuleId: (value: string) => RuleId = oneOf(RULE_IDS, 'rule');
export const toItemType: (value: string) => ItemType = oneOf(ITEM_TYPES, 'item type');
export const toSpaceKind: (value: string) => SpaceKind = oneOf(SPACE_KINDS, 'space kind');
