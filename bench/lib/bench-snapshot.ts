import { contentPath, filePath } from '../../shared/platform-api.ts';
import type { Snapshot, SnapshotAccount, SnapshotItem, SnapshotSpace } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { bodyHtml } from './html-text.ts';
import { createRng, type Rng } from '../../scripts/demo-snapshot/prng.ts';
import { plainText, title, type Vocabulary } from './words.ts';

/** Snapshots generated for one run: one teacher, her spaces, small pages and files, big media. */

export const BENCH_ACCOUNT: SnapshotAccount = {
  id: 'u-bench',
  login: 'bench.teacher',
  password: 'bench-password-7',
  name: 'Bench Teacher',
  email: 'bench.teacher@school.example',
  hasEtwinningAccount: true,
  hasSegAccount: false,
};

export interface BenchSnapshotOptions {
  seed: string;
  vocabulary: Vocabulary;
  /** Spaces the small items are spread over. */
  spaces: number;
  /** Pages (with an HTML body) and small files, about 70% pages. */
  smallItems: number;
  /** Body size range of pages, in bytes. */
  pageBytes?: { min: number; max: number };
  /** Big generated media (video/mp4, stored), each in the space "media". */
  media?: { count: number; size: number };
}

const SMALL_FILE_KINDS = [
  { extension: 'jpg', mediaType: 'image/jpeg' },
  { extension: 'png', mediaType: 'image/png' },
  { extension: 'pdf', mediaType: 'application/pdf' },
  { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { extension: 'txt', mediaType: 'text/plain' },
] as const;

function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return new Date(from + Math.floor(rng.next() * (to - from) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Log-uniform in [min, max]: many small, a few large, as real pages and files are. */
export function logUniform(rng: Rng, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min))));
}

function space(index: number, rng: Rng, vocabulary: Vocabulary, id = `g-${1001 + index}`): SnapshotSpace {
  const activity: string[] = [];
  const count = rng.int(3, 12);
  for (let entry = 0; entry < count; entry += 1) activity.push(isoDate(rng, 2016, 2022));
  return {
    id,
    kind: 'group',
    title: `${title(vocabulary, rng)} ${index + 1}`,
    createdAt: isoDate(rng, 2012, 2015),
    members: [BENCH_ACCOUNT.id],
    activity: activity.sort(),
  };
}

function smallItem(index: number, spaceId: string, rng: Rng, vocabulary: Vocabulary, options: BenchSnapshotOptions, earlier: readonly string[]): SnapshotItem {
  const id = `i-${index + 1}`;
  const base = {
    id, owner: BENCH_ACCOUNT.id, space: spaceId, title: title(vocabulary, rng), createdAt: isoDate(rng, 2012, 2023),
  };
  if (rng.chance(0.7)) {
    const pageBytes = options.pageBytes ?? { min: 1000, max: 8000 };
    return {
      ...base,
      type: rng.pick(['page', 'page', 'forum-post', 'journal-entry'] as const),
      body: bodyHtml(vocabulary, rng, logUniform(rng, pageBytes.min, pageBytes.max), earlier.slice(-3)),
    };
  }
  const kind = rng.pick(SMALL_FILE_KINDS);
  const name = `${title(vocabulary, rng).toLowerCase().replaceAll(' ', '-').slice(0, 40)}-${index + 1}.${kind.extension}`;
  const size = logUniform(rng, 2_000, 60_000);
  return {
    ...base,
    type: 'material',
    file: {
      name,
      mediaType: kind.mediaType,
      content: kind.extension === 'txt'
        ? { kind: 'text', text: plainText(vocabulary, rng, Math.round(size / 6)) }
        : { kind: 'generated', seed: `${options.seed}:${id}`, size },
    },
  };
}

export function buildBenchSnapshot(options: BenchSnapshotOptions): Snapshot {
  const rng = createRng(`bench:${options.seed}`);
  const spaces = Array.from({ length: options.spaces }, (_, index) => space(index, rng, options.vocabulary));
  const items: SnapshotItem[] = [];
  const linksBySpace = new Map<string, string[]>();
  for (let index = 0; index < options.smallItems; index += 1) {
    const spaceId = (spaces[index % spaces.length] as SnapshotSpace).id;
    const earlier = linksBySpace.get(spaceId) ?? [];
    const item = smallItem(index, spaceId, rng, options.vocabulary, options, earlier);
    if (item.body !== undefined) earlier.push(contentPath(item.id));
    if (earlier.length > 8) earlier.shift();
    linksBySpace.set(spaceId, earlier);
    items.push(item);
  }
  if (options.media !== undefined && options.media.count > 0) {
    const media = space(spaces.length, rng, options.vocabulary, 'g-media');
    spaces.push(media);
    for (let index = 0; index < options.media.count; index += 1) {
      const id = `m-${index + 1}`;
      items.push({
        id, owner: BENCH_ACCOUNT.id, space: media.id, type: 'material', title: `Film ${index + 1}`,
        createdAt: isoDate(rng, 2019, 2022),
        file: { name: `film-${index + 1}.mp4`, mediaType: 'video/mp4', content: { kind: 'generated', seed: `${options.seed}:${id}`, size: options.media.size } },
      });
    }
  }
  return { format: 'legacy-platform-snapshot/1', accounts: [BENCH_ACCOUNT], spaces, items };
}

/** The URL path of every item's body or file: what a peer downloads. */
export function itemPaths(snapshot: Snapshot): string[] {
  return snapshot.items.map((item) => (item.body !== undefined
    ? contentPath(item.id)
    : item.file !== undefined ? filePath(item.id, item.file.name) : null))
    .filter((entry): entry is string => entry !== null);
}

/** The generated contents of a snapshot, to hash before the clock starts. */
export function generatedContents(snapshot: Snapshot): { seed: string; size: number }[] {
  return snapshot.items.flatMap((item) => (item.file?.content.kind === 'generated' ? [{ seed: item.file.content.seed, size: item.file.content.size }] : []));
}
