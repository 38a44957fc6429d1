import type { BulkColleague, BulkState } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { OpenFolderButton } from './OpenFolderButton.tsx';
import { ProgressBar } from './ProgressBar.tsx';

const STATUS_CLASS: Record<BulkColleague['status'], string> = {
  ready: 'bulk-status-waiting', queued: 'bulk-status-waiting', running: 'bulk-status-running', done: 'bulk-status-done', failed: 'bulk-status-failed',
};

/** Every colleague of a run: where they are, how far, and why one failed. */
export function BulkColleaguesTable({ state }: { state: BulkState }) {
  const { t, fmt } = useI18n();
  const ended = state.status === 'finished' || state.status === 'cancelled';
  return (
    <div className="table-wrap">
      <table className="data-table bulk-table">
        <caption>{t.bulk.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.bulk.columns.colleague}</th>
            <th scope="col">{t.bulk.columns.status}</th>
            <th scope="col" className="num">{t.bulk.columns.items}</th>
            <th scope="col" className="num">{t.bulk.columns.size}</th>
            <th scope="col">{ended ? t.bulk.columns.folder : t.bulk.columns.progress}</th>
          </tr>
        </thead>
        <tbody>
          {state.colleagues.map((colleague) => {
            const name = colleague.name || colleague.login;
            const { progress } = colleague;
            const counting = colleague.status === 'running' && progress !== null && progress.phase !== 'signing-in' && progress.phase !== 'listing';
            const items = colleague.status === 'done' ? fmt.number(colleague.items)
              : counting ? t.archive.ofTotal(fmt.number(progress.itemsDone), fmt.number(progress.itemsTotal ?? 0)) : '–';
            const bytes = colleague.status === 'done' ? fmt.bytes(colleague.bytes)
              : counting ? t.archive.ofTotal(fmt.bytes(progress.bytesDone), fmt.bytes(progress.bytesTotal ?? 0)) : '–';
            return (
              <tr key={colleague.id} data-colleague-status={colleague.status}>
                <th scope="row">
                  <span className="archive-title">{name}</span>
                  <span className="archive-file">{colleague.folder}</span>
                </th>
                <td>
                  <span className={`bulk-status ${STATUS_CLASS[colleague.status]}`}>{t.bulk.colleagueStatuses[colleague.status]}</span>
                  {colleague.status === 'running' && progress !== null && <span className="hint bulk-phase">{t.phases[progress.phase]}</span>}
                  {colleague.status === 'failed' && colleague.error && <p className="bulk-reason">{colleague.error}</p>}
                  {colleague.status === 'done' && colleague.problems > 0 && (
                    <p className="hint">{t.bulk.notices(colleague.problems, fmt.number(colleague.problems))}</p>
                  )}
                </td>
                <td className="num">{items}</td>
                <td className="num">{bytes}</td>
                <td>
                  {ended
                    ? colleague.outDir !== null && colleague.status === 'done' && <OpenFolderButton path={colleague.outDir} name={t.bulk.openFolderOf(name)} />
                    : (
                      <>
                        <ProgressBar
                          fraction={colleague.status === 'done' || colleague.status === 'failed' ? 1 : (progress?.fraction ?? 0)}
                          label={t.bulk.colleagueProgress(name)}
                          valueText={`${fmt.percent(colleague.status === 'done' ? 1 : (progress?.fraction ?? 0))}, ${t.bulk.colleagueStatuses[colleague.status]}`}
                        />
                        {colleague.status === 'running' && state.status === 'running' && progress?.etaSeconds != null && (
                          <span className="hint">{t.bulk.timeLeft(fmt.duration(progress.etaSeconds))}</span>
                        )}
                      </>
                    )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
