import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach } from 'vitest';
import { startSamplePlatform, type RunningSamplePlatform } from '../../electron/core/sample-platform/server.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { SnapshotSchema } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { REPO_ROOT } from './cli.ts';

export async function readFixtureSnapshot(name: string): Promise<Snapshot> {
  const text = await readFile(path.join(REPO_ROOT, 'tests', 'fixtures', name), 'utf8');
  return SnapshotSchema.parse(JSON.parse(text));
}

export async function readDemoSnapshot(): Promise<Snapshot> {
  const text = await readFile(path.join(REPO_ROOT, 'resources', 'snapshots', 'demo.json'), 'utf8');
  return SnapshotSchema.parse(JSON.parse(text));
}

/** Starts real sample platforms on 127.0.0.1 and stops them after each test. */
export function useSamplePlatforms(): (snapshot: Snapshot, options?: { faultSeed?: string; latencyMs?: number; expireAfter?: number; bandwidth?: number }) => Promise<RunningSamplePlatform> {
  const running: RunningSamplePlatform[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((platform) => platform.close()));
  });
  return async (snapshot, options = {}) => {
    const platform = await startSamplePlatform({
      snapshot,
      port: 0,
      faultSeed: options.faultSeed ?? null,
      latencyMs: options.latencyMs ?? 0,
      expireAfter: options.expireAfter ?? null,
      bandwidth: options.bandwidth ?? null,
    });
    running.push(platform);
    return platform;
  };
}
