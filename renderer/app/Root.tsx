import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, Language, SessionStatus, Settings, TwinArchiveApi } from '../../shared/contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { I18nProvider, useI18n } from '../i18n/i18n-context.tsx';
import { ApiContext } from './api-context.tsx';
import { AppShell } from './AppShell.tsx';

export interface Startup {
  info: AppInfo;
  settings: Settings;
  session: SessionStatus;
}

/** Before the core answers, the browser's own language is the best guess. */
function guessLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function Root({ api, startupError }: { api: TwinArchiveApi | null; startupError: unknown }) {
  const [startup, setStartup] = useState<Startup | null>(null);
  const [error, setError] = useState<unknown>(startupError);

  const load = useCallback(() => {
    if (api === null) return;
    setError(null);
    Promise.all([api['app.info']({}), api['settings.get']({}), api['session.status']({})]).then(
      ([info, settings, session]) => setStartup({ info, settings, session }),
      setError,
    );
  }, [api]);

  useEffect(load, [load]);

  if (api !== null && startup !== null) {
    return (
      <ApiContext.Provider value={api}>
        <LanguageFromSettings startup={startup} />
      </ApiContext.Provider>
    );
  }
  return (
    <I18nProvider language={guessLanguage()}>
      <StartupScreen error={error} onRetry={api === null ? null : load} />
    </I18nProvider>
  );
}

function LanguageFromSettings({ startup }: { startup: Startup }) {
  const [settings, setSettings] = useState(startup.settings);
  const language = settings.language ?? startup.info.systemLanguage;
  return (
    <I18nProvider language={language}>
      <AppShell info={startup.info} settings={settings} onSettingsSaved={setSettings} initialSession={startup.session} />
    </I18nProvider>
  );
}

function StartupScreen({ error, onRetry }: { error: unknown; onRetry: (() => void) | null }) {
  const { t } = useI18n();
  return (
    <main className="startup" id="main">
      <h1>{t.app.name}</h1>
      {error ? (
        <>
          <h2>{t.app.startFailed}</h2>
          <ErrorAlert error={error} />
          {onRetry && <button type="button" className="button" onClick={onRetry}>{t.common.tryAgain}</button>}
        </>
      ) : (
        <p role="status">{t.app.loading}</p>
      )}
    </main>
  );
}
