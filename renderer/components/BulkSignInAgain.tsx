import { useId, useState, type FormEvent } from 'react';
import type { AppInfo, BulkColleague, BulkSignIn, BulkState } from '../../shared/contract.ts';
import { useSignInAttempt } from '../hooks/use-sign-in-attempt.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PasswordField } from './PasswordField.tsx';

interface Props {
  info: AppInfo;
  colleagues: BulkColleague[];
  onSignIn(colleagueId: string, signIn: BulkSignIn): Promise<BulkState>;
}

/** Colleagues whose session is gone (a restart, an end that could not be renewed) sign in again here. */
export function BulkSignInAgain({ info, colleagues, onSignIn }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [notice, setNotice] = useState<string | null>(null);
  if (colleagues.length === 0) return <p role="status" className="visually-hidden">{notice}</p>;
  return (
    <section className="panel bulk-sign-in-again" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.bulk.signInAgainHeading}</h2>
      <p>{t.bulk.signInAgainIntro}</p>
      <ul className="bulk-sign-in-list">
        {colleagues.map((colleague) => (
          <SignInAgainForm key={colleague.id} info={info} colleague={colleague} onSignIn={onSignIn} onDone={setNotice} />
        ))}
      </ul>
      <p role="status" className="status-line">{notice}</p>
    </section>
  );
}

function SignInAgainForm({ info, colleague, onSignIn, onDone }: {
  info: AppInfo;
  colleague: BulkColleague;
  onSignIn: Props['onSignIn'];
  onDone(notice: string): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const name = colleague.name || colleague.login;
  const { password, setPassword, busy, error, setError, attempt } = useSignInAttempt();

  const signIn = (args: BulkSignIn) => {
    attempt(() => onSignIn(colleague.id, args), () => onDone(t.bulk.signedInAgain(name)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setError(t.bulk.missingFields);
      return;
    }
    signIn({ kind: 'password', login: colleague.login, password });
  };

  return (
    <li aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{name}</h3>
      {colleague.signIn === 'password' || info.shell !== 'electron' ? (
        <form className="form" onSubmit={submit} noValidate>
          <p className="hint">{t.bulk.signInAgainLogin(colleague.login)}</p>
          <PasswordField id={`${id}-password`} label={t.bulk.passwordOf(name)} value={password} onChange={setPassword} autoComplete="off" />
          <button type="submit" className="button" disabled={busy} aria-label={t.bulk.signInAgainNamed(name)}>{t.bulk.signInAgain}</button>
        </form>
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => signIn({ kind: 'browser' })}>{t.bulk.signInAgainBrowser(name)}</button>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
