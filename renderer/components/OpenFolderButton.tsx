import { useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { describeError } from '../app/describe-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** Opens a folder (or file) with the system's own app; `name` is the accessible name in lists of many. */
export function OpenFolderButton({ path, name, label }: { path: string; name?: string; label?: string }) {
  const api = useApi();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    setError(null);
    api['shell.openPath']({ path }).catch((failure: unknown) => setError(describeError(failure, t)));
  };
  return (
    <span className="inline-action">
      <button type="button" className="button button-small" onClick={open} aria-label={name}>{label ?? t.bulk.openFolder}</button>
      {error && <span role="alert" className="inline-error">{error}</span>}
    </span>
  );
}
