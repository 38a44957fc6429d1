import { describe, expect, it } from 'vitest';
import type { BulkState } from '../../shared/contract.ts';
import { createBulkShell } from '../../electron/main/jobs/bulk-shell.ts';
import { bulkShellEffects } from '../../electron/main/jobs/bulk-shell-effects.ts';

function bulk(status: BulkState['status'], fraction = 0.25, totals: Partial<BulkState['totals']> = {}): BulkState {
  return {
    status, runId: 'bulk-1', source: { kind: 'sample' }, destination: '/media/usb/school', colleagues: [],
    totals: { fraction, colleagues: 3, done: 1, failed: 0, itemsDone: 10, itemsTotal: null, bytesDone: 100, bytesTotal: null, bytesPerSecond: null, etaSeconds: null, ...totals },
    report: null, error: null, restored: false,
  };
}

describe('bulkShellEffects', () => {
  it('shows progress and keeps the computer awake while the run runs, a paused bar while paused', () => {
    expect(bulkShellEffects(null, bulk('running', 0.4))).toEqual({ progress: 0.4, progressMode: 'normal', keepAwake: true, notification: null });
    expect(bulkShellEffects('running', bulk('paused', 0.5))).toMatchObject({ progress: 0.5, progressMode: 'paused', keepAwake: false });
  });

  it('shows no bar while setting up or after the end', () => {
    for (const status of ['setup', 'finished', 'cancelled'] as const) expect(bulkShellEffects(null, bulk(status)).progress).toBe(-1);
  });

  it('notifies once when the run ends by itself, saying how many colleagues failed', () => {
    const done = bulk('finished', 1, { done: 3 });
    expect(bulkShellEffects('running', done).notification).toEqual({ title: 'Bulk run finished', body: '3 of 3 colleagues archived in /media/usb/school.' });
    expect(bulkShellEffects('finished', done).notification).toBeNull();
    expect(bulkShellEffects('running', bulk('finished', 1, { done: 2, failed: 1 })).notification).toEqual({
      title: 'Bulk run finished with failures', body: '2 of 3 colleagues archived in /media/usb/school. 1 failed: see why in TwinArchive.',
    });
    expect(bulkShellEffects('running', bulk('cancelled')).notification).toBeNull();
  });
});

describe('createBulkShell', () => {
  it('holds one sleep blocker while running, leaves the bar alone while setting up, and cleans up', () => {
    const progress: Array<[number, string]> = [];
    const notes: string[] = [];
    const active = new Set<number>();
    let next = 0;
    const shell = createBulkShell({
      setProgress: (value, mode) => void progress.push([value, mode]),
      notify: (title) => void notes.push(title),
      powerSaveBlocker: { start: () => { next += 1; active.add(next); return next; }, stop: (id) => void active.delete(id) },
    });
    shell.onEvent({ type: 'bulk', state: bulk('setup', 0) });
    expect(progress).toEqual([]);
    shell.onEvent({ type: 'bulk', state: bulk('running', 0.1) });
    shell.onEvent({ type: 'bulk', state: bulk('running', 0.6) });
    expect(active.size).toBe(1);
    expect(shell.status()).toBe('running');
    shell.onEvent({ type: 'bulk', state: bulk('finished', 1, { done: 3 }) });
    expect(active.size).toBe(0);
    expect(progress).toEqual([[0.1, 'normal'], [0.6, 'normal'], [-1, 'normal']]);
    expect(notes).toEqual(['Bulk run finished']);
    shell.onEvent({ type: 'bulk', state: bulk('running', 0.2) });
    shell.dispose();
    expect(active.size).toBe(0);
    expect(progress.at(-1)).toEqual([-1, 'normal']);
  });
});
