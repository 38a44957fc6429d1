import { describeError } from '../app/describe-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * An always-present alert region, so screen readers announce the sentence the moment it
 * appears; empty (and invisible) while there is nothing wrong.
 */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const { t } = useI18n();
  const message = error === null || error === undefined ? null : typeof error === 'string' ? error : describeError(error, t);
  return (
    <div role="alert" className="alert" id={id}>
      {message && <p>{message}</p>}
    </div>
  );
}
