import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  offset: number;
  pageSize: number;
  /** null until the first page arrives. */
  total: number | null;
  onGo(offset: number): void;
}

/** "51 to 100 of 1,234" with the previous and next page. */
export function ReportPager({ offset, pageSize, total, onGo }: Props) {
  const { t, fmt } = useI18n();
  const { drill } = t.report;
  const shownTo = total === null ? offset : Math.min(total, offset + pageSize);
  return (
    <div className="report-pager">
      <p className="report-pager-range" aria-live="polite">
        {total === null ? drill.loading : total === 0 ? drill.empty : drill.range(fmt.number(offset + 1), fmt.number(shownTo), fmt.number(total))}
      </p>
      {total !== null && total > pageSize && (
        <div className="actions actions-compact">
          <button type="button" className="button button-small" disabled={offset === 0} onClick={() => onGo(offset - pageSize)}>{drill.previous}</button>
          <button type="button" className="button button-small" disabled={shownTo >= total} onClick={() => onGo(offset + pageSize)}>{drill.next}</button>
        </div>
      )}
    </div>
  );
}
