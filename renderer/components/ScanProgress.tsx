import type { ScanProgress as Progress } from '../app/use-scan.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ProgressBar } from './ProgressBar.tsx';

/** The scan's progress; the screen announces the step, not every count. */
export function ScanProgress({ progress }: { progress: Progress | null }) {
  const { t, fmt } = useI18n();
  const phase = t.phases[progress?.phase ?? 'signing-in'];
  const fraction = progress?.fraction ?? 0;
  return (
    <div className="scan-progress">
      <ProgressBar fraction={fraction} label={t.overview.scanProgressLabel} valueText={`${fmt.percent(fraction)}, ${phase}`} />
      <p>{t.overview.scanStep(phase)}</p>
      {progress !== null && progress.itemsDone > 0 && (
        <p className="hint">{t.overview.scanCounted(t.common.items(progress.itemsDone, fmt.number(progress.itemsDone)))}</p>
      )}
    </div>
  );
}
