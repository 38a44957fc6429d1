import { describe, expect, it } from 'vitest';
import type { BulkColleague } from '../../shared/contract.ts';
import { checkFolder, defaultFolder, folderClash } from '../../electron/core/app/bulk/bulk-folders.ts';
import { bulkTotals } from '../../electron/core/app/bulk/bulk-totals.ts';

describe('colleague folders', () => {
  it('are named after the colleague, safely, and never twice', () => {
    expect(defaultFolder('Lotte Janssens', 'lotte', [])).toBe('Lotte Janssens');
    expect(defaultFolder('Lotte Janssens', 'lotte', ['lotte janssens'])).toBe('Lotte Janssens 2');
    expect(defaultFolder('Lotte Janssens', 'lotte', ['Lotte Janssens', 'Lotte Janssens 2'])).toBe('Lotte Janssens 3');
    expect(defaultFolder('  ', 'an.peeters', [])).toBe('an.peeters');
    expect(defaultFolder('A/B: "C"', 'x', [])).toBe('A_B_ _C_');
    expect(defaultFolder('bulk-report.html', 'x', [])).not.toBe('bulk-report.html');
  });

  it('as typed: made safe part by part, never leaving the destination', () => {
    expect(checkFolder('Klas 5B/Bo')).toEqual({ folder: 'Klas 5B/Bo' });
    expect(checkFolder('Klas 5B\\Bo?')).toEqual({ folder: 'Klas 5B/Bo_' });
    expect(checkFolder(' ./Bo/ ')).toEqual({ folder: 'Bo' });
    for (const [typed, problem] of [
      ['/etc', /is a full path/], ['C:\\Users', /is a full path/], ['a/../b', /contains “\.\.”/], ['  /  ', /is a full path/], [' ', /is empty/],
      ['BULK-REPORT.CSV', /name of the run report/],
    ] as const) {
      const checked = checkFolder(typed);
      expect('problem' in checked && checked.problem, typed).toMatch(problem);
    }
  });

  it('clash when two are the same (whatever the case) or one lies inside another', () => {
    const others = [{ folder: 'Klas 5B/Bo', name: 'Bo' }];
    expect(folderClash('klas 5b/BO', others)).toMatch(/already Bo’s/);
    expect(folderClash('Klas 5B', others)).toMatch(/lie one inside the other/);
    expect(folderClash('Klas 5B/Bo/extra', others)).toMatch(/lie one inside the other/);
    expect(folderClash('Klas 5B/Bob', others)).toBeNull();
  });
});

function colleague(status: BulkColleague['status'], extra: Partial<BulkColleague> = {}): BulkColleague {
  return {
    id: status, login: status, name: status, email: '', signIn: 'password', signedIn: true, spaces: null, folder: status, outDir: null,
    status, progress: null, items: 0, bytes: 0, archives: 0, problems: 0, error: null, ...extra,
  };
}

const fetching = (itemsDone: number, itemsTotal: number, bytesDone: number, bytesTotal: number, fraction: number, rate: number | null) => ({
  phase: 'fetching' as const, fraction, itemsDone, itemsTotal, bytesDone, bytesTotal, bytesPerSecond: rate, etaSeconds: null, detail: null,
});

describe('the run\'s totals', () => {
  it('add up what is done and running; totals stay unknown until every colleague is listed', () => {
    const listing = { ...fetching(30, 100, 0, 0, 0.3, null), phase: 'listing' as const };
    const totals = bulkTotals([
      colleague('done', { items: 10, bytes: 1000 }),
      colleague('running', { progress: fetching(5, 20, 500, 2000, 0.5, 100) }),
      colleague('running', { progress: listing }),
      colleague('failed'),
    ], null, 0);
    expect(totals).toEqual({
      fraction: (1 + 0.5 + 0.3 + 1) / 4, colleagues: 4, done: 1, failed: 1,
      itemsDone: 15, itemsTotal: null, bytesDone: 1500, bytesTotal: null, bytesPerSecond: 100, etaSeconds: null,
    });
  });

  it('estimate the time left from bytes when every total is known, else from the share done since the start', () => {
    const known = bulkTotals([colleague('done', { items: 10, bytes: 1000 }), colleague('running', { progress: fetching(5, 20, 500, 2500, 0.2, 100) })], { startedAt: 0, startFraction: 0 }, 10_000);
    expect(known).toMatchObject({ itemsTotal: 30, bytesTotal: 3500, etaSeconds: 20 });
    const unknown = bulkTotals([colleague('done'), colleague('queued')], { startedAt: 0, startFraction: 0 }, 60_000);
    expect(unknown).toMatchObject({ fraction: 0.5, bytesTotal: null, etaSeconds: 60 });
    expect(bulkTotals([colleague('queued')], { startedAt: 0, startFraction: 0 }, 60_000).etaSeconds).toBeNull();
    expect(bulkTotals([], null, 0)).toMatchObject({ fraction: 0, colleagues: 0, itemsTotal: 0 });
  });
});
