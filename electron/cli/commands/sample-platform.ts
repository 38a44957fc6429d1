import { loadSnapshot, defaultSnapshotPath } from '../../core/sample-platform/load-snapshot.ts';
import { startSamplePlatform } from '../../core/sample-platform/server.ts';
import { writeLine, type CliIo } from '../cli-io.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { integerOption, parseOptions } from '../parse-options.ts';

export const samplePlatformUsage =
  'twinarchive sample-platform [--snapshot FILE] [--port N] [--faults SEED] [--latency MS] [--expire-after N] [--bandwidth BYTES_PER_SECOND]';

/** Serves a snapshot on 127.0.0.1 until the process is stopped. */
export async function runSamplePlatform(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, {
    snapshot: { type: 'string' },
    port: { type: 'string' },
    faults: { type: 'string' },
    latency: { type: 'string' },
    'expire-after': { type: 'string' },
    bandwidth: { type: 'string' },
  });
  const snapshot = await loadSnapshot(values.snapshot ?? defaultSnapshotPath());
  const platform = await startSamplePlatform({
    snapshot,
    port: integerOption(values.port, 'port', 0, 65_535) ?? 0,
    faultSeed: values.faults ?? null,
    latencyMs: integerOption(values.latency, 'latency', 0, 60_000) ?? 0,
    expireAfter: integerOption(values['expire-after'], 'expire-after', 1, 1_000_000_000) ?? null,
    bandwidth: integerOption(values.bandwidth, 'bandwidth', 1024, Number.MAX_SAFE_INTEGER) ?? null,
  });
  writeLine(io.stdout, `listening on ${platform.url}`);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await platform.close();
  return EXIT_OK;
}
