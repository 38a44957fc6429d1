import type { JobState, SessionStatus } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  session: SessionStatus;
  job: JobState | null;
  onShowJob(): void;
}

export function AppHeader({ session, job, onShowJob }: Props) {
  const { t, fmt } = useI18n();
  const active = job !== null && (job.status === 'running' || job.status === 'paused');
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t.app.name}</span>
        <span className="brand-tagline">{t.app.tagline}</span>
      </div>
      <div className="header-status">
        {active && (
          <button type="button" className="button button-small job-chip" onClick={onShowJob}>
            {job.status === 'paused' ? t.app.jobPaused : t.app.jobRunning(fmt.percent(job.progress.fraction))}
          </button>
        )}
        {session.sample && <span className="sample-badge">{t.app.sampleBadge}</span>}
        <span className="session-line">
          {session.connected && session.account
            ? t.app.signedInAs(session.account.name, session.source ?? '')
            : t.app.notSignedIn}
        </span>
      </div>
    </header>
  );
}
