import type { BulkSource } from '../../../../shared/contract.ts';
import { platformOrigin } from '../../platform-client/platform-address.ts';
import { defaultSnapshotPath, loadSnapshot } from '../../sample-platform/load-snapshot.ts';
import { startSamplePlatform, type RunningSamplePlatform } from '../../sample-platform/server.ts';
import { AppCallError } from '../call-error.ts';

/**
 * What the library knows a sample run by: the embedded sample platform gets a new address at
 * every start, and a run begun before a restart must still be the same job after it.
 */
export const SAMPLE_JOB_SOURCE = 'twinarchive:sample-platform';

/** The source with its address reduced to the platform's origin (a pasted login page is the same platform). */
export function normalizeSource(source: BulkSource): BulkSource {
  return source.kind === 'sample' ? { kind: 'sample' } : { kind: 'platform', baseUrl: platformOrigin(source.baseUrl).origin };
}

export function sameSource(a: BulkSource | null, b: BulkSource | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === 'sample' ? b.kind === 'sample' : b.kind === 'platform' && a.baseUrl === b.baseUrl;
}

export interface BulkSourceHolder {
  current(): BulkSource | null;
  /** Sets the source, its address reduced to the platform's origin; leaving the sample platform stops it. */
  set(source: BulkSource): Promise<BulkSource>;
  /** The address to reach it, starting the sample platform when that is the source. */
  url(): Promise<string>;
  /** The address without starting anything: null for a sample platform that is not running. */
  knownUrl(): string | null;
  /** What the bulk job is known by, when that is not the address (the sample platform). */
  jobSource(): string | undefined;
  close(): Promise<void>;
}

/** The platform a bulk run's colleagues are on, with its own sample platform when that is the choice. */
export function createBulkSourceHolder(sampleSnapshotPath: string | undefined): BulkSourceHolder {
  let source: BulkSource | null = null;
  let sample: Promise<RunningSamplePlatform> | null = null;
  let sampleUrl: string | null = null;

  async function stopSample(): Promise<void> {
    const running = sample;
    sample = null;
    sampleUrl = null;
    await (await running?.catch(() => null))?.close();
  }

  return {
    current: () => source,
    async set(next) {
      const normalized = normalizeSource(next);
      if (normalized.kind !== 'sample') await stopSample();
      source = normalized;
      return normalized;
    },
    async url() {
      if (source === null) throw new AppCallError('Choose the platform your colleagues are on first, then add them.', 'NOT_NOW');
      if (source.kind === 'platform') return source.baseUrl;
      sample ??= loadSnapshot(sampleSnapshotPath ?? defaultSnapshotPath()).then((snapshot) => startSamplePlatform({ snapshot, port: 0 }));
      const started = sample;
      try {
        const { url } = await started;
        if (sample === started) sampleUrl = url;
        return url;
      } catch (error) {
        if (sample === started) sample = null;
        throw error;
      }
    },
    knownUrl: () => (source?.kind === 'platform' ? source.baseUrl : sampleUrl),
    jobSource: () => (source?.kind === 'sample' ? SAMPLE_JOB_SOURCE : undefined),
    close: stopSample,
  };
}
