import { useId, useState, type FormEvent } from 'react';
import type { AppInfo, ConnectArgs, SessionStatus } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

const DEFAULT_PLATFORM = 'https://live.etwinning.net';

interface Props {
  info: AppInfo;
  session: SessionStatus;
  onConnected(status: SessionStatus): void;
  onSignedOut(status: SessionStatus): void;
  onContinue(): void;
}

export function ConnectScreen({ info, session, onConnected, onSignedOut, onContinue }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const [baseUrl, setBaseUrl] = useState(session.source && !session.sample ? session.source : DEFAULT_PLATFORM);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const connect = (args: ConnectArgs) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    api['session.connect'](args).then(
      (status) => {
        setBusy(false);
        setPassword('');
        onConnected(status);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (baseUrl.trim() === '' || login.trim() === '' || password === '') {
      setError(t.connect.missingFields);
      return;
    }
    connect({ kind: 'password', baseUrl: baseUrl.trim(), login: login.trim(), password, remember });
  };

  const signOut = () => {
    setBusy(true);
    setError(null);
    api['session.signOut']({}).then(
      (status) => {
        setBusy(false);
        setNotice(t.connect.signedOut);
        onSignedOut(status);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  return (
    <section className="screen screen-connect" data-testid="screen-connect" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1}>{t.connect.heading}</h1>
      <p className="lead">{t.connect.intro}</p>

      <ErrorAlert error={error} />
      <p role="status" className="status-line">{busy ? t.connect.signingIn : notice}</p>

      {session.connected && session.account && (
        <section className="panel" aria-labelledby={`${id}-signed`}>
          <h2 id={`${id}-signed`}>{t.connect.signedInHeading}</h2>
          <p>{t.connect.signedInAs(session.account.name, session.account.email, session.source ?? '')}</p>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={onContinue}>{t.connect.continue}</button>
            <button type="button" className="button" onClick={signOut} disabled={busy}>{t.connect.signOut}</button>
          </div>
        </section>
      )}

      <div className="connect-grid">
        <section className="panel panel-sample" aria-labelledby={`${id}-sample`}>
          <h2 id={`${id}-sample`}>{t.connect.sampleHeading}</h2>
          <p>{t.connect.sampleText}</p>
          <button type="button" className="button button-primary button-large" disabled={busy} onClick={() => connect({ kind: 'sample' })}>
            {t.connect.sampleButton}
          </button>
        </section>

        <section className="panel" aria-labelledby={`${id}-account`}>
          <h2 id={`${id}-account`}>{t.connect.accountHeading}</h2>
          <form className="form" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor={`${id}-url`}>{t.connect.baseUrl}</label>
              <input
                id={`${id}-url`} type="url" inputMode="url" autoComplete="url" spellCheck={false} required
                value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} aria-describedby={`${id}-url-hint`}
              />
              <p className="hint" id={`${id}-url-hint`}>{t.connect.baseUrlHint}</p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-login`}>{t.connect.login}</label>
              <input
                id={`${id}-login`} type="text" autoComplete="username" spellCheck={false} autoCapitalize="off" required
                value={login} onChange={(event) => setLogin(event.target.value)}
              />
            </div>
            <PasswordField id={`${id}-password`} label={t.connect.password} value={password} onChange={setPassword} />
            <div className="field field-check">
              <input id={`${id}-remember`} type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} aria-describedby={`${id}-remember-hint`} />
              <label htmlFor={`${id}-remember`}>{t.connect.remember}</label>
              <p className="hint" id={`${id}-remember-hint`}>{t.connect.rememberHint}</p>
            </div>
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>{t.connect.signIn}</button>
            </div>
          </form>
          {info.shell === 'electron' && (
            <div className="browser-login">
              <h3>{t.connect.browserHeading}</h3>
              <p className="hint">{t.connect.browserHint}</p>
              <button
                type="button" className="button" disabled={busy}
                onClick={() => connect({ kind: 'browser', baseUrl: baseUrl.trim() || DEFAULT_PLATFORM, remember })}
              >
                {t.connect.browserButton}
              </button>
            </div>
          )}
        </section>
      </div>
    </section>
  );
}
