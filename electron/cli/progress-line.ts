import type { Writable } from 'node:stream';
import { formatBytes, formatDuration } from '../../shared/format.ts';
import type { JobPhase, JobProgress } from '../../shared/progress.ts';

const PHASE_LABELS: Record<JobPhase, string> = {
  'signing-in': 'Signing in',
  listing: 'Listing',
  fetching: 'Archiving',
  packaging: 'Packing',
  verifying: 'Checking',
  indexing: 'Indexing',
  done: 'Done',
};

export function describeProgress(progress: JobProgress): string {
  const parts = [PHASE_LABELS[progress.phase].padEnd(10)];
  if (progress.itemsTotal !== null) parts.push(`${progress.itemsDone}/${progress.itemsTotal} items`);
  if (progress.bytesTotal !== null && progress.bytesTotal > 0) {
    parts.push(`${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`);
  }
  if (progress.bytesPerSecond !== null && progress.phase === 'fetching') parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
  if (progress.etaSeconds !== null && progress.phase === 'fetching') parts.push(`ETA ${formatDuration(progress.etaSeconds)}`);
  return parts.join('  ');
}

/**
 * Progress on stderr: one line rewritten in place in a terminal; in a log (not a terminal)
 * a line every few seconds and at each new phase, so unattended runs leave a readable trail.
 */
export function createProgressPrinter(stream: Writable & { isTTY?: boolean }, logIntervalMs = 5000) {
  let lastLogged = 0;
  let lastPhase: JobPhase | null = null;
  let lineOpen = false;
  return {
    update(progress: JobProgress): void {
      const line = describeProgress(progress);
      if (stream.isTTY) {
        stream.write(`\r\u001b[2K${line}`);
        lineOpen = true;
        return;
      }
      const now = Date.now();
      if (progress.phase !== lastPhase || now - lastLogged >= logIntervalMs) {
        stream.write(`${line}\n`);
        lastLogged = now;
        lastPhase = progress.phase;
      }
    },
    end(): void {
      if (lineOpen) stream.write('\n');
      lineOpen = false;
    },
  };
}
