/**
 * Classifies N generated items with the product's rules engine, in a fresh process, and prints
 * one JSON line. Only the classification loop is timed (classify + judge per item, as the scan
 * does); building the facts is not.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Classification, ItemFacts } from '../../shared/rules/classification.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import type { SpaceKind, Verdict } from '../../shared/model.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { itemFacts, spaceFacts } from '../lib/library-data.ts';
import { createRng } from '../../scripts/demo-snapshot/prng.ts';

const ArgsSchema = z.object({ items: z.coerce.number().int().min(1).max(10_000_000) });
const { values } = parseArgs({ options: { items: { type: 'string' } }, strict: true });
const { items } = ArgsSchema.parse(values);

const ruleSet = loadCurrentRuleSet();
const engine = createRulesEngine(ruleSet, { margin: ruleSet.margin.default, euLoginEmail: 'bench.teacher@school.example' });
const account = { email: 'Bench.Teacher@school.example', hasEtwinningAccount: true };
const rng = createRng('bench:classify');

const spaceCount = Math.max(1, Math.round(items / 100));
const spaceFactsList = Array.from({ length: spaceCount }, () => spaceFacts(rng));
const facts: ItemFacts[] = [];
const spaceOf = new Int32Array(items);
for (let index = 0; index < items; index += 1) {
  const personal = rng.chance(0.1);
  spaceOf[index] = personal ? -1 : rng.int(0, spaceCount - 1);
  facts.push(itemFacts(rng, personal));
}

const spacesStarted = performance.now();
const spaces: { kind: SpaceKind; classification: Classification }[] = spaceFactsList.map((space) => ({ kind: space.kind, classification: engine.classifySpace(space) }));
const spacesSeconds = (performance.now() - spacesStarted) / 1000;

const verdicts: Record<Verdict, number> = { migrates: 0, lost: 0, uncertain: 0 };
const started = performance.now();
for (let index = 0; index < items; index += 1) {
  const item = facts[index] as ItemFacts;
  const space = spaces[spaceOf[index] as number];
  const classification = space === undefined ? engine.classifyPersonalItem(item, account) : engine.classifySpaceItem(item, space);
  verdicts[engine.judge(classification).verdict] += 1;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ items, spaces: spaceCount, seconds, spacesSeconds, verdicts })}\n`);
