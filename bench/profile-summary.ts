/**
 * Where a CPU profile's time goes:
 *   npx tsx bench/profile-summary.ts FILE.cpuprofile [--top N] [--timeline SECONDS] [--from S] [--to S]
 * Prints self time by function and by file (node --cpu-prof output, e.g. from
 * `npm run bench -- --profile DIR`), with idle, GC and native time named as V8 names them;
 * --timeline adds, per slice of that many seconds, the share idle and the busiest files;
 * --from/--to keep only the samples between those seconds from the profile's start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const ProfileSchema = z.object({
  nodes: z.array(z.object({
    id: z.number(),
    callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    children: z.array(z.number()).optional(),
  })),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' }, timeline: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  allowPositionals: true,
  strict: true,
});
const top = z.coerce.number().int().min(1).max(500).parse(values.top);
const fromMicros = z.coerce.number().min(0).parse(values.from ?? '0') * 1e6;
const toMicros = values.to === undefined ? Number.POSITIVE_INFINITY : z.coerce.number().min(0).parse(values.to) * 1e6;
const slice = values.timeline === undefined ? null : z.coerce.number().min(0.01).max(3600).parse(values.timeline);
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function shortUrl(url: string): string {
  if (url === '') return '(native)';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const relative = path.relative(repoRoot, file);
  return relative.startsWith('..') ? file : relative;
}

function table(title: string, rows: [string, number][], total: number): string {
  const lines = rows.slice(0, top).map(([name, micros]) => `${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`);
  return [`-- ${title}`, ...lines].join('\n');
}

for (const file of positionals) {
  const profile = ProfileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const groupOf = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return '?';
    const where = shortUrl(frame.url);
    if (where.includes('node_modules/')) return where.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, 'node_modules/$1');
    if (frame.url === '') return `(${frame.functionName || 'native'})`;
    return where;
  };
  const selfTime = new Map<number, number>();
  let clock = 0;
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    clock += delta;
    if (clock < fromMicros || clock > toMicros) return;
    total += delta;
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
  });
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, micros] of selfTime) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    const where = shortUrl(frame.url);
    const name = `${frame.functionName || '(anonymous)'}  ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const group = groupOf(id);
    byFile.set(group, (byFile.get(group) ?? 0) + micros);
  }
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  process.stdout.write(`${path.basename(file)}: ${(total / 1e6).toFixed(2)} s profiled\n`);
  process.stdout.write(`${table('self time by file or package', sorted(byFile), total)}\n`);
  process.stdout.write(`${table('self time by function', sorted(byFunction), total)}\n`);
  if (slice !== null) process.stdout.write(`${timeline(profile, groupOf, slice)}\n`);
  process.stdout.write('\n');
}

function timeline(profile: z.infer<typeof ProfileSchema>, groupOf: (id: number) => string, seconds: number): string {
  const sliceMicros = seconds * 1e6;
  const slices: Map<string, number>[] = [];
  let at = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    const bucket = Math.floor(at / sliceMicros);
    // Bounded by the profile's own length.
    while (slices.length <= bucket) slices.push(new Map());
    const group = groupOf(id);
    const slot = slices[bucket] as Map<string, number>;
    slot.set(group, (slot.get(group) ?? 0) + delta);
  });
  const lines = slices.map((slot, index) => {
    const total = [...slot.values()].reduce((sum, value) => sum + value, 0) || 1;
    const idle = slot.get('((idle))') ?? 0;
    const busiest = [...slot.entries()].filter(([name]) => name !== '((idle))').sort((a, b) => b[1] - a[1]).slice(0, 4)
      .map(([name, micros]) => `${name} ${((100 * micros) / total).toFixed(0)}%`).join(', ');
    return `${(index * seconds).toFixed(1).padStart(7)} s  idle ${((100 * idle) / total).toFixed(0).padStart(3)}%  ${busiest}`;
  });
  return ['-- timeline', ...lines].join('\n');
}
