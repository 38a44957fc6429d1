import type { Writable } from 'node:stream';
import { formatBytes } from '../../shared/format.ts';
import type { JobPhase, JobProgress } from '../../shared/progress.ts';
import type { BulkEvent, BulkEventAccount } from '../core/jobs/bulk/bulk-events.ts';
import { sanitizeForTerminal } from './format-scan.ts';
import { describeProgress } from './progress-line.ts';

function label(account: BulkEventAccount): string {
  return `[${account.position}/${account.total}] ${sanitizeForTerminal(account.login)}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The lines every reader of the log needs: an account starts, finishes, fails or is skipped. */
export function describeBulkEvent(event: BulkEvent): string | null {
  switch (event.kind) {
    case 'account-skipped':
      return `${label(event.account)}: done in an earlier run (${plural(event.items, 'item')}, ${formatBytes(event.bytes)})`;
    case 'account-started': {
      const how = { none: 'started', interrupted: 'resuming', failed: 'retrying' }[event.after];
      return `${label(event.account)}: ${how}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''} into ${sanitizeForTerminal(event.account.folder)}`;
    }
    case 'account-finished': {
      if (event.status === 'failed') return `${label(event.account)}: failed: ${sanitizeForTerminal(event.error ?? 'unknown error')}`;
      const notices = event.problems > 0 ? `; ${plural(event.problems, 'item')} kept as notices only` : '';
      return `${label(event.account)}: done: ${plural(event.items, 'item')} (${formatBytes(event.bytes)}) in ${plural(event.archives, 'archive')}${notices}. Total archived ${formatBytes(event.totalBytes)}`;
    }
    case 'account-stopped':
      return `${label(event.account)}: stopped before it finished`;
    case 'run-stopped':
      return `No further accounts started (${event.notStarted} left) because ${event.reason}`;
    case 'account-progress':
      return null;
  }
}

/**
 * Progress of a bulk run on stderr. Starts, ends and failures are always a line of their own.
 * In a terminal one status line, rewritten in place, shows every running account and the total;
 * in a log each account's progress is a line at each new phase and every few seconds.
 */
export function createBulkProgressPrinter(stream: Writable & { isTTY?: boolean }, logIntervalMs = 5000) {
  const running = new Map<number, { account: BulkEventAccount; progress: JobProgress }>();
  const logged = new Map<number, { at: number; phase: JobPhase }>();
  let totalBytes = 0;
  let lineOpen = false;

  const clearLine = () => {
    if (lineOpen) stream.write('\r\u001b[2K');
    lineOpen = false;
  };
  const statusLine = () => {
    const parts = [...running.values()].map(({ account, progress }) => `${label(account)} ${describeProgress(progress).replace(/\s+/g, ' ')}`);
    stream.write(`\r\u001b[2K${[...parts, `total ${formatBytes(totalBytes)}`].join('  |  ')}`);
    lineOpen = true;
  };

  return {
    update(event: BulkEvent): void {
      if ('totalBytes' in event) totalBytes = event.totalBytes;
      if (event.kind === 'account-progress') {
        running.set(event.account.position, { account: event.account, progress: event.progress });
        if (stream.isTTY) {
          statusLine();
          return;
        }
        const now = Date.now();
        const last = logged.get(event.account.position);
        if (last === undefined || last.phase !== event.progress.phase || now - last.at >= logIntervalMs) {
          stream.write(`${label(event.account)}  ${describeProgress(event.progress)}  total ${formatBytes(totalBytes)}\n`);
          logged.set(event.account.position, { at: now, phase: event.progress.phase });
        }
        return;
      }
      if (event.kind === 'account-finished' || event.kind === 'account-stopped') running.delete(event.account.position);
      const line = describeBulkEvent(event);
      if (line === null) return;
      clearLine();
      stream.write(`${line}\n`);
      if (stream.isTTY && running.size > 0) statusLine();
    },
    end(): void {
      clearLine();
    },
  };
}
