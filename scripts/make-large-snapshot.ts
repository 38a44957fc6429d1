/**
 * Writes a snapshot of any size for the sample platform, streaming it to disk (no whole JSON
 * string and no whole item list is ever in memory), for scans at scale:
 *
 *   npx tsx scripts/make-large-snapshot.ts --spaces 10000 --items 1000000 --out FILE
 *     [--seed S] [--body-bytes N] [--file-bytes N]
 *
 * One teacher (login `large.teacher`, password `large`) is a member of every space, with 50
 * partner teachers spread over them; 70% groups and 30% TwinSpaces whose activity, dates and
 * migration requests exercise every rule; spaces range from a handful of items to thousands
 * (Zipf-like), 5% of the items are her personal ones. Titles and bodies come from a Zipf
 * vocabulary; bodies are short (up to --body-bytes, default 400) and files small generated
 * contents (up to --file-bytes, default 16384): the platform hashes every file the first time it
 * lists it. Keep the file under about 500 MB: `twinarchive sample-platform --snapshot` reads it
 * as one string, and V8 strings end at 512 MiB (1,000,000 items make about 380 MB).
 * Deterministic: the same options always write the same bytes.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { SnapshotAccount, SnapshotItem, SnapshotSpace } from '../electron/core/sample-platform/snapshot-schema.ts';
import { PERSONAL_ITEM_TYPES } from '../shared/model.ts';
import { creationMs, formatTimestamp } from '../bench/lib/library-data.ts';
import { createRng, type Rng } from './demo-snapshot/prng.ts';
import { createVocabulary, sentence, title, type Vocabulary } from '../bench/lib/words.ts';

const ArgsSchema = z.object({
  spaces: z.coerce.number().int().min(1).max(1_000_000),
  items: z.coerce.number().int().min(1).max(20_000_000),
  out: z.string().min(1),
  seed: z.string().min(1).default('large'),
  bodyBytes: z.coerce.number().int().min(40).max(1_000_000).default(400),
  fileBytes: z.coerce.number().int().min(1).max(1024 ** 3).default(16_384),
});
type Options = z.infer<typeof ArgsSchema>;

const TEACHER: SnapshotAccount = {
  id: 'u-1', login: 'large.teacher', password: 'large', name: 'Large Teacher', email: 'large.teacher@school.example',
  hasEtwinningAccount: true, hasSegAccount: true,
};
const PARTNERS = 50;
const PERSONAL_SHARE = 0.05;
const FILE_KINDS = [
  { extension: 'jpg', mediaType: 'image/jpeg' },
  { extension: 'pdf', mediaType: 'application/pdf' },
  { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { extension: 'mp4', mediaType: 'video/mp4' },
  { extension: 'txt', mediaType: 'text/plain' },
] as const;

function partner(index: number): SnapshotAccount {
  return {
    id: `u-${index + 2}`, login: `partner.${index + 1}`, password: 'large', name: `Partner Teacher ${index + 1}`,
    email: `partner.${index + 1}@school.example`, hasEtwinningAccount: true, hasSegAccount: false,
  };
}

/** Items per space: Zipf-like sizes (a few spaces hold thousands), every space at least one. */
function spaceSizes(spaces: number, items: number): number[] {
  const weights = Array.from({ length: spaces }, (_, index) => 1 / (index + 1) ** 0.8);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const sizes = weights.map((weight) => Math.max(items >= spaces ? 1 : 0, Math.floor((weight / total) * items)));
  let left = items - sizes.reduce((sum, size) => sum + size, 0);
  // Hand out what rounding left, or take back what the minimum of one added, round robin.
  for (let index = 0; left !== 0 && index < spaces * 4; index += 1) {
    const slot = index % spaces;
    const size = sizes[slot] as number;
    if (left > 0) {
      sizes[slot] = size + 1;
      left -= 1;
    } else if (size > 1) {
      sizes[slot] = size - 1;
      left += 1;
    }
  }
  return sizes;
}

