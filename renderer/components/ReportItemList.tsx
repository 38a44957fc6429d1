import type { ItemRow } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDrillPage, type DrillTarget, type PageOf } from './report-drill.ts';
import { ReportPagedTable } from './ReportPagedTable.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

/** Items behind a number of the report, oldest first, a page at a time. */
export function ReportItemList({ filter, label }: { filter: Extract<DrillTarget, { kind: 'items' }>['filter']; label: string }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const columns = t.report.itemColumns;
  const list = useDrillPage(filter, async (query): Promise<PageOf<ItemRow>> => {
    const page = await api['items.query'](query);
    return { total: page.total, rows: page.items };
  });
  return (
    <ReportPagedTable
      list={list}
      label={label}
      head={(
        <>
          <th scope="col">{columns.title}</th>
          <th scope="col">{columns.space}</th>
          <th scope="col">{columns.type}</th>
          <th scope="col">{columns.verdict}</th>
          <th scope="col">{columns.rule}</th>
          <th scope="col">{columns.createdAt}</th>
          <th scope="col" className="num">{columns.size}</th>
        </>
      )}
      row={(item) => (
        <tr key={item.id}>
          <th scope="row">{item.title || t.common.untitled}</th>
          <td>{item.spaceTitle ?? t.common.personalItems}</td>
          <td>{t.itemTypes[item.type]}</td>
          <td><VerdictBadge verdict={item.verdict} /></td>
          <td><abbr title={t.rules[item.rule]}>{item.rule}</abbr></td>
          <td>{fmt.date(item.createdAt)}</td>
          <td className="num">{item.size > 0 ? fmt.bytes(item.size) : ''}</td>
        </tr>
      )}
    />
  );
}
