import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, SessionStatus, Settings } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ArchiveScreen } from '../screens/ArchiveScreen.tsx';
import { BulkScreen } from '../screens/BulkScreen.tsx';
import { ConnectScreen } from '../screens/ConnectScreen.tsx';
import { ItemsScreen, type ItemsPreset } from '../screens/ItemsScreen.tsx';
import { LibraryScreen } from '../screens/LibraryScreen.tsx';
import { OverviewScreen } from '../screens/OverviewScreen.tsx';
import { ReportScreen } from '../screens/ReportScreen.tsx';
import { SettingsScreen } from '../screens/SettingsScreen.tsx';
import { useApi } from './api-context.tsx';
import { AppHeader } from './AppHeader.tsx';
import { Navigation } from './Navigation.tsx';
import type { ScreenName } from './screens.ts';
import { isJobActive, useJob } from './use-job.ts';
import { useScan } from './use-scan.ts';

interface Props {
  info: AppInfo;
  settings: Settings;
  initialSession: SessionStatus;
  onSettingsSaved(settings: Settings): void;
}

export function AppShell({ info, settings, initialSession, onSettingsSaved }: Props) {
  const api = useApi();
  const { t, language } = useI18n();
  const [session, setSession] = useState(initialSession);
  const [screen, setScreen] = useState<ScreenName>(initialSession.connected ? 'overview' : 'connect');
  const [archivePreset, setArchivePreset] = useState<{ spaces: string[]; version: number } | null>(null);
  const [itemsPreset, setItemsPreset] = useState<ItemsPreset>({ version: 0 });
  const scan = useScan(api);
  const jobs = useJob(api);
  const mainRef = useRef<HTMLElement>(null);
  const navigated = useRef(false);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t.nav[screen]} · ${t.app.name}`;
  }, [language, screen, t]);

  useEffect(() => api.onEvent((event) => {
    if (event.type === 'session') setSession(event.status);
  }), [api]);

  // A remembered session: show the last scan, or scan now.
  const { load } = scan;
  useEffect(() => {
    if (initialSession.connected) load();
  }, [initialSession.connected, load]);

  // After a move between screens, put the keyboard and screen reader at the new screen's heading.
  useEffect(() => {
    if (!navigated.current) return;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen, archivePreset, itemsPreset]);

  const go = useCallback((next: ScreenName) => {
    navigated.current = true;
    setScreen(next);
  }, []);

  const connected = useCallback((status: SessionStatus) => {
    setSession(status);
    scan.clear();
    scan.run();
    go('overview');
  }, [scan, go]);

  const signedOut = useCallback((status: SessionStatus) => {
    setSession(status);
    scan.clear();
  }, [scan]);

  const { job, dismiss } = jobs;
  const archiveSpaces = useCallback((spaces: string[]) => {
    // Asking for a new archive puts away the result of a finished one; a running job stays in view.
    if (job !== null && !isJobActive(job)) dismiss();
    setArchivePreset((current) => ({ spaces, version: (current?.version ?? 0) + 1 }));
    go('archive');
  }, [go, job, dismiss]);

  const showItems = useCallback((preset: Omit<ItemsPreset, 'version'>) => {
    setItemsPreset((current) => ({ ...preset, version: current.version + 1 }));
    go('items');
  }, [go]);

  const settingsSaved = useCallback((saved: Settings, rescan: boolean) => {
    onSettingsSaved(saved);
    if (rescan) scan.markStale();
  }, [onSettingsSaved, scan]);

  const overview = scan.state.overview;
  return (
    <div className="app">
      <a
        className="skip-link" href="#main"
        onClick={(event) => {
          // Focus without touching the address: the hash may still be the dev bridge's.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t.app.skipLink}
      </a>
      <AppHeader session={session} job={jobs.job} onShowJob={() => go('archive')} />
      <Navigation current={screen} onNavigate={go} />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        {screen === 'connect' && (
          <ConnectScreen info={info} session={session} onConnected={connected} onSignedOut={signedOut} onContinue={() => go('overview')} />
        )}
        {screen === 'overview' && (
          <OverviewScreen session={session} scan={scan} onArchive={archiveSpaces} onShowItems={showItems} onConnect={() => go('connect')} />
        )}
        {screen === 'items' && (
          <ItemsScreen key={itemsPreset.version} overview={overview} scanStatus={scan.state.status} preset={itemsPreset} onConnect={() => go('connect')} />
        )}
        {screen === 'archive' && (
          <ArchiveScreen
            key={archivePreset?.version ?? 0} info={info} settings={settings} overview={overview} scanStatus={scan.state.status}
            preselected={archivePreset?.spaces ?? null} jobs={jobs} onConnect={() => go('connect')} onOpenLibrary={() => go('library')}
          />
        )}
        {screen === 'library' && <LibraryScreen onGoToArchive={() => go('archive')} />}
        {screen === 'report' && <ReportScreen overview={overview} scanStatus={scan.state.status} onConnect={() => go('connect')} />}
        {screen === 'bulk' && <BulkScreen info={info} settings={settings} />}
        {screen === 'settings' && (
          <SettingsScreen info={info} settings={settings} account={session.account} hasScan={overview !== null} onSaved={settingsSaved} />
        )}
      </main>
    </div>
  );
}
