import { describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/contract.ts';
import { createJobShell } from '../../electron/main/jobs/job-shell.ts';
import { jobShellEffects, quitNeedsConfirmation, QUIT_WHILE_RUNNING } from '../../electron/main/jobs/job-shell-effects.ts';

function job(status: JobState['status'], fraction = 0.25, extra: Partial<JobState> = {}): JobState {
  return {
    jobId: 'job-1',
    status,
    progress: { phase: 'fetching', fraction, itemsDone: 10, itemsTotal: 40, bytesDone: 1000, bytesTotal: 4000, bytesPerSecond: 100, etaSeconds: 30, detail: null },
    destination: '/home/teacher/Archives',
    archives: [],
    problems: [],
    error: null,
    ...extra,
  };
}

describe('jobShellEffects', () => {
  it('shows progress and keeps the computer awake while running', () => {
    expect(jobShellEffects(null, job('running', 0.4))).toEqual({ progress: 0.4, progressMode: 'normal', keepAwake: true, notification: null });
  });

  it('shows a paused bar and lets the computer sleep while paused', () => {
    expect(jobShellEffects('running', job('paused', 0.5))).toMatchObject({ progress: 0.5, progressMode: 'paused', keepAwake: false, notification: null });
  });

  it('removes the bar when the job ends', () => {
    for (const status of ['done', 'failed', 'cancelled'] as const) {
      expect(jobShellEffects('running', job(status, 1))).toMatchObject({ progress: -1, keepAwake: false });
    }
  });

  it('keeps the fraction within 0..1', () => {
    expect(jobShellEffects(null, job('running', 1.7)).progress).toBe(1);
    expect(jobShellEffects(null, job('running', -0.2)).progress).toBe(0);
    expect(jobShellEffects(null, job('running', Number.NaN)).progress).toBe(0);
  });

  it('notifies once when a job finishes, with how many archives and problems', () => {
    const done = job('done', 1, {
      archives: [
        { path: '/a/1.zip', title: 'Space', part: 1, parts: 2, items: 3, size: 10 },
        { path: '/a/2.zip', title: 'Space', part: 2, parts: 2, items: 3, size: 10 },
      ],
      problems: [{ itemId: 'i1', title: 'Poster', problem: 'The file is gone.' }],
    });
    const effects = jobShellEffects('running', done);
    expect(effects.notification?.title).toBe('Archive finished');
    expect(effects.notification?.body).toBe('2 archives saved in /home/teacher/Archives. 1 item could not be archived: see the list in TwinArchive.');
    expect(jobShellEffects('done', done).notification).toBeNull();
  });

  it('notifies when a job fails, with its sentence, but not when the person cancels', () => {
    const failed = job('failed', 0.3, { error: 'The disk is full: free some space, then try again to carry on where it stopped.' });
    expect(jobShellEffects('running', failed).notification).toEqual({ title: 'Archive stopped', body: failed.error });
    expect(jobShellEffects('running', job('cancelled')).notification).toBeNull();
  });
});

describe('createJobShell', () => {
  function fakeShell() {
    const progress: Array<[number, string]> = [];
    const notes: string[] = [];
    const blockers = { started: 0, stopped: [] as number[], active: new Set<number>() };
    const shell = createJobShell({
      setProgress: (value, mode) => void progress.push([value, mode]),
      notify: (title) => void notes.push(title),
      powerSaveBlocker: {
        start: () => {
          blockers.started++;
          blockers.active.add(blockers.started);
          return blockers.started;
        },
        stop: (id) => {
          blockers.stopped.push(id);
          blockers.active.delete(id);
        },
      },
    });
    return { shell, progress, notes, blockers };
  }

  it('holds one sleep blocker for the whole run and releases it at the end', () => {
    const { shell, progress, notes, blockers } = fakeShell();
    shell.onEvent({ type: 'job', state: job('running', 0.1) });
    shell.onEvent({ type: 'job', state: job('running', 0.6) });
    expect(blockers.started).toBe(1);
    expect(shell.status()).toBe('running');
    shell.onEvent({ type: 'job', state: job('done', 1) });
    expect(blockers.active.size).toBe(0);
    expect(progress).toEqual([[0.1, 'normal'], [0.6, 'normal'], [-1, 'normal']]);
    expect(notes).toEqual(['Archive finished']);
  });

  it('ignores other events and cleans up on dispose', () => {
    const { shell, progress, blockers } = fakeShell();
    shell.onEvent({ type: 'session', status: { connected: true, source: null, sample: true, account: null, remembered: false } });
    expect(progress).toEqual([]);
    shell.onEvent({ type: 'job', state: job('running') });
    shell.dispose();
    expect(blockers.active.size).toBe(0);
    expect(progress.at(-1)).toEqual([-1, 'normal']);
  });
});

describe('quitting during a job', () => {
  it('asks only while a job is running, with the sentence people read', () => {
    expect(quitNeedsConfirmation('running')).toBe(true);
    for (const status of ['paused', 'done', 'failed', 'cancelled', null] as const) expect(quitNeedsConfirmation(status)).toBe(false);
    expect(QUIT_WHILE_RUNNING.detail).toBe('The archive job will stop and carry on when you next start TwinArchive.');
  });
});
