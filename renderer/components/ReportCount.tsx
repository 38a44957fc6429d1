import type { DrillTarget, OnDrill } from './report-drill.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  value: number;
  /** The list behind the number; null when there is nothing to list. */
  target: DrillTarget | null;
  onDrill: OnDrill;
}

/** A number of the report in a table cell: a button that lists what it counts. */
export function ReportCount({ value, target, onDrill }: Props) {
  const { t, fmt } = useI18n();
  const text = fmt.number(value);
  if (value === 0 || target === null) return <td className="num">{text}</td>;
  return (
    <td className="num">
      <button
        type="button" className="button-link drill-button" aria-label={t.report.show(text, target.label)}
        onClick={(event) => onDrill(target, event.currentTarget)}
      >
        {text}
      </button>
    </td>
  );
}
