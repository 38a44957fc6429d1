import type { ChangeRow } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDrillPage, type DrillTarget, type PageOf } from './report-drill.ts';
import { ReportPagedTable } from './ReportPagedTable.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

/** Spaces and items a rescan found added, removed or judged otherwise, a page at a time. */
export function ReportChangeList({ filter, label }: { filter: Extract<DrillTarget, { kind: 'changes' }>['filter']; label: string }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const columns = t.report.changeListColumns;
  const list = useDrillPage(filter, async (query): Promise<PageOf<ChangeRow>> => {
    const page = await api['report.changes'](query);
    return { total: page.total, rows: page.changes };
  });
  const judged = (value: ChangeRow['before']) => (value === null
    ? t.common.none
    : <><VerdictBadge verdict={value.verdict} /> <abbr title={t.rules[value.rule]}>{value.rule}</abbr></>);
  return (
    <ReportPagedTable
      list={list}
      label={label}
      head={(
        <>
          <th scope="col">{columns.title}</th>
          <th scope="col">{columns.what}</th>
          <th scope="col">{columns.change}</th>
          <th scope="col">{columns.before}</th>
          <th scope="col">{columns.after}</th>
          <th scope="col" className="num">{columns.size}</th>
        </>
      )}
      row={(change) => (
        <tr key={`${change.record}-${change.id}`}>
          <th scope="row">{change.title || t.common.untitled}</th>
          <td>{t.report.changeRecordOne[change.record]}</td>
          <td>{t.report.changeKinds[change.change]}</td>
          <td>{judged(change.before)}</td>
          <td>{judged(change.after)}</td>
          <td className="num">{change.record === 'item' && change.size > 0 ? fmt.bytes(change.size) : ''}</td>
        </tr>
      )}
    />
  );
}
