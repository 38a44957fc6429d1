import path from 'node:path';
import type { z } from 'zod';
import { CONTRACT, isCallName, type AppEvent, type CallName, type CallResult, type Contract, type Language } from '../../../shared/contract.ts';
import { libraryFile } from '../library/data-dir.ts';
import { openLibrary, type Library } from '../library/library.ts';
import { loadCurrentRuleSet } from '../rules/load-rule-set.ts';
import { createArchiveRunner } from './archive-runner.ts';
import { createBulkCoordinator } from './bulk/bulk-coordinator.ts';
import { AppCallError, describeInvalidArgs, toAppCallError } from './call-error.ts';
import { createEventHub } from './event-hub.ts';
import { archiveRecords, openArchivedPage, searchLibrary, verifyArchives } from './library-calls.ts';
import { assertOpenable } from './path-guard.ts';
import { createRememberedSessions } from './remembered-session.ts';
import { createItemQueries } from './item-query.ts';
import { queryChanges, querySpaces, reportSummary } from './report-calls.ts';
import { checkReportFormat, writeRunReport } from './report-content.ts';
import { exportReport } from './report-export.ts';
import { createScanKeeper } from './scan-keeper.ts';
import { createSessionManager } from './session-manager.ts';
import { createSettingsStore } from './settings-store.ts';
import type { ShellAdapters } from './shell-adapters.ts';

export interface AppServiceOptions {
  /** Where settings.json, library.sqlite, staging/ and reports/ live. */
  dataDir: string;
  shell: 'electron' | 'web';
  version: string;
  systemLanguage: Language;
  adapters: ShellAdapters;
  /** The snapshot the sample platform serves; the shipped demo when left out. */
  sampleSnapshotPath?: string;
  /** Told of failures that are bugs (the UI only gets an apology), for the shell's log. */
  onUnexpectedError?: (call: string, error: unknown) => void;
}

export interface AppService {
  /**
   * Runs one call of the contract: validates the arguments with its schema, runs it, validates
   * the result. Every failure is thrown as an AppCallError (one sentence and a code, never a
   * stack or a secret); `toCallError` turns it into the `{ error, code }` a transport sends.
   */
  handle(name: CallName | string, args: unknown): Promise<unknown>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Pauses a running job and bulk run (resumable next time), stops scans and the sample platforms, closes the library. */
  close(): Promise<void>;
}

type Handlers = { [N in CallName]: (args: z.output<Contract[N]['args']>) => Promise<CallResult<N>> };

const UNEXPECTED = 'TwinArchive ran into an unexpected problem: try again, and if it happens again, restart the app.';

