import { useId, useRef } from 'react';
import type { AppInfo, BulkState, Settings } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useBulk } from '../app/use-bulk.ts';
import { BulkResultView } from '../components/BulkResultView.tsx';
import { BulkRunView } from '../components/BulkRunView.tsx';
import { BulkSetup } from '../components/BulkSetup.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useRefocusWhenLost } from '../hooks/use-refocus-when-lost.ts';
import { useI18n, type I18n } from '../i18n/i18n-context.tsx';

interface Props {
  info: AppInfo;
  settings: Settings;
}

/** Announced when it changes: the step, and each colleague done or failed; the numbers change too often to read out. */
function announcement({ t, fmt }: I18n, state: BulkState | null): string {
  if (state === null || state.status === 'setup') return '';
  const { done, failed, colleagues } = state.totals;
  return t.bulk.statusLine(t.bulk.statuses[state.status], fmt.number(done), failed, fmt.number(failed), fmt.number(colleagues));
}

/** Archiving for many colleagues in one run: the ICT coordinator's screen. */
export function BulkScreen({ info, settings }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const { state, error, apply, reload } = useBulk(api);
  const screenRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const view = state === null ? 'loading' : state.status === 'setup' ? 'setup' : state.status === 'running' || state.status === 'paused' ? 'active' : 'ended';
  useRefocusWhenLost(screenRef, headingRef, view);

  return (
    <section ref={screenRef} className="screen screen-bulk" data-testid="screen-bulk" data-bulk-status={state?.status} aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} ref={headingRef} tabIndex={-1}>{t.bulk.heading}</h1>
      <p className="lead">{t.bulk.intro}</p>
      <p role="status" className="visually-hidden">{announcement(i18n, state)}</p>
      {state === null && (error
        ? (
          <>
            <ErrorAlert error={error} />
            <button type="button" className="button" onClick={reload}>{t.common.tryAgain}</button>
          </>
        )
        : <p role="status" className="empty-state">{t.bulk.loading}</p>)}
      {state !== null && view === 'setup' && <BulkSetup info={info} settings={settings} state={state} apply={apply} />}
      {state !== null && view === 'active' && <BulkRunView info={info} state={state} apply={apply} />}
      {state !== null && view === 'ended' && <BulkResultView info={info} state={state} apply={apply} />}
    </section>
  );
}
