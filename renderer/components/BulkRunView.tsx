import { useId, useState } from 'react';
import type { AppInfo, BulkState } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useBulkActions } from '../hooks/use-bulk-actions.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { BulkColleaguesTable } from './BulkColleaguesTable.tsx';
import { BulkSignInAgain } from './BulkSignInAgain.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ProgressBar } from './ProgressBar.tsx';

interface Props {
  info: AppInfo;
  state: BulkState;
  apply(state: BulkState): void;
}

/** A running or paused run: the whole run's progress, each colleague's, and the controls. */
export function BulkRunView({ info, state, apply }: Props) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const { error, act, signIn } = useBulkActions(apply);
  const { totals } = state;
  const paused = state.status === 'paused';
  const mustSignIn = state.colleagues.filter((colleague) => colleague.status !== 'done' && !colleague.signedIn);
  const ofTotal = (done: string, total: number | null, format: (value: number) => string) =>
    total === null ? done : t.archive.ofTotal(done, format(total));

  return (
    <>
      <section className="panel job-progress" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{paused ? t.bulk.pausedHeading : t.bulk.runningHeading}</h2>
        {state.restored && paused && <p className="notice">{t.bulk.restoredNotice}</p>}
        <ErrorAlert error={state.error} />
        <ProgressBar fraction={totals.fraction} label={t.bulk.progressLabel} valueText={fmt.percent(totals.fraction)} />
        <p className="progress-percent" aria-hidden="true">{fmt.percent(totals.fraction)}</p>
        <dl className="facts facts-grid">
          <div>
            <dt>{t.bulk.colleaguesFact}</dt>
            <dd>
              {t.bulk.colleaguesDone(fmt.number(totals.done), fmt.number(totals.colleagues))}
              {totals.failed > 0 && <span className="bulk-failed-count">{' '}{t.bulk.failedFact(fmt.number(totals.failed))}</span>}
            </dd>
          </div>
          <div><dt>{t.archive.itemsDone}</dt><dd>{ofTotal(fmt.number(totals.itemsDone), totals.itemsTotal, fmt.number)}</dd></div>
          <div><dt>{t.archive.bytesDone}</dt><dd>{ofTotal(fmt.bytes(totals.bytesDone), totals.bytesTotal, fmt.bytes)}</dd></div>
          <div>
            <dt>{t.archive.rate}</dt>
            <dd>{totals.bytesPerSecond === null || paused ? t.archive.unknown : t.common.bytesPerSecond(fmt.bytes(totals.bytesPerSecond))}</dd>
          </div>
          <div><dt>{t.archive.eta}</dt><dd>{totals.etaSeconds === null || paused ? t.archive.unknown : fmt.duration(totals.etaSeconds)}</dd></div>
        </dl>
        <ErrorAlert error={error} />
        <div className="actions">
          {paused
            ? <button type="button" className="button button-primary" disabled={mustSignIn.length > 0} onClick={() => act(api['bulk.resume']({}))}>{t.bulk.resume}</button>
            : <button type="button" className="button" onClick={() => act(api['bulk.pause']({}))}>{t.bulk.pause}</button>}
          <button type="button" className="button" onClick={() => setConfirming(true)}>{t.bulk.cancel}</button>
        </div>
        <ConfirmDialog
          open={confirming}
          heading={t.bulk.cancelConfirmHeading}
          text={t.bulk.cancelConfirmText}
          confirm={t.bulk.cancelConfirm}
          keep={t.bulk.cancelKeep}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            act(api['bulk.cancel']({}));
          }}
        />
      </section>
      {paused && <BulkSignInAgain info={info} colleagues={mustSignIn} onSignIn={signIn} />}
      <BulkColleaguesTable state={state} />
    </>
  );
}
