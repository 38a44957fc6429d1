import type { ItemRow } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { DRILL_PAGE, useReportPage, type DrillTarget } from './report-drill.ts';
import { ReportPager } from './ReportPager.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

/** Items behind a number of the report, oldest first, a page at a time. */
export function ReportItemList({ filter, label }: { filter: Extract<DrillTarget, { kind: 'items' }>['filter']; label: string }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const columns = t.report.itemColumns;
  const list = useReportPage<ItemRow>(JSON.stringify(filter), async (offset) => {
    const page = await api['items.query']({ ...filter, offset, limit: DRILL_PAGE });
    return { total: page.total, rows: page.items };
  });
  return (
    <>
      <ReportPager offset={list.offset} pageSize={DRILL_PAGE} total={list.page?.total ?? null} onGo={list.go} />
      <ErrorAlert error={list.error} />
      {list.page !== null && list.page.rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>
                <th scope="col">{columns.title}</th>
                <th scope="col">{columns.space}</th>
                <th scope="col">{columns.type}</th>
                <th scope="col">{columns.verdict}</th>
                <th scope="col">{columns.rule}</th>
                <th scope="col">{columns.createdAt}</th>
                <th scope="col" className="num">{columns.size}</th>
              </tr>
            </thead>
            <tbody>
              {list.page.rows.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.title || t.common.untitled}</th>
                  <td>{item.spaceTitle ?? t.common.personalItems}</td>
                  <td>{t.itemTypes[item.type]}</td>
                  <td><VerdictBadge verdict={item.verdict} /></td>
                  <td><abbr title={t.rules[item.rule]}>{item.rule}</abbr></td>
                  <td>{fmt.date(item.createdAt)}</td>
                  <td className="num">{item.size > 0 ? fmt.bytes(item.size) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
