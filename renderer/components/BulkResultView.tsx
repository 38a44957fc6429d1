import { useId } from 'react';
import type { AppInfo, BulkState } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useBulkActions } from '../hooks/use-bulk-actions.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { BulkColleaguesTable } from './BulkColleaguesTable.tsx';
import { BulkSignInAgain } from './BulkSignInAgain.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { OpenFolderButton } from './OpenFolderButton.tsx';
import { ShowInFolderButton } from './ShowInFolderButton.tsx';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

interface Props {
  info: AppInfo;
  state: BulkState;
  apply(state: BulkState): void;
}

/** The end of a run: how it went per colleague, the run report, the folders, and a retry of what failed. */
export function BulkResultView({ info, state, apply }: Props) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const id = useId();
  const { error, act, signIn } = useBulkActions(apply);
  const { totals } = state;
  const cancelled = state.status === 'cancelled';
  const failed = state.colleagues.filter((colleague) => colleague.status !== 'done');
  const heading = cancelled ? t.bulk.cancelledHeading : failed.length === 0 ? t.bulk.doneHeading : t.bulk.failedHeading;
  const mustSignIn = cancelled ? [] : failed.filter((colleague) => !colleague.signedIn);

  return (
    <>
      <section className="panel job-result" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{heading}</h2>
        <ErrorAlert error={state.error} />
        <p className="result-summary">
          {t.bulk.summary(
            fmt.number(totals.done), fmt.number(totals.colleagues), t.common.items(totals.itemsDone, fmt.number(totals.itemsDone)), fmt.bytes(totals.bytesDone),
          )}
        </p>
        {state.destination !== null && (
          <p>
            {t.bulk.savedIn(state.destination)}{' '}
            <OpenFolderButton path={state.destination} />
          </p>
        )}
        <section aria-labelledby={`${id}-report`}>
          <h3 id={`${id}-report`}>{t.bulk.reportHeading}</h3>
          {state.report === null ? <p>{t.bulk.noReport}</p> : (
            <>
              <p className="hint">{t.bulk.reportText}</p>
              <div className="actions actions-compact">
                <OpenFolderButton path={state.report.html} label={t.bulk.openReport} />
                <span>{t.bulk.csvLabel}</span>
                <ShowInFolderButton path={state.report.csv} name={fileName(state.report.csv)} />
              </div>
            </>
          )}
        </section>
        <ErrorAlert error={error} />
        <div className="actions">
          {!cancelled && failed.length > 0 && (
            <button type="button" className="button button-primary" disabled={mustSignIn.length > 0} onClick={() => act(api['bulk.resume']({}))} aria-describedby={`${id}-retry`}>
              {t.bulk.retry}
            </button>
          )}
          <button type="button" className="button" onClick={() => act(api['bulk.clear']({}))}>{t.bulk.newRun}</button>
        </div>
        {!cancelled && failed.length > 0 && <p className="hint" id={`${id}-retry`}>{t.bulk.retryHint}</p>}
      </section>
      {!cancelled && <BulkSignInAgain info={info} colleagues={mustSignIn} onSignIn={signIn} />}
      <BulkColleaguesTable state={state} />
    </>
  );
}
