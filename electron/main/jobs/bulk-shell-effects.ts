import type { BulkState } from '../../../shared/contract.ts';
import type { JobShellEffects } from './job-shell-effects.ts';

type BulkStatus = BulkState['status'];

/**
 * What the shell shows for the bulk run: the same taskbar bar and sleep blocker as an archive
 * job (an unattended run on a sleeping laptop stops), and a notification when it ends by itself.
 */
export function bulkShellEffects(previous: BulkStatus | null, state: BulkState): JobShellEffects {
  const fraction = Math.min(1, Math.max(0, Number.isFinite(state.totals.fraction) ? state.totals.fraction : 0));
  const under = state.status === 'running' || state.status === 'paused';
  return {
    progress: under ? fraction : -1,
    progressMode: state.status === 'paused' ? 'paused' : 'normal',
    keepAwake: state.status === 'running',
    notification: previous === 'running' && state.status === 'finished' ? notificationFor(state) : null,
  };
}

function notificationFor(state: BulkState): JobShellEffects['notification'] {
  const { done, failed, colleagues } = state.totals;
  const archived = `${done} of ${colleagues} ${colleagues === 1 ? 'colleague' : 'colleagues'} archived${state.destination ? ` in ${state.destination}` : ''}.`;
  const failures = failed === 0 ? '' : ` ${failed} failed: see why in TwinArchive.`;
  return { title: failed === 0 ? 'Bulk run finished' : 'Bulk run finished with failures', body: archived + failures };
}
