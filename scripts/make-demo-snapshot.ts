/**
 * Writes resources/snapshots/demo.json, the world the embedded sample platform serves by
 * default: a Flemish teacher (lotte.janssens / demo), her ICT coordinator, the support office and
 * two partner teachers, with dozens of groups and TwinSpaces that exercise every migration rule.
 *
 *   npx tsx scripts/make-demo-snapshot.ts
 *
 * Deterministic: every random choice comes from PRNGs seeded by name, so the same code always
 * writes the same bytes (tests/unit/demo-snapshot.test.ts checks the committed file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SnapshotSchema, type Snapshot, type SnapshotSpace,
} from '../electron/core/sample-platform/snapshot-schema.ts';
import { ACCOUNT_KEYS, ACCOUNTS, membersFromLetters } from './demo-snapshot/accounts.ts';
import { ItemSink } from './demo-snapshot/items.ts';
import { writePersonalItems } from './demo-snapshot/personal.ts';
import { populateSpace } from './demo-snapshot/populate.ts';
import { createRng } from './demo-snapshot/prng.ts';
import { SPECIAL_CONTENT, type World } from './demo-snapshot/special-content.ts';
import { SpaceWriter } from './demo-snapshot/space-writer.ts';
import { brusselsInstant, formatInstant } from './demo-snapshot/time.ts';
import {
  activityTimeline, groupSpans, twinSpaceSpans,
} from './demo-snapshot/timeline.ts';
import {
  GROUPS, TWINSPACES, type GroupRow, type GroupScenario, type TwinSpaceRow,
} from './demo-snapshot/world.ts';

export const DEMO_SNAPSHOT_PATH = path.join(
  path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'snapshots', 'demo.json',
);

interface OpenSpace {
  key: string;
  writer: SpaceWriter;
  scenario: GroupScenario | 'twinspace';
  created: string;
  size: 1 | 2 | 3;
}

function createdAt(row: GroupRow | TwinSpaceRow): string {
  const rng = createRng(`demo:${row.key}:created`);
  return formatInstant(brusselsInstant(row.created, rng.int(8, 17), rng.int(0, 59)), 'brussels');
}

function openGroup(row: GroupRow, index: number, sink: ItemSink): OpenSpace {
  const members = membersFromLetters(row.members);
  const space: SnapshotSpace = {
    id: `g-${1001 + index}`,
    kind: 'group',
    title: row.title,
    createdAt: createdAt(row),
    members: members.map((member) => ACCOUNTS[member].id),
    activity: [],
  };
  const rng = createRng(`demo:${row.key}`);
  const writer = new SpaceWriter({
    space, lang: row.lang, topic: row.topic, members, spans: groupSpans(row, rng), rng, sink,
  });
  return { key: row.key, writer, scenario: row.scenario, created: row.created, size: row.size };
}

function openTwinSpace(row: TwinSpaceRow, index: number, sink: ItemSink): OpenSpace {
  const members = membersFromLetters(row.members);
  const space: SnapshotSpace = {
    id: `ts-${2001 + index}`,
    kind: 'twinspace',
    title: row.title,
    createdAt: createdAt(row),
    members: members.map((member) => ACCOUNTS[member].id),
    activity: [],
    projectId: row.projectId,
    migrationRequest: row.request,
  };
  const rng = createRng(`demo:${row.key}`);
  const writer = new SpaceWriter({
    space, lang: row.lang, topic: row.topic, members, spans: twinSpaceSpans(row), rng, sink,
  });
  return { key: row.key, writer, scenario: 'twinspace', created: row.created, size: row.size };
}

export function makeDemoSnapshot(): Snapshot {
  const sink = new ItemSink();
  const spaces = [
    ...GROUPS.map((row, index) => openGroup(row, index, sink)),
    ...TWINSPACES.map((row, index) => openTwinSpace(row, index, sink)),
  ];
  const world: World = {
    writer: (key) => {
      const found = spaces.find((space) => space.key === key);
      if (!found) throw new Error(`no space ${key} in the demo world`);
      return found.writer;
    },
  };
  for (const space of spaces) populateSpace(space.writer, space.size, space.scenario === 'twinspace');
  for (const space of spaces) SPECIAL_CONTENT[space.key]?.(space.writer, world);
  for (const { writer, scenario, created, key } of spaces) {
    writer.space.activity = activityTimeline(writer.written, scenario, created, createRng(`demo:${key}:activity`));
  }
  writePersonalItems(sink, createRng('demo:personal'));

  // Items space by space (personal ones last), each space's items in the order they were written.
  const order = new Map(spaces.map((space, index) => [space.writer.space.id, index]));
  const items = [...sink.items].sort((a, b) =>
    (a.space === null ? spaces.length : order.get(a.space) ?? 0) - (b.space === null ? spaces.length : order.get(b.space) ?? 0));

  return {
    format: 'legacy-platform-snapshot/1',
    accounts: ACCOUNT_KEYS.map((key) => ACCOUNTS[key]),
    spaces: spaces.map((space) => space.writer.space),
    items,
  };
}

/** One account, space or item per line: small, and a change to the world reads well in a diff. */
export function formatSnapshot(snapshot: Snapshot): string {
  const list = (entries: readonly unknown[]): string => entries.map((entry) => `  ${JSON.stringify(entry)}`).join(',\n');
  return `{\n "format": ${JSON.stringify(snapshot.format)},\n`
    + ` "accounts": [\n${list(snapshot.accounts)}\n ],\n`
    + ` "spaces": [\n${list(snapshot.spaces)}\n ],\n`
    + ` "items": [\n${list(snapshot.items)}\n ]\n}\n`;
}

function main(): void {
  const snapshot = makeDemoSnapshot();
  const checked = SnapshotSchema.safeParse(snapshot);
  if (!checked.success) {
    throw new Error(`The generated demo snapshot is invalid (${checked.error.issues[0]?.message ?? 'unknown'}): fix the generator.`);
  }
  const text = formatSnapshot(snapshot);
  mkdirSync(path.dirname(DEMO_SNAPSHOT_PATH), { recursive: true });
  writeFileSync(DEMO_SNAPSHOT_PATH, text);
  console.log(`Wrote ${path.relative(process.cwd(), DEMO_SNAPSHOT_PATH)}: ${snapshot.spaces.length} spaces, `
    + `${snapshot.items.length} items, ${Buffer.byteLength(text)} bytes.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
