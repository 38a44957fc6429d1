import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { DRILL_PAGE, type ReportPage } from './report-drill.ts';
import { ReportPager } from './ReportPager.tsx';

interface Props<T> {
  list: ReportPage<T>;
  /** Said to screen readers as the table's caption. */
  label: string;
  /** The header cells, one per column. */
  head: ReactNode;
  row(row: T): ReactNode;
}

/** A drill-down page: the pager, the error of the last load, and the rows once they are there. */
export function ReportPagedTable<T>({ list, label, head, row }: Props<T>) {
  return (
    <>
      <ReportPager offset={list.offset} pageSize={DRILL_PAGE} total={list.page?.total ?? null} onGo={list.go} />
      <ErrorAlert error={list.error} />
      {list.page !== null && list.page.rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>{head}</tr>
            </thead>
            <tbody>{list.page.rows.map(row)}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