/** Activity that lands a group in each of the group rules: active in the window, before it, after, never. */
function groupActivity(rng: Rng): string[] {
  const scenario = rng.int(0, 4);
  const count = rng.int(1, 25);
  const activity: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const ms = scenario === 0 ? Date.UTC(2021, 0, 1) + rng.next() * 416 * 86_400_000 // inside the migration window
      : scenario === 1 ? Date.UTC(2012, 0, 1) + rng.next() * 8.9 * 365 * 86_400_000 // only before it
        : scenario === 2 ? Date.UTC(2022, 1, 18) + rng.next() * 8 * 86_400_000 // around its end
          : creationMs(rng);
    activity.push(formatTimestamp(ms, rng));
  }
  return activity.sort();
}

function makeSpace(index: number, rng: Rng, vocabulary: Vocabulary): SnapshotSpace {
  const twinspace = rng.chance(0.3);
  const members = [TEACHER.id];
  const partners = rng.int(0, 4);
  for (let member = 0; member < partners; member += 1) {
    const id = partner(rng.int(0, PARTNERS - 1)).id;
    if (!members.includes(id)) members.push(id);
  }
  const space: SnapshotSpace = {
    id: twinspace ? `ts-${index + 1}` : `g-${index + 1}`,
    kind: twinspace ? 'twinspace' : 'group',
    title: title(vocabulary, rng),
    createdAt: formatTimestamp(Date.UTC(2008, 0, 1) + rng.next() * 13 * 365 * 86_400_000, rng),
    members,
    activity: twinspace ? [] : groupActivity(rng),
  };
  if (twinspace) {
    space.projectId = `p-${index + 1}`;
    space.migrationRequest = rng.pick(['none', 'none', 'requested', 'confirmed'] as const);
  }
  return space;
}

function body(vocabulary: Vocabulary, rng: Rng, maxBytes: number): string {
  let html = `<p>${sentence(vocabulary, rng)}</p>`;
  const target = rng.int(40, maxBytes);
  // Bounded: every sentence adds at least a few bytes, and the target is bounded.
  for (let guard = 0; html.length < target && guard < 10_000; guard += 1) html += `<p>${sentence(vocabulary, rng, 3, 14)}</p>`;
  return html.slice(0, Math.max(target, 40)).replace(/<[^>]*$/, '');
}

function file(id: string, vocabulary: Vocabulary, rng: Rng, options: Options): NonNullable<SnapshotItem['file']> {
  const kind = rng.pick(FILE_KINDS);
  const name = `${vocabulary.word(rng)}-${vocabulary.word(rng)}-${id}.${kind.extension}`;
  const size = Math.max(1, Math.round(Math.exp(rng.next() * Math.log(options.fileBytes))));
  return { name, mediaType: kind.mediaType, content: { kind: 'generated', seed: `${options.seed}:${id}`, size } };
}

function spaceItem(id: string, spaceId: string, owner: string, thread: string | null, vocabulary: Vocabulary, rng: Rng, options: Options): SnapshotItem {
  const roll = rng.next();
  const base = { id, owner, space: spaceId, title: title(vocabulary, rng), createdAt: formatTimestamp(creationMs(rng), rng) };
  if (roll < 0.3) return { ...base, type: 'page', body: body(vocabulary, rng, options.bodyBytes) };
  if (roll < 0.4 || thread === null) return { ...base, type: 'forum-thread', body: body(vocabulary, rng, options.bodyBytes) };
  if (roll < 0.6) return { ...base, type: 'forum-post', parent: thread, body: body(vocabulary, rng, options.bodyBytes) };
  if (roll < 0.7) return { ...base, type: 'journal-entry', body: body(vocabulary, rng, options.bodyBytes) };
  if (roll < 0.8) return { ...base, type: 'comment', parent: thread, body: body(vocabulary, rng, options.bodyBytes) };
  return { ...base, type: 'material', file: file(id, vocabulary, rng, options) };
}

