import type { ScanResult } from '../../../shared/inventory.ts';
import type { ScanRunInfo } from '../../../shared/scan-summary.ts';
import type { Library } from '../library/library.ts';
import type { AccountScope } from '../library/account-scope.ts';
import { finishScanRun, finishScanRunOffThread } from '../library/scan-merge.ts';
import { failScanRun, startScanRun } from '../library/scan-runs-repository.ts';
import { ScanStage } from '../library/scan-stage.ts';
import { createYearOf } from './creation-year.ts';

/**
 * Records a scan already held in memory (a teacher's account, the app's scan) as a run, so it
 * is compared with the previous one exactly like a streamed scan.
 */
export function recordScanResult(library: Library, scan: ScanResult, timeZone: string, now: () => Date = () => new Date()): ScanRunInfo {
  const staged = stageScanResult(library, scan, timeZone, now);
  try {
    return finishScanRun(library, { runId: staged.runId, scope: staged.scope, finishedAt: scan.scannedAt });
  } catch (error) {
    failScanRun(library, staged.runId, error instanceof Error ? error.message : String(error), now().toISOString());
    throw error;
  }
}

/**
 * Below this many items a merge takes less than starting the worker thread would (about 0.1 s
 * at 5,000 items); above it, the main thread would be frozen for long enough to notice.
 */
const OFF_THREAD_FROM_ITEMS = 20_000;

/** The same, merged on a worker thread when the scan is large: for a job whose main thread goes on meanwhile (see finishScanRunOffThread). */
export async function recordScanResultOffThread(
  library: Library, scan: ScanResult, timeZone: string, now: () => Date = () => new Date(), offThreadFromItems = OFF_THREAD_FROM_ITEMS,
): Promise<ScanRunInfo> {
  if (scan.items.length < offThreadFromItems) return recordScanResult(library, scan, timeZone, now);
  const staged = stageScanResult(library, scan, timeZone, now);
  try {
    return await finishScanRunOffThread(library, { runId: staged.runId, scope: staged.scope, finishedAt: scan.scannedAt });
  } catch (error) {
    failScanRun(library, staged.runId, error instanceof Error ? error.message : String(error), now().toISOString());
    throw error;
  }
}

function stageScanResult(library: Library, scan: ScanResult, timeZone: string, now: () => Date): { runId: number; scope: AccountScope } {
  const scope = { source: scan.source, accountId: scan.account.id };
  const runId = startScanRun(library, {
    scope, account: scan.account, ruleSet: scan.ruleSet, settings: scan.settings, startedAt: scan.scannedAt,
  });
  try {
    const stage = new ScanStage(library, runId);
    const yearOf = createYearOf(timeZone);
    const kindOf = new Map(scan.spaces.map((space) => [space.id, space.kind]));
    for (const space of scan.spaces) stage.addSpace(space);
    for (const item of scan.items) {
      const holderKind = item.space === null ? 'personal' : (kindOf.get(item.space) ?? 'group');
      stage.addItem({ item, holderKind, createdYear: yearOf(item.createdAt) });
    }
    stage.flush();
  } catch (error) {
    failScanRun(library, runId, error instanceof Error ? error.message : String(error), now().toISOString());
    throw error;
  }
  return { runId, scope };
}
