import type { SpaceRow } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDrillPage, type DrillTarget, type PageOf } from './report-drill.ts';
import { ReportPagedTable } from './ReportPagedTable.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

/** Groups and TwinSpaces behind a number of the report, most at risk first, a page at a time. */
export function ReportSpaces({ filter, label }: { filter: Extract<DrillTarget, { kind: 'spaces' }>['filter']; label: string }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const columns = t.report.spaceColumns;
  const list = useDrillPage(filter, async (query): Promise<PageOf<SpaceRow>> => {
    const page = await api['spaces.query'](query);
    return { total: page.total, rows: page.spaces };
  });
  return (
    <ReportPagedTable
      list={list}
      label={label}
      head={(
        <>
          <th scope="col">{columns.title}</th>
          <th scope="col">{columns.kind}</th>
          <th scope="col">{columns.verdict}</th>
          <th scope="col">{columns.rule}</th>
          <th scope="col">{columns.items}</th>
          <th scope="col" className="num">{t.report.atRiskSize}</th>
          <th scope="col">{columns.lastActivity}</th>
        </>
      )}
      row={(space) => (
        <tr key={space.id}>
          <th scope="row">{space.title || t.common.untitled}</th>
          <td>{t.kinds[space.kind]}</td>
          <td><VerdictBadge verdict={space.verdict} /></td>
          <td><abbr title={t.rules[space.rule]}>{space.rule}</abbr></td>
          <td>{t.report.itemCounts(fmt.number(space.counts.migrates), fmt.number(space.counts.lost), fmt.number(space.counts.uncertain))}</td>
          <td className="num">{fmt.bytes(space.atRiskBytes)}</td>
          <td>{space.lastActivityAt ? fmt.date(space.lastActivityAt) : t.common.none}</td>
        </tr>
      )}
    />
  );
}
