import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSnapshotPath, loadSnapshot } from '../../electron/core/sample-platform/load-snapshot.ts';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'public-cases.json');
let folder = '';

type Snapshotish = { items: unknown[]; spaces: unknown[] };

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'twinarchive-snapshot-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writeVariant(name: string, change: (snapshot: Snapshotish) => void): Promise<string> {
  const snapshot = JSON.parse(await readFile(fixture, 'utf8')) as Snapshotish;
  change(snapshot);
  const path = join(folder, name);
  await writeFile(path, JSON.stringify(snapshot));
  return path;
}

describe('loadSnapshot', () => {
  it('loads the public cases', async () => {
    const snapshot = await loadSnapshot(fixture);
    expect(snapshot.accounts[0]?.login).toBe('an.peeters');
    expect(snapshot.items.length).toBeGreaterThan(10);
  });

  it('names the file when it cannot be read or parsed', async () => {
    const missing = join(folder, 'missing.json');
    await expect(loadSnapshot(missing)).rejects.toThrow(missing);
    const broken = join(folder, 'broken.json');
    await writeFile(broken, '{"format": ');
    await expect(loadSnapshot(broken)).rejects.toThrow(/broken\.json is not valid JSON/);
  });

  it('names the first schema problem', async () => {
    const path = await writeVariant('bad-date.json', (snapshot) => {
      (snapshot.items[2] as Record<string, unknown>).createdAt = 'last week';
    });
    await expect(loadSnapshot(path)).rejects.toThrow(/bad-date\.json.*items\[2\]\.createdAt: not an ISO 8601 timestamp/);
  });

  it.each([
    ['duplicate item ids', (s: Snapshotish) => { s.items.push(s.items[0]); }, /two items have the id "i-a1"/],
    ['unknown space', (s: Snapshotish) => { (s.items[0] as Record<string, unknown>).space = 'g-zz'; }, /"g-zz", which is not a space/],
    ['unknown member', (s: Snapshotish) => { (s.spaces[0] as { members: string[] }).members.push('u-9'); }, /member "u-9", which is not an account/],
    ['duplicate space ids', (s: Snapshotish) => { s.spaces.push(s.spaces[1]); }, /two spaces have the id "g-b"/],
  ])('refuses %s', async (name, change, message) => {
    const path = await writeVariant(`${name.replaceAll(' ', '-')}.json`, change);
    await expect(loadSnapshot(path)).rejects.toThrow(message);
  });

  it('points at the shipped demo snapshot', () => {
    const path = defaultSnapshotPath();
    expect(isAbsolute(path)).toBe(true);
    expect(path.endsWith(join('resources', 'snapshots', 'demo.json'))).toBe(true);
    expect(path.startsWith(join(import.meta.dirname, '..', '..'))).toBe(true);
  });
});
