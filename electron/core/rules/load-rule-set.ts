import { readFileSync } from 'node:fs';
import { RuleSetSchema, type RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { resourcesPath } from '../resources-path.ts';

export const CURRENT_RULE_SET_FILE = 'ruleset-2023-10-17.json';

let cached: RuleSet | undefined;

/** The rule set the product ships, read and validated once. */
export function loadCurrentRuleSet(): RuleSet {
  cached ??= loadRuleSet(resourcesPath('rules', CURRENT_RULE_SET_FILE));
  return cached;
}

export function loadRuleSet(file: string): RuleSet {
  const parsed = RuleSetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`The rule set ${file} is damaged (${parsed.error.issues[0]?.message ?? 'invalid'}): reinstall TwinArchive.`);
  }
  return parsed.data;
}
