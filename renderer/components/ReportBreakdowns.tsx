import type { ReportSummary } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';
import { HOLDER_KINDS, type HolderKind } from '../../shared/scan-summary.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { OnDrill } from './report-drill.ts';
import { ReportCount } from './ReportCount.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

const VERDICT_ROWS: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];

interface Props {
  summary: ReportSummary;
  onDrill: OnDrill;
}

/** Each rule of the FAQ that decided something, under its verdict, at risk first. */
export function ReportRules({ summary, onDrill }: Props) {
  const { t, fmt } = useI18n();
  const columns = t.report.ruleColumns;
  const rows = VERDICT_ROWS.flatMap((verdict) => summary.byRule.filter((row) => row.verdict === verdict));
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t.report.rulesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.verdict}</th>
            <th scope="col">{columns.rule}</th>
            <th scope="col" className="num">{columns.spaces}</th>
            <th scope="col" className="num">{columns.items}</th>
            <th scope="col" className="num">{columns.size}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const what = `${row.rule}, ${t.rules[row.rule]}`;
            const filter = { rules: [row.rule], verdicts: [row.verdict] };
            return (
              <tr key={`${row.verdict}-${row.rule}`}>
                <td><VerdictBadge verdict={row.verdict} /></td>
                <th scope="row"><abbr title={t.rules[row.rule]}>{row.rule}</abbr> {t.rules[row.rule]}</th>
                <ReportCount value={row.spaces} onDrill={onDrill} target={{ kind: 'spaces', label: t.report.drill.spaces(what), filter }} />
                <ReportCount value={row.items} onDrill={onDrill} target={{ kind: 'items', label: t.report.drill.items(what), filter }} />
                <td className="num">{fmt.bytes(row.bytes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function VerdictHeads() {
  const { t } = useI18n();
  return <>{VERDICT_ROWS.map((verdict) => <th key={verdict} scope="col" className="num">{t.verdicts[verdict]}</th>)}</>;
}

/** Groups, TwinSpaces and personal items: how many spaces, and their items per verdict. */
export function ReportKinds({ summary, onDrill }: Props) {
  const { t, fmt } = useI18n();
  const columns = t.report.breakdownColumns;
  const { drill } = t.report;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t.report.kindsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.kind}</th>
            <th scope="col" className="num">{columns.spaces}</th>
            <VerdictHeads />
            <th scope="col" className="num">{columns.items}</th>
            <th scope="col" className="num">{columns.size}</th>
          </tr>
        </thead>
        <tbody>
          {HOLDER_KINDS.map((kind: HolderKind) => {
            const row = summary.byKind[kind];
            const name = t.report.kindNames[kind];
            return (
              <tr key={kind}>
                <th scope="row">{name}</th>
                {kind === 'personal'
                  ? <td className="num" />
                  : <ReportCount value={row.spaces} onDrill={onDrill} target={{ kind: 'spaces', label: drill.spaces(name), filter: { kinds: [kind] } }} />}
                {VERDICT_ROWS.map((verdict) => (
                  <ReportCount
                    key={verdict} value={row.byVerdict[verdict].items} onDrill={onDrill}
                    target={{ kind: 'items', label: drill.items(`${name}, ${t.verdicts[verdict]}`), filter: { kinds: [kind], verdicts: [verdict] } }}
                  />
                ))}
                <ReportCount value={row.items} onDrill={onDrill} target={{ kind: 'items', label: drill.items(name), filter: { kinds: [kind] } }} />
                <td className="num">{fmt.bytes(row.bytes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Items by the year they were made, oldest first; the content cutoff of 1 July 2018 shows here. */
export function ReportYears({ summary, onDrill }: Props) {
  const { t, fmt } = useI18n();
  const columns = t.report.breakdownColumns;
  const { drill } = t.report;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t.report.yearsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.year}</th>
            <VerdictHeads />
            <th scope="col" className="num">{columns.items}</th>
            <th scope="col" className="num">{columns.size}</th>
          </tr>
        </thead>
        <tbody>
          {summary.byYear.map((row) => {
            const name = row.year === null ? t.report.unknownYear : String(row.year);
            return (
              <tr key={row.year ?? 'unknown'}>
                <th scope="row">{name}</th>
                {VERDICT_ROWS.map((verdict) => (
                  <ReportCount
                    key={verdict} value={row.byVerdict[verdict].items} onDrill={onDrill}
                    target={{ kind: 'items', label: drill.items(`${name}, ${t.verdicts[verdict]}`), filter: { years: [row.year], verdicts: [verdict] } }}
                  />
                ))}
                <ReportCount value={row.items} onDrill={onDrill} target={{ kind: 'items', label: drill.items(name), filter: { years: [row.year] } }} />
                <td className="num">{fmt.bytes(row.bytes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
