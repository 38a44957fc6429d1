import type { Overview } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { timelineRows } from './timeline-scale.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

/** Every space with its verdict, lost first, as the exported report lists them. */
export function ReportSpaces({ overview }: { overview: Overview }) {
  const { t, fmt } = useI18n();
  const columns = t.report.spaceColumns;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t.report.spacesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.title}</th>
            <th scope="col">{columns.kind}</th>
            <th scope="col">{columns.verdict}</th>
            <th scope="col">{columns.rule}</th>
            <th scope="col">{columns.items}</th>
            <th scope="col">{columns.lastActivity}</th>
          </tr>
        </thead>
        <tbody>
          {timelineRows(overview.spaces).map((space) => (
            <tr key={space.id}>
              <th scope="row">{space.title}</th>
              <td>{t.kinds[space.kind]}</td>
              <td><VerdictBadge verdict={space.verdict} /></td>
              <td><abbr title={t.rules[space.rule]}>{space.rule}</abbr></td>
              <td>{t.report.itemCounts(fmt.number(space.counts.migrates), fmt.number(space.counts.lost), fmt.number(space.counts.uncertain))}</td>
              <td>{space.lastActivityAt ? fmt.date(space.lastActivityAt) : t.common.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
