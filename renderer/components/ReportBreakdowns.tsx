import type { ReportSummary } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';
import { HOLDER_KINDS, type HolderKind, type VerdictBreakdown } from '../../shared/scan-summary.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { DrillTarget, OnDrill } from './report-drill.ts';
import { ReportCount } from './ReportCount.tsx';
import { ReportTable } from './ReportTable.tsx';
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
    <ReportTable
      caption={t.report.rulesCaption}
      head={(
        <>
          <th scope="col">{columns.verdict}</th>
          <th scope="col">{columns.rule}</th>
          <th scope="col" className="num">{columns.spaces}</th>
          <th scope="col" className="num">{columns.items}</th>
          <th scope="col" className="num">{columns.size}</th>
        </>
      )}
    >
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
    </ReportTable>
  );
}

/** The verdict columns, then items and size: the heads of a breakdown after its first columns. */
function VerdictHeads() {
  const { t } = useI18n();
  const columns = t.report.breakdownColumns;
  return (
    <>
      {VERDICT_ROWS.map((verdict) => <th key={verdict} scope="col" className="num">{t.verdicts[verdict]}</th>)}
      <th scope="col" className="num">{columns.items}</th>
      <th scope="col" className="num">{columns.size}</th>
    </>
  );
}

/** The cells under VerdictHeads for one row named `name`; each count lists the items of `filter`. */
function VerdictCells({ row, name, filter, onDrill }: {
  row: VerdictBreakdown;
  name: string;
  filter: Extract<DrillTarget, { kind: 'items' }>['filter'];
  onDrill: OnDrill;
}) {
  const { t, fmt } = useI18n();
  const { drill } = t.report;
  return (
    <>
      {VERDICT_ROWS.map((verdict) => (
        <ReportCount
          key={verdict} value={row.byVerdict[verdict].items} onDrill={onDrill}
          target={{ kind: 'items', label: drill.items(`${name}, ${t.verdicts[verdict]}`), filter: { ...filter, verdicts: [verdict] } }}
        />
      ))}
      <ReportCount value={row.items} onDrill={onDrill} target={{ kind: 'items', label: drill.items(name), filter }} />
      <td className="num">{fmt.bytes(row.bytes)}</td>
    </>
  );
}

/** Groups, TwinSpaces and personal items: how many spaces, and their items per verdict. */
export function ReportKinds({ summary, onDrill }: Props) {
  const { t } = useI18n();
  const columns = t.report.breakdownColumns;
  const { drill } = t.report;
  return (
    <ReportTable
      caption={t.report.kindsCaption}
      head={(
        <>
          <th scope="col">{columns.kind}</th>
          <th scope="col" className="num">{columns.spaces}</th>
          <VerdictHeads />
        </>
      )}
    >
      {HOLDER_KINDS.map((kind: HolderKind) => {
        const row = summary.byKind[kind];
        const name = t.report.kindNames[kind];
        return (
          <tr key={kind}>
            <th scope="row">{name}</th>
            {kind === 'personal'
              ? <td className="num" />
              : <ReportCount value={row.spaces} onDrill={onDrill} target={{ kind: 'spaces', label: drill.spaces(name), filter: { kinds: [kind] } }} />}
            <VerdictCells row={row} name={name} filter={{ kinds: [kind] }} onDrill={onDrill} />
          </tr>
        );
      })}
    </ReportTable>
  );
}

/** Items by the year they were made, oldest first; the content cutoff of 1 July 2018 shows here. */
export function ReportYears({ summary, onDrill }: Props) {
  const { t } = useI18n();
  const columns = t.report.breakdownColumns;
  return (
    <ReportTable
      caption={t.report.yearsCaption}
      head={(
        <>
          <th scope="col">{columns.year}</th>
          <VerdictHeads />
        </>
      )}
    >
      {summary.byYear.map((row) => {
        const name = row.year === null ? t.report.unknownYear : String(row.year);
        return (
          <tr key={row.year ?? 'unknown'}>
            <th scope="row">{name}</th>
            <VerdictCells row={row} name={name} filter={{ years: [row.year] }} onDrill={onDrill} />
          </tr>
        );
      })}
    </ReportTable>
  );
}
