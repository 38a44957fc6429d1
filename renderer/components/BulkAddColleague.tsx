import { useId, useState, type FormEvent } from 'react';
import type { AppInfo, BulkSignIn, BulkState } from '../../shared/contract.ts';
import { useSignInAttempt } from '../hooks/use-sign-in-attempt.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PasswordField } from './PasswordField.tsx';

interface Props {
  info: AppInfo;
  /** Signs the colleague in on the chosen platform and adds them; fails with the sentence to show. */
  onAdd(signIn: BulkSignIn): Promise<BulkState>;
}

/** The colleague signs in here, at the coordinator's desk: a wrong password is said at once. */
export function BulkAddColleague({ info, onAdd }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [login, setLogin] = useState('');
  const { password, setPassword, busy, setBusy, error, setError, attempt } = useSignInAttempt();
  const [notice, setNotice] = useState<string | null>(null);

  const add = (signIn: BulkSignIn) => {
    setNotice(null);
    attempt(() => onAdd(signIn), (state) => {
      setBusy(false);
      setLogin('');
      setPassword('');
      const added = state.colleagues.at(-1);
      setNotice(added ? t.bulk.added(added.name || added.login) : null);
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (login.trim() === '' || password === '') {
      setError(t.bulk.missingFields);
      return;
    }
    add({ kind: 'password', login: login.trim(), password });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.bulk.addHeading}</h2>
      <p>{t.bulk.addIntro}</p>
      <form className="form bulk-add" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-login`}>{t.bulk.login}</label>
          <input
            id={`${id}-login`} type="text" autoComplete="off" spellCheck={false} autoCapitalize="off" required
            value={login} onChange={(event) => setLogin(event.target.value)}
          />
        </div>
        <PasswordField id={`${id}-password`} label={t.bulk.password} value={password} onChange={setPassword} autoComplete="off" />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>{t.bulk.add}</button>
        </div>
      </form>
      {info.shell === 'electron' && (
        <div className="browser-login">
          <p className="hint">{t.bulk.browserHint}</p>
          <button type="button" className="button" disabled={busy} onClick={() => add({ kind: 'browser' })}>{t.bulk.browserButton}</button>
        </div>
      )}
      <ErrorAlert error={error} />
      <p role="status" className="status-line">{busy ? t.bulk.adding : notice}</p>
    </section>
  );
}
