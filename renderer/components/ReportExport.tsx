import { useState } from 'react';
import type { CallResult } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ShowInFolderButton } from './ShowInFolderButton.tsx';

const FORMATS = ['csv', 'json', 'html', 'pdf'] as const;

/** Saves the report in the screen's language; the app asks where, the dev bridge uses its folder. */
export function ReportExport() {
  const api = useApi();
  const { t, fmt, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<CallResult<'report.export'> | null>(null);
  const [error, setError] = useState<unknown>(null);

  const save = (format: (typeof FORMATS)[number]) => {
    setBusy(true);
    setSaved(null);
    setError(null);
    api['report.export']({ format, language, destination: null }).then(setSaved, setError).finally(() => setBusy(false));
  };

  return (
    <div className="report-export">
      <div className="actions">
        {FORMATS.map((format) => (
          <button key={format} type="button" className="button" disabled={busy} onClick={() => save(format)}>{t.report.exportAs[format]}</button>
        ))}
      </div>
      <div role="status" className="status-line">
        {busy && <p>{t.report.exporting}</p>}
        {saved && <p>{t.report.exported(saved.path, fmt.bytes(saved.bytes))}</p>}
      </div>
      {saved && <ShowInFolderButton path={saved.path} />}
      <ErrorAlert error={error} />
    </div>
  );
}
