import { useState } from 'react';
import type { VerifyResult } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

/** Re-reads every archive in the library and says whether each file is intact. */
export function VerifyPanel({ label }: { label: string }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const verify = () => {
    setBusy(true);
    setError(null);
    setResult(null);
    api['library.verify']({}).then(setResult, setError).finally(() => setBusy(false));
  };

  return (
    <div className="verify-panel">
      <button type="button" className="button" onClick={verify} disabled={busy}>{label}</button>
      <div role="status" className="verify-status">
        {busy && <p>{t.archive.verifying}</p>}
        {result && result.problems.length === 0 && (
          <p className="verify-ok">{t.archive.verifyOk(fmt.number(result.archives), fmt.number(result.entries), fmt.bytes(result.bytes))}</p>
        )}
        {result && result.problems.length > 0 && <p className="verify-bad">{t.archive.verifyProblems(fmt.number(result.problems.length))}</p>}
      </div>
      {result && result.problems.length > 0 && (
        <ul className="problem-list">
          {result.problems.map((problem, index) => (
            <li key={index}>
              <span className="problem-where">{problem.archivePath}{problem.entry ? ` › ${problem.entry}` : ''}</span>
              <span>{problem.message}</span>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
