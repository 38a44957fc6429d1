import { useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { describeError } from '../app/describe-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** "Show in folder"; with `name`, the accessible name says which file, for lists of many. */
export function ShowInFolderButton({ path, name }: { path: string; name?: string }) {
  const api = useApi();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const show = () => {
    setError(null);
    api['shell.showInFolder']({ path }).catch((failure: unknown) => setError(describeError(failure, t)));
  };
  return (
    <span className="inline-action">
      <button type="button" className="button button-small" onClick={show} aria-label={name ? t.common.showNamedInFolder(name) : undefined}>
        {t.common.showInFolder}
      </button>
      {error && <span role="alert" className="inline-error">{error}</span>}
    </span>
  );
}
