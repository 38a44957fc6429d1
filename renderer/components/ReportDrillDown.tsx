import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { DrillTarget } from './report-drill.ts';
import { ReportChangeList } from './ReportChangeList.tsx';
import { ReportItemList } from './ReportItemList.tsx';
import { ReportSpaces } from './ReportSpaces.tsx';

/** The list behind a number of the report, just below its table; the keyboard lands on its heading. */
export function ReportDrillDown({ target, onClose }: { target: DrillTarget; onClose(): void }) {
  const { t } = useI18n();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const key = JSON.stringify(target);

  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [key]);

  return (
    <section className="panel report-drill" data-testid="report-drill" aria-labelledby={`${id}-h`}>
      <div className="report-drill-head">
        <h3 id={`${id}-h`} ref={headingRef} tabIndex={-1}>{target.label}</h3>
        <button type="button" className="button button-small" onClick={onClose}>{t.report.drill.close}</button>
      </div>
      {target.kind === 'items' && <ReportItemList key={key} filter={target.filter} label={target.label} />}
      {target.kind === 'spaces' && <ReportSpaces key={key} filter={target.filter} label={target.label} />}
      {target.kind === 'changes' && <ReportChangeList key={key} filter={target.filter} label={target.label} />}
    </section>
  );
}
