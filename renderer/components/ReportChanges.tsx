import type { ScanChanges } from '../../shared/contract.ts';
import { CHANGE_KINDS, type ChangeRecord } from '../../shared/scan-summary.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { OnDrill } from './report-drill.ts';
import { ReportCount } from './ReportCount.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

const RECORDS: readonly ChangeRecord[] = ['space', 'item'];

/** What a rescan found changed: spaces and items added, removed or judged otherwise, and the verdicts that moved. */
export function ReportChanges({ changes, onDrill }: { changes: ScanChanges | null; onDrill: OnDrill }) {
  const { t, fmt } = useI18n();
  if (changes === null) return <p>{t.report.changesFirst}</p>;
  const { drill } = t.report;
  const counts = { space: changes.spaces, item: changes.items };
  const nothing = RECORDS.every((record) => CHANGE_KINDS.every((kind) => counts[record][kind] === 0));
  return (
    <>
      <p>{t.report.changesSince(fmt.dateTime(changes.previousScannedAt))}{nothing ? ` ${t.report.changesNone}` : ''}</p>
      <div className="table-wrap">
        <table className="data-table">
          <caption>{t.report.changesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.report.changeColumns.what}</th>
              {CHANGE_KINDS.map((kind) => <th key={kind} scope="col" className="num">{t.report.changeKinds[kind]}</th>)}
            </tr>
          </thead>
          <tbody>
            {RECORDS.map((record) => (
              <tr key={record}>
                <th scope="row">{t.report.changeRecords[record]}</th>
                {CHANGE_KINDS.map((kind) => (
                  <ReportCount
                    key={kind} value={counts[record][kind]} onDrill={onDrill}
                    target={{ kind: 'changes', label: drill.changes(`${t.report.changeRecords[record]}, ${t.report.changeKinds[kind]}`), filter: { record, changes: [kind] } }}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(changes.items.addedBytes > 0 || changes.items.removedBytes > 0) && (
        <p className="hint">{t.report.addedBytes(fmt.bytes(changes.items.addedBytes))}, {t.report.removedBytes(fmt.bytes(changes.items.removedBytes))}.</p>
      )}
      {changes.transitions.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t.report.movesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.report.moveColumns.what}</th>
                <th scope="col">{t.report.moveColumns.before}</th>
                <th scope="col">{t.report.moveColumns.after}</th>
                <th scope="col" className="num">{t.report.moveColumns.count}</th>
                <th scope="col" className="num">{t.report.moveColumns.size}</th>
              </tr>
            </thead>
            <tbody>
              {changes.transitions.map((move) => {
                const what = `${t.report.changeRecords[move.record]}, ${t.report.move(t.verdicts[move.before], t.verdicts[move.after])}`;
                return (
                  <tr key={`${move.record}-${move.before}-${move.after}`}>
                    <th scope="row">{t.report.changeRecords[move.record]}</th>
                    <td><VerdictBadge verdict={move.before} /></td>
                    <td><VerdictBadge verdict={move.after} /></td>
                    <ReportCount
                      value={move.count} onDrill={onDrill}
                      target={{ kind: 'changes', label: drill.changes(what), filter: { record: move.record, changes: ['verdict'], before: move.before, after: move.after } }}
                    />
                    <td className="num">{move.record === 'item' ? fmt.bytes(move.bytes) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
