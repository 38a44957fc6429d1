import { useEffect, useId, useRef } from 'react';
import type { Overview, SessionStatus } from '../../shared/contract.ts';
import { atRiskSelection } from '../app/at-risk.ts';
import type { ScanController } from '../app/use-scan.ts';
import { AtRiskList } from '../components/AtRiskList.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { NeedsScan } from '../components/NeedsScan.tsx';
import { ScanProgress } from '../components/ScanProgress.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { VerdictCards } from '../components/VerdictCards.tsx';
import { useRefocusWhenLost } from '../hooks/use-refocus-when-lost.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { itemsWithSize } from '../i18n/phrases.ts';
import type { ItemsPreset } from './ItemsScreen.tsx';

interface Props {
  session: SessionStatus;
  scan: ScanController;
  onArchive(spaces: string[]): void;
  onShowItems(preset: Omit<ItemsPreset, 'version'>): void;
  onConnect(): void;
}

export function OverviewScreen({ session, scan, onArchive, onShowItems, onConnect }: Props) {
  const { t, fmt } = useI18n();
  const id = useId();
  const { status, overview, progress, error, stale } = scan.state;
  const { load } = scan;

  useEffect(() => {
    if (session.connected && status === 'idle') load();
  }, [session.connected, status, load]);

  const screenRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useRefocusWhenLost(screenRef, headingRef, status);

  const dataState = status === 'running' ? 'scanning' : status;
  return (
    <section ref={screenRef} className="screen screen-overview" data-testid="screen-overview" data-state={dataState} aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} ref={headingRef} tabIndex={-1}>{t.overview.heading}</h1>
      {/* One live region for the whole scan, so its end is announced after the progress view is gone. */}
      <p role="status" className="visually-hidden">
        {status === 'running' ? t.overview.scanStep(t.phases[progress?.phase ?? 'signing-in']) : status === 'ready' && overview ? t.overview.scanDone : ''}
      </p>

      {status === 'running' && (
        <section className="panel" aria-labelledby={`${id}-scan`}>
          <h2 id={`${id}-scan`}>{t.overview.scanningHeading}</h2>
          <p>{t.overview.scanningText}</p>
          <ScanProgress progress={progress} />
          <button type="button" className="button" onClick={scan.cancel}>{t.overview.stopScan}</button>
        </section>
      )}

      {status === 'failed' && (
        <section className="panel" aria-labelledby={`${id}-failed`}>
          <h2 id={`${id}-failed`}>{t.overview.scanFailedHeading}</h2>
          <ErrorAlert error={error} />
          <button type="button" className="button" onClick={scan.run}>{t.common.tryAgain}</button>
        </section>
      )}

      {overview === null && status !== 'running' && status !== 'failed' && <NeedsScan status={status} onConnect={onConnect} />}

      {overview !== null && status !== 'running' && (
        <>
          <p className="scanned-line">
            {t.overview.scannedLine(overview.account.name, overview.source, fmt.dateTime(overview.scannedAt))}
            {' '}
            <button type="button" className="button button-small" onClick={scan.run}>{t.overview.scanAgain}</button>
          </p>
          {session.sample && <p className="notice">{t.overview.sampleNotice}</p>}
          {stale && <p className="notice notice-warning" role="status">{t.overview.stale}</p>}

          <section className="summary" aria-labelledby={`${id}-summary`}>
            <h2 id={`${id}-summary`}>{t.overview.summaryHeading}</h2>
            <Summary overview={overview} />
            <VerdictCards overview={overview} />
            <p className="personal-line">
              {t.overview.personalLine(
                fmt.number(overview.personal.counts.lost), fmt.number(overview.personal.counts.uncertain), fmt.number(overview.personal.counts.migrates),
              )}
            </p>
            {overview.totals.atRisk.items > 0 && (
              <div className="primary-action">
                <button type="button" className="button button-primary button-large" onClick={() => onArchive(atRiskSelection(overview))} aria-describedby={`${id}-archive-hint`}>
                  {t.overview.archiveAll}
                </button>
                <p className="hint" id={`${id}-archive-hint`}>{t.overview.archiveAllHint}</p>
              </div>
            )}
          </section>

          <section aria-labelledby={`${id}-timeline`}>
            <h2 id={`${id}-timeline`}>{t.timeline.heading}</h2>
            {overview.spaces.length < overview.totals.spaces && (
              <p className="notice">{t.overview.spacesShown(fmt.number(overview.spaces.length), fmt.number(overview.totals.spaces))}</p>
            )}
            <Timeline overview={overview} />
            <p className="hint">{t.common.datesNote}</p>
          </section>

          <section aria-labelledby={`${id}-risk`}>
            <h2 id={`${id}-risk`}>{t.overview.atRiskHeading}</h2>
            <AtRiskList
              overview={overview}
              onShowSpace={(space) => onShowItems({ spaces: [space] })}
              onShowAll={() => onShowItems({})}
            />
          </section>
        </>
      )}
    </section>
  );
}

function Summary({ overview }: { overview: Overview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { lost, uncertain } = overview.totals.byVerdict;
  if (overview.totals.atRisk.items === 0) return <p className="summary-sentence">{t.overview.summaryNothingAtRisk}</p>;
  return (
    <p className="summary-sentence">
      {t.overview.summaryAtRisk(
        itemsWithSize(i18n, lost.items, lost.bytes),
        itemsWithSize(i18n, uncertain.items, uncertain.bytes),
      )}
    </p>
  );
}