function personalItem(id: string, vocabulary: Vocabulary, rng: Rng, options: Options): SnapshotItem {
  const type = rng.pick(PERSONAL_ITEM_TYPES);
  const item: SnapshotItem = {
    id, owner: TEACHER.id, space: null, type, title: title(vocabulary, rng), createdAt: formatTimestamp(creationMs(rng), rng),
  };
  if (type === 'event') item.organizer = rng.pick(['user', 'nso', 'css'] as const);
  if (rng.chance(0.1)) item.origin = 'seg';
  if (type === 'photo' || type === 'profile-photo') item.file = { ...file(id, vocabulary, rng, options), mediaType: 'image/jpeg' };
  else item.body = body(vocabulary, rng, options.bodyBytes);
  return item;
}

class JsonArrayWriter {
  #first = true;
  constructor(private readonly out: WriteStream) {}

  async write(value: unknown): Promise<void> {
    const text = `${this.#first ? '' : ','}\n  ${JSON.stringify(value)}`;
    this.#first = false;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}

async function writeText(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      spaces: { type: 'string' }, items: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' },
      'body-bytes': { type: 'string' }, 'file-bytes': { type: 'string' },
    },
    strict: true,
  });
  const parsed = ArgsSchema.safeParse({
    spaces: values.spaces, items: values.items, out: values.out, seed: values.seed, bodyBytes: values['body-bytes'], fileBytes: values['file-bytes'],
  });
  if (!parsed.success) {
    process.stderr.write(`${z.prettifyError(parsed.error)}\nUsage: npx tsx scripts/make-large-snapshot.ts --spaces N --items N --out FILE [--seed S] [--body-bytes N] [--file-bytes N]\n`);
    process.exitCode = 2;
    return;
  }
  const options = parsed.data;
  const started = performance.now();
  const vocabulary = createVocabulary();
  const personal = Math.round(options.items * PERSONAL_SHARE);
  const sizes = spaceSizes(options.spaces, options.items - personal);
  const out = createWriteStream(path.resolve(options.out), { highWaterMark: 1 << 20 });
  const closed = new Promise<void>((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject);
  });

  await writeText(out, '{\n "format": "legacy-platform-snapshot/1",\n "accounts": [');
  const accounts = new JsonArrayWriter(out);
  await accounts.write(TEACHER);
  for (let index = 0; index < PARTNERS; index += 1) await accounts.write(partner(index));

  // Spaces first (their own PRNG, so items can be written afterwards space by space).
  await writeText(out, '\n ],\n "spaces": [');
  const spaceWriter = new JsonArrayWriter(out);
  const spaceRng = createRng(`${options.seed}:spaces`);
  const spaceIds: string[] = [];
  const spaceMembers: string[][] = [];
  for (let index = 0; index < options.spaces; index += 1) {
    const space = makeSpace(index, spaceRng, vocabulary);
    spaceIds.push(space.id);
    spaceMembers.push(space.members);
    await spaceWriter.write(space);
  }

  await writeText(out, '\n ],\n "items": [');
  const itemWriter = new JsonArrayWriter(out);
  const itemRng = createRng(`${options.seed}:items`);
  let next = 1;
  for (let index = 0; index < options.spaces; index += 1) {
    const spaceId = spaceIds[index] as string;
    const members = spaceMembers[index] as string[];
    let thread: string | null = null;
    for (let count = 0; count < (sizes[index] ?? 0); count += 1) {
      const id = `i-${next}`;
      next += 1;
      const item = spaceItem(id, spaceId, itemRng.pick(members), thread, vocabulary, itemRng, options);
      if (item.type === 'forum-thread') thread = id;
      await itemWriter.write(item);
    }
    if (index % 1000 === 999) process.stderr.write(`  ${index + 1} of ${options.spaces} spaces, ${next - 1} items\n`);
  }
  for (let count = 0; count < personal; count += 1) {
    await itemWriter.write(personalItem(`i-${next}`, vocabulary, itemRng, options));
    next += 1;
  }
  out.end('\n ]\n}\n');
  await closed;
  const megabytes = out.bytesWritten / 1e6;
  process.stdout.write(`Wrote ${options.out}: ${options.spaces} spaces, ${next - 1} items, ${megabytes.toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  if (out.bytesWritten > 500 * 1024 * 1024) {
    process.stderr.write('Warning: over 500 MiB; twinarchive sample-platform reads a snapshot as one string and may not load it. Lower --body-bytes.\n');
  }
}

await main();
