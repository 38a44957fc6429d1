import type { ReportSummary } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { OnDrill } from './report-drill.ts';
import { ReportCount } from './ReportCount.tsx';
import { ReportTable } from './ReportTable.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

const ROWS: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];
const AT_RISK: Verdict[] = ['lost', 'uncertain'];

/** Spaces, items and bytes per verdict, at risk and in all; every count lists what it counts. */
export function ReportTotals({ summary, onDrill }: { summary: ReportSummary; onDrill: OnDrill }) {
  const { t, fmt } = useI18n();
  const { totals } = summary;
  const columns = t.report.columns;
  const { drill } = t.report;
  const cells = (value: { spaces: number; items: number; bytes: number }, verdicts: Verdict[] | null, what: string) => (
    <>
      <ReportCount value={value.spaces} onDrill={onDrill} target={{ kind: 'spaces', label: drill.spaces(what), filter: verdicts ? { verdicts } : {} }} />
      <ReportCount value={value.items} onDrill={onDrill} target={{ kind: 'items', label: drill.items(what), filter: verdicts ? { verdicts } : {} }} />
      <td className="num">{fmt.bytes(value.bytes)}</td>
    </>
  );
  return (
    <ReportTable
      caption={t.report.totalsCaption}
      className="totals-table"
      head={(
        <>
          <th scope="col">{columns.verdict}</th>
          <th scope="col" className="num">{columns.spaces}</th>
          <th scope="col" className="num">{columns.items}</th>
          <th scope="col" className="num">{columns.size}</th>
        </>
      )}
      foot={(
        <>
          <tr className="row-strong">
            <th scope="row">{t.report.atRiskRow}</th>
            {cells(totals.atRisk, AT_RISK, drill.atRisk)}
          </tr>
          <tr>
            <th scope="row">{t.report.totalRow}</th>
            {cells(totals, null, drill.all)}
          </tr>
        </>
      )}
    >
      {ROWS.map((verdict) => (
        <tr key={verdict}>
          <th scope="row"><VerdictBadge verdict={verdict} /></th>
          {cells(totals.byVerdict[verdict], [verdict], t.verdicts[verdict])}
        </tr>
      ))}
    </ReportTable>
  );
}
