import type { Overview } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

const ROWS: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];

export function ReportTotals({ overview }: { overview: Overview }) {
  const { t, fmt } = useI18n();
  const { totals } = overview;
  const columns = t.report.columns;
  const cells = (value: { spaces: number; items: number; bytes: number }) => (
    <>
      <td className="num">{fmt.number(value.spaces)}</td>
      <td className="num">{fmt.number(value.items)}</td>
      <td className="num">{fmt.bytes(value.bytes)}</td>
    </>
  );
  return (
    <div className="table-wrap">
      <table className="data-table totals-table">
        <caption>{t.report.totalsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.verdict}</th>
            <th scope="col" className="num">{columns.spaces}</th>
            <th scope="col" className="num">{columns.items}</th>
            <th scope="col" className="num">{columns.size}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((verdict) => (
            <tr key={verdict}>
              <th scope="row"><VerdictBadge verdict={verdict} /></th>
              {cells(totals.byVerdict[verdict])}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="row-strong">
            <th scope="row">{t.report.atRiskRow}</th>
            {cells(totals.atRisk)}
          </tr>
          <tr>
            <th scope="row">{t.report.totalRow}</th>
            {cells(totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