/** The whole app behind the contract, in plain Node: the Electron shell and the dev bridge both serve it. */
export function createAppService(options: AppServiceOptions): AppService {
  const dataDir = path.resolve(options.dataDir);
  const { adapters } = options;
  const ruleSet = loadCurrentRuleSet();
  const hub = createEventHub();
  const settings = createSettingsStore(dataDir, ruleSet);
  const reportFolders = new Set<string>();
  let library: Library | null = null;
  let closing: Promise<void> | null = null;

  // Opened on first use, so a damaged or too new library is a sentence in the UI, not a crash.
  function openedLibrary(): Library {
    if (library) return library;
    if (closing) throw new AppCallError('TwinArchive is closing: open it again to continue.', 'CLOSED');
    library = openLibrary(libraryFile(dataDir));
    return library;
  }

  const sessions = createSessionManager({
    adapters,
    remembered: createRememberedSessions(adapters.secrets),
    ...(options.sampleSnapshotPath ? { sampleSnapshotPath: options.sampleSnapshotPath } : {}),
    onChange(status, previous, next) {
      const sameAccount = previous !== null && next !== null && previous.baseUrl === next.baseUrl && previous.account.id === next.account.id;
      if (!sameAccount) {
        scans.forget();
        items.forget();
      }
      hub.emit({ type: 'session', status });
    },
  });
  const items = createItemQueries();
  const scans = createScanKeeper({
    ruleSet, library: openedLibrary, sessions, settings,
    onProgress: (progress) => hub.emit({ type: 'scan', progress }),
  });
  const jobs = createArchiveRunner({
    dataDir, ruleSet, library: openedLibrary, sessions, settings,
    publish: (state) => hub.emit({ type: 'job', state }),
  });
  const bulk = createBulkCoordinator({
    dataDir, ruleSet, library: openedLibrary, settings, adapters,
    ...(options.sampleSnapshotPath ? { sampleSnapshotPath: options.sampleSnapshotPath } : {}),
    publish: (state) => hub.emit({ type: 'bulk', state }),
  });

  async function openableRoots(): Promise<string[]> {
    const { defaultDestination } = await settings.get();
    const archiveFolders = archiveRecords(openedLibrary()).map((archive) => path.dirname(archive.path));
    return [
      dataDir, ...(defaultDestination ? [defaultDestination] : []), ...jobs.destinations(), ...bulk.destinations(), ...archiveFolders, ...reportFolders,
    ];
  }

  const handlers: Handlers = {
    'app.info': async () => ({ version: options.version, shell: options.shell, systemLanguage: options.systemLanguage, dataDir }),
    'settings.get': () => settings.get(),
    'settings.set': (change) => settings.set(change),
    'session.status': () => sessions.status(),
    'session.connect': (args) => sessions.connect(args),
    'session.signOut': async () => {
      // Without a session the job cannot go on; paused, it resumes after the next sign-in.
      await jobs.pause();
      return await sessions.signOut();
    },
    'scan.run': () => scans.run(),
    'scan.overview': async () => scans.kept()?.overview ?? null,
    'scan.cancel': async () => {
      scans.cancel();
      return { ok: true as const };
    },
    'items.query': async (query) => items.query(openedLibrary(), scans.kept(), query),
    'spaces.query': async (query) => querySpaces(openedLibrary(), scans.kept(), query),
    'archive.start': (args) => jobs.start(args),
    'archive.pause': () => jobs.pause(),
    'archive.resume': () => jobs.resume(),
    'archive.cancel': () => jobs.cancel(),
    'archive.status': async () => jobs.status(),
    'library.archives': async () => archiveRecords(openedLibrary()),
    'library.search': async ({ query, limit }) => searchLibrary(openedLibrary(), query, limit),
    'library.openItem': ({ itemId }) => openArchivedPage(openedLibrary(), itemId),
    'library.verify': () => verifyArchives(openedLibrary()),
    'report.export': async ({ format, language, destination }) => {
      const kept = scans.kept();
      if (!kept) throw new AppCallError('There is no scan to report on yet: scan your account first.', 'NO_SCAN');
      checkReportFormat({ format, renderPdf: adapters.renderPdf });
      const { defaultDestination } = await settings.get();
      const written = await exportReport({
        format, destination, defaultFolder: defaultDestination ?? path.join(dataDir, 'reports'),
        write: (target) => writeRunReport({ library: openedLibrary(), run: kept.run, ruleSet, format, language, renderPdf: adapters.renderPdf }, target),
      });
      reportFolders.add(path.dirname(written.path));
      return written;
    },
    'report.summary': async () => reportSummary(scans.kept()),
    'report.changes': async (query) => queryChanges(openedLibrary(), scans.kept(), query),
    'dialog.chooseFolder': ({ title }) => adapters.chooseFolder(title),
    'shell.showInFolder': async ({ path: file }) => {
      await adapters.showInFolder(await assertOpenable(file, await openableRoots()));
      return { ok: true as const };
    },
    'shell.openPath': async ({ path: file }) => {
      await adapters.openPath(await assertOpenable(file, await openableRoots()));
      return { ok: true as const };
    },
    'bulk.status': () => bulk.status(),
    'bulk.setSource': (source) => bulk.setSource(source),
    'bulk.addColleague': (signIn) => bulk.addColleague(signIn),
    'bulk.signInAgain': ({ colleagueId, signIn }) => bulk.signInAgain(colleagueId, signIn),
    'bulk.updateColleague': (change) => bulk.updateColleague(change),
    'bulk.removeColleague': ({ colleagueId }) => bulk.removeColleague(colleagueId),
    'bulk.listSpaces': ({ colleagueId }) => bulk.listSpaces(colleagueId),
    'bulk.start': ({ destination }) => bulk.start(destination),
    'bulk.pause': () => bulk.pause(),
    'bulk.resume': () => bulk.resume(),
    'bulk.cancel': () => bulk.cancel(),
    'bulk.clear': () => bulk.clear(),
  };

  async function handle(name: string, args: unknown): Promise<unknown> {
    try {
      if (!isCallName(name)) throw new AppCallError('The app asked for something this version does not know: update TwinArchive.', 'UNKNOWN_CALL');
      if (closing) throw new AppCallError('TwinArchive is closing: open it again to continue.', 'CLOSED');
      const { args: argsSchema, result: resultSchema } = CONTRACT[name] as { args: z.ZodType; result: z.ZodType };
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) throw new AppCallError(describeInvalidArgs(name, parsed.error), 'INVALID_ARGS');
      const result = await (handlers[name] as (args: unknown) => Promise<unknown>)(parsed.data);
      const checked = resultSchema.safeParse(result);
      if (!checked.success) {
        options.onUnexpectedError?.(name, checked.error);
        throw new AppCallError(UNEXPECTED, 'INTERNAL');
      }
      return checked.data;
    } catch (error) {
      const mapped = toAppCallError(error);
      if (mapped.code === 'INTERNAL' && mapped !== error) options.onUnexpectedError?.(name, error);
      throw mapped;
    }
  }

  async function close(): Promise<void> {
    await jobs.close();
    await bulk.close();
    await scans.close();
    await items.close();
    await sessions.close();
    library?.close();
    library = null;
  }

  return {
    handle,
    onEvent: (listener) => hub.subscribe(listener),
    close() {
      closing ??= close();
      return closing;
    },
  };
}
