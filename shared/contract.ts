import { z } from 'zod';
import { ITEM_TYPES, RULE_IDS, SPACE_KINDS, VERDICTS } from './model.ts';
import { JOB_PHASES } from './progress.ts';
import { CHANGE_KINDS, HOLDER_KINDS } from './scan-summary.ts';

/**
 * The one contract between the UI and the core: every call the renderer can make, with zod
 * schemas for its argument and result. The Electron preload exposes it over IPC and the dev
 * bridge over loopback HTTP; both ends validate with these schemas, and the UI cannot tell
 * which transport it is using.
 */

const localized = z.object({ en: z.string(), nl: z.string() });
const judgement = { verdict: z.enum(VERDICTS), rule: z.enum(RULE_IDS), reason: localized, quote: z.string() };
const path = z.string().min(1).max(4096);

export const LanguageSchema = z.enum(['en', 'nl']);
export type Language = z.infer<typeof LanguageSchema>;

export const SettingsSchema = z.object({
  /** null: follow the operating system. */
  language: LanguageSchema.nullable(),
  euLoginEmail: z.string().max(320).nullable(),
  margin: z.number().int().min(0).max(30),
  concurrency: z.number().int().min(1).max(16),
  defaultDestination: path.nullable(),
  splitSize: z.number().int().min(1024 * 1024),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AccountSchema = z.object({
  id: z.string(), name: z.string(), email: z.string(), hasEtwinningAccount: z.boolean(), hasSegAccount: z.boolean(),
});

export const SessionStatusSchema = z.object({
  connected: z.boolean(),
  source: z.string().nullable(),
  sample: z.boolean(),
  account: AccountSchema.nullable(),
  /** A session kept from an earlier run (stored with safeStorage in the app). */
  remembered: z.boolean(),
});
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const ConnectArgsSchema = z.discriminatedUnion('kind', [
  /** Starts the embedded sample platform and signs in as the demo teacher. */
  z.object({ kind: z.literal('sample') }),
  z.object({ kind: z.literal('password'), baseUrl: z.string().url().max(2048), login: z.string().min(1).max(320), password: z.string().min(1).max(1024), remember: z.boolean() }),
  /** The app's login window on the platform's /login (Electron only). */
  z.object({ kind: z.literal('browser'), baseUrl: z.string().url().max(2048), remember: z.boolean() }),
]);
export type ConnectArgs = z.infer<typeof ConnectArgsSchema>;

export const VerdictTotalsSchema = z.object({ spaces: z.number(), items: z.number(), bytes: z.number() });

export const SpaceRowSchema = z.object({
  id: z.string(), kind: z.enum(SPACE_KINDS), title: z.string(), createdAt: z.string(),
  migrationRequest: z.string().nullable(), itemCount: z.number(), activity: z.array(z.string()),
  lastActivityAt: z.string().nullable(), ...judgement,
  /** Items of the space per verdict. */
  counts: z.object({ migrates: z.number(), lost: z.number(), uncertain: z.number() }),
  atRiskBytes: z.number(),
});
export type SpaceRow = z.infer<typeof SpaceRowSchema>;

export const OverviewSchema = z.object({
  source: z.string(),
  scannedAt: z.string(),
  account: AccountSchema,
  settings: z.object({ margin: z.number(), euLoginEmail: z.string().nullable() }),
  ruleSetVersion: z.string(),
  totals: z.object({
    spaces: z.number(), items: z.number(), bytes: z.number(),
    byVerdict: z.object({ migrates: VerdictTotalsSchema, lost: VerdictTotalsSchema, uncertain: VerdictTotalsSchema }),
    atRisk: VerdictTotalsSchema,
  }),
  /** The spaces most at risk first; all of them unless the account has very many (see totals.spaces). */
  spaces: z.array(SpaceRowSchema),
  /** Every space with anything at risk, listed in `spaces` or not: what "archive everything at risk" takes. */
  atRiskSpaces: z.array(z.string()),
  /** Creation dates of personal items and their verdicts, for the timeline. */
  personal: z.object({ counts: z.object({ migrates: z.number(), lost: z.number(), uncertain: z.number() }) }),
  dates: z.object({ contentCutoff: z.string(), groupWindow: z.object({ from: z.string(), to: z.string() }), groupLife: z.object({ from: z.string(), to: z.string() }) }),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const ItemRowSchema = z.object({
  id: z.string(), space: z.string().nullable(), spaceTitle: z.string().nullable(), type: z.enum(ITEM_TYPES),
  title: z.string(), createdAt: z.string(), size: z.number(), ...judgement,
});
export type ItemRow = z.infer<typeof ItemRowSchema>;

export const ItemsQuerySchema = z.object({
  verdicts: z.array(z.enum(VERDICTS)).max(3).optional(),
  rules: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length).optional(),
  types: z.array(z.enum(ITEM_TYPES)).max(ITEM_TYPES.length).optional(),
  /** Space ids; "personal" for personal items. */
  spaces: z.array(z.string().max(200)).max(10_000).optional(),
  /** Where the items live: groups, TwinSpaces, or the account's own (personal). */
  kinds: z.array(z.enum(HOLDER_KINDS)).max(HOLDER_KINDS.length).optional(),
  /** Years of creation in Brussels time; null for items whose date cannot be read. */
  years: z.array(z.number().int().min(0).max(9999).nullable()).max(300).optional(),
  /** Words of the title, each matching the start of a word ("rivier" finds "Rivieren"). */
  text: z.string().max(500).optional(),
  sort: z.enum(['title', 'createdAt', 'size', 'verdict', 'space', 'type']).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ItemsQuery = z.input<typeof ItemsQuerySchema>;
export const ItemsPageSchema = z.object({ total: z.number(), offset: z.number(), items: z.array(ItemRowSchema) });
export type ItemsPage = z.infer<typeof ItemsPageSchema>;

export const SpacesQuerySchema = z.object({
  verdicts: z.array(z.enum(VERDICTS)).max(3).optional(),
  rules: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length).optional(),
  kinds: z.array(z.enum(SPACE_KINDS)).max(SPACE_KINDS.length).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SpacesQuery = z.input<typeof SpacesQuerySchema>;
/** Most at risk first. */
export const SpacesPageSchema = z.object({ total: z.number(), offset: z.number(), spaces: z.array(SpaceRowSchema) });
export type SpacesPage = z.infer<typeof SpacesPageSchema>;

const itemsAndBytes = z.object({ items: z.number(), bytes: z.number() });
const verdictBreakdown = {
  items: z.number(), bytes: z.number(),
  byVerdict: z.object({ migrates: itemsAndBytes, lost: itemsAndBytes, uncertain: itemsAndBytes }),
};
const kindBreakdown = z.object({
  ...verdictBreakdown, spaces: z.number(), spacesByVerdict: z.object({ migrates: z.number(), lost: z.number(), uncertain: z.number() }),
});
const changeRecord = z.enum(['space', 'item']);

export const ScanChangesSchema = z.object({
  previousScannedAt: z.string(),
  spaces: z.object({ added: z.number(), removed: z.number(), verdict: z.number() }),
  items: z.object({ added: z.number(), removed: z.number(), verdict: z.number(), addedBytes: z.number(), removedBytes: z.number() }),
  /** Verdict moves, as a group whose new activity brought it into the window: lost -> migrates. */
  transitions: z.array(z.object({ record: changeRecord, before: z.enum(VERDICTS), after: z.enum(VERDICTS), count: z.number(), bytes: z.number() })),
});
export type ScanChanges = z.infer<typeof ScanChangesSchema>;

/** The last scan counted, nothing listed: the first screen of a report of any size. */
export const ReportSummarySchema = z.object({
  scannedAt: z.string(),
  totals: OverviewSchema.shape.totals,
  byKind: z.object({ group: kindBreakdown, twinspace: kindBreakdown, personal: kindBreakdown }),
  /** Oldest first; an unreadable date (year null) last. */
  byYear: z.array(z.object({ year: z.number().nullable(), ...verdictBreakdown })),
  /** In rule-set order; a rule has one verdict within an account. */
  byRule: z.array(z.object({ rule: z.enum(RULE_IDS), verdict: z.enum(VERDICTS), items: z.number(), bytes: z.number(), spaces: z.number() })),
  /** Since the scan before; null for an account's first scan. */
  changes: ScanChangesSchema.nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ChangesQuerySchema = z.object({
  record: changeRecord.optional(),
  changes: z.array(z.enum(CHANGE_KINDS)).max(CHANGE_KINDS.length).optional(),
  /** A verdict move: the verdict before and after. */
  before: z.enum(VERDICTS).optional(),
  after: z.enum(VERDICTS).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ChangesQuery = z.input<typeof ChangesQuerySchema>;
const judged = z.object({ verdict: z.enum(VERDICTS), rule: z.enum(RULE_IDS) }).nullable();
export const ChangeRowSchema = z.object({
  record: changeRecord, change: z.enum(CHANGE_KINDS), id: z.string(), spaceId: z.string().nullable(), title: z.string(),
  /** null for what was added (before) or removed (after). */
  before: judged, after: judged, size: z.number(),
});
export type ChangeRow = z.infer<typeof ChangeRowSchema>;
/** Spaces first. */
export const ChangesPageSchema = z.object({ total: z.number(), offset: z.number(), changes: z.array(ChangeRowSchema) });
export type ChangesPage = z.infer<typeof ChangesPageSchema>;

export const ArchiveStartSchema = z.object({
  spaces: z.array(z.string().max(200)).min(1).max(10_000),
  destination: path,
  include: z.enum(['at-risk', 'all']),
  splitSize: z.number().int().min(1024 * 1024),
});
export type ArchiveStart = z.infer<typeof ArchiveStartSchema>;

export const JobStateSchema = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'paused', 'done', 'failed', 'cancelled']),
  progress: z.object({
    phase: z.enum(JOB_PHASES), fraction: z.number(), itemsDone: z.number(), itemsTotal: z.number().nullable(),
    bytesDone: z.number(), bytesTotal: z.number().nullable(), bytesPerSecond: z.number().nullable(),
    etaSeconds: z.number().nullable(), detail: z.string().nullable(),
  }),
  destination: z.string(),
  archives: z.array(z.object({ path: z.string(), title: z.string(), part: z.number(), parts: z.number(), items: z.number(), size: z.number() })),
  problems: z.array(z.object({ itemId: z.string(), title: z.string(), problem: z.string() })),
  /** One sentence: what happened and what to do. */
  error: z.string().nullable(),
});
export type JobState = z.infer<typeof JobStateSchema>;

export const ArchiveRecordSchema = z.object({
  id: z.number(), title: z.string(), spaceId: z.string().nullable(), part: z.number(), parts: z.number(),
  path: z.string(), size: z.number(), entryCount: z.number(), createdAt: z.string(),
});
export type ArchiveRecord = z.infer<typeof ArchiveRecordSchema>;

export const SearchHitSchema = z.object({
  itemId: z.string(), title: z.string(), type: z.enum(ITEM_TYPES), verdict: z.enum(VERDICTS),
  archiveId: z.number().nullable(), archivePath: z.string().nullable(), entryPath: z.string().nullable(), snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const ArchivedPageSchema = z.object({
  itemId: z.string(), title: z.string(), archivePath: z.string(), entryPath: z.string(),
  /** The archived page, inert HTML, shown in a sandboxed frame with scripts and network blocked. */
  html: z.string().nullable(),
  /** For a file: its media type and size; it is opened with the system's app instead. */
  file: z.object({ mediaType: z.string(), size: z.number() }).nullable(),
});
export type ArchivedPage = z.infer<typeof ArchivedPageSchema>;

export const VerifyResultSchema = z.object({
  archives: z.number(), entries: z.number(), bytes: z.number(),
  problems: z.array(z.object({ archivePath: z.string(), entry: z.string().nullable(), kind: z.string(), message: z.string() })),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

export const ReportExportSchema = z.object({
  format: z.enum(['csv', 'json', 'html', 'pdf']),
  language: LanguageSchema,
  /** Where to save; null asks the user (app) or uses the default folder (dev bridge). */
  destination: path.nullable(),
});
export const ReportExportResultSchema = z.object({ path: z.string(), bytes: z.number() });

export const AppInfoSchema = z.object({
  version: z.string(),
  /** 'electron' in the app, 'web' in the dev bridge: only for features a browser lacks. */
  shell: z.enum(['electron', 'web']),
  systemLanguage: LanguageSchema,
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Where a bulk run's colleagues are: the embedded sample platform or a real one. */
export const BulkSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sample') }),
  z.object({ kind: z.literal('platform'), baseUrl: z.string().url().max(2048) }),
]);
export type BulkSource = z.infer<typeof BulkSourceSchema>;

/** How a colleague signs in: login and password, or the app's login window (Electron only). */
export const BulkSignInSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), login: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
  z.object({ kind: z.literal('browser') }),
]);
export type BulkSignIn = z.infer<typeof BulkSignInSchema>;

const colleagueId = z.string().min(1).max(100);

export const BulkColleagueSchema = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  email: z.string(),
  signIn: z.enum(['password', 'browser']),
  /** A session is held for the run; false when it is gone (after a restart, or once the run ended): sign in again. */
  signedIn: z.boolean(),
  /** Space ids ("personal" for personal items); null for everything at risk. */
  spaces: z.array(z.string()).nullable(),
  /** The colleague's folder under the destination, `/`-separated. */
  folder: z.string(),
  /** The folder's full path, once the run has a destination. */
  outDir: z.string().nullable(),
  /** ready: added, the run not started yet. */
  status: z.enum(['ready', 'queued', 'running', 'done', 'failed']),
  progress: JobStateSchema.shape.progress.nullable(),
  items: z.number(), bytes: z.number(), archives: z.number(),
  /** Items the platform would not give, archived as notices only. */
  problems: z.number(),
  /** Why the colleague's archive failed: one sentence. */
  error: z.string().nullable(),
});
export type BulkColleague = z.infer<typeof BulkColleagueSchema>;

export const BulkTotalsSchema = z.object({
  /** 0..1 over every colleague of the run. */
  fraction: z.number(),
  colleagues: z.number(), done: z.number(), failed: z.number(),
  itemsDone: z.number(), itemsTotal: z.number().nullable(), bytesDone: z.number(), bytesTotal: z.number().nullable(),
  bytesPerSecond: z.number().nullable(), etaSeconds: z.number().nullable(),
});

export const BulkStateSchema = z.object({
  /** setup: colleagues are being added; finished: every colleague is done or failed. */
  status: z.enum(['setup', 'running', 'paused', 'finished', 'cancelled']),
  runId: z.string().nullable(),
  source: BulkSourceSchema.nullable(),
  destination: z.string().nullable(),
  colleagues: z.array(BulkColleagueSchema),
  totals: BulkTotalsSchema,
  /** The run report, once the run has ended. */
  report: z.object({ html: z.string(), csv: z.string() }).nullable(),
  /** Why the run stopped before every colleague had a turn (a full disk), or why the report is missing. */
  error: z.string().nullable(),
  /** Left unfinished by an earlier start of TwinArchive (a quit or a crash): offered for resuming. */
  restored: z.boolean(),
});
export type BulkState = z.infer<typeof BulkStateSchema>;

export const BulkSpaceSchema = z.object({ id: z.string(), kind: z.enum(SPACE_KINDS), title: z.string(), itemCount: z.number() });
export type BulkSpace = z.infer<typeof BulkSpaceSchema>;

const call = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });
const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const CONTRACT = {
  'app.info': call(none, AppInfoSchema),
  'settings.get': call(none, SettingsSchema),
  'settings.set': call(SettingsSchema.partial(), SettingsSchema),
  'session.status': call(none, SessionStatusSchema),
  'session.connect': call(ConnectArgsSchema, SessionStatusSchema),
  'session.signOut': call(none, SessionStatusSchema),
  /** Scans the signed-in account with the current settings. */
  'scan.run': call(none, OverviewSchema),
  /** The last scan, or null before the first. */
  'scan.overview': call(none, OverviewSchema.nullable()),
  /** Stops a running scan; the last finished scan stays as it was. */
  'scan.cancel': call(none, ok),
  'items.query': call(ItemsQuerySchema, ItemsPageSchema),
  /** Groups and TwinSpaces of the last scan, a page at a time. */
  'spaces.query': call(SpacesQuerySchema, SpacesPageSchema),
  'archive.start': call(ArchiveStartSchema, JobStateSchema),
  'archive.pause': call(none, JobStateSchema.nullable()),
  'archive.resume': call(none, JobStateSchema.nullable()),
  'archive.cancel': call(none, JobStateSchema.nullable()),
  'archive.status': call(none, JobStateSchema.nullable()),
  'library.archives': call(none, z.array(ArchiveRecordSchema)),
  'library.search': call(z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(500).default(50) }), z.array(SearchHitSchema)),
  'library.openItem': call(z.object({ itemId: z.string().max(200) }), ArchivedPageSchema),
  'library.verify': call(none, VerifyResultSchema),
  'report.export': call(ReportExportSchema, ReportExportResultSchema),
  /** The last scan per verdict and rule, space kind and year, and what changed since the scan before; null before the first. */
  'report.summary': call(none, ReportSummarySchema.nullable()),
  /** What changed since the scan before, a page at a time. */
  'report.changes': call(ChangesQuerySchema, ChangesPageSchema),
  /** Native folder picker in the app; null when cancelled or in a browser. */
  'dialog.chooseFolder': call(z.object({ title: z.string().max(200) }), z.string().nullable()),
  'shell.showInFolder': call(z.object({ path }), ok),
  'shell.openPath': call(z.object({ path }), ok),
  /** The bulk run for many colleagues (one at a time): set up, running, or how it ended. */
  'bulk.status': call(none, BulkStateSchema),
  /** Chooses the platform of the colleagues to add; only before the first one is added. */
  'bulk.setSource': call(BulkSourceSchema, BulkStateSchema),
  /** Signs a colleague in (a wrong password fails here) and adds them to the run. */
  'bulk.addColleague': call(BulkSignInSchema, BulkStateSchema),
  /** A new session for a colleague whose session is gone; it must be the same account. */
  'bulk.signInAgain': call(z.object({ colleagueId, signIn: BulkSignInSchema }), BulkStateSchema),
  'bulk.updateColleague': call(z.object({
    colleagueId,
    spaces: z.array(z.string().min(1).max(200)).min(1).max(10_000).nullable().optional(),
    folder: z.string().min(1).max(1000).optional(),
  }), BulkStateSchema),
  'bulk.removeColleague': call(z.object({ colleagueId }), BulkStateSchema),
  /** The colleague's groups and TwinSpaces, for choosing what to archive. */
  'bulk.listSpaces': call(z.object({ colleagueId }), z.array(BulkSpaceSchema)),
  /** Starts the one run of every colleague added, into folders under `destination`. */
  'bulk.start': call(z.object({ destination: path }), BulkStateSchema),
  'bulk.pause': call(none, BulkStateSchema),
  /** Carries on a paused run, or retries the colleagues that failed in a finished one. */
  'bulk.resume': call(none, BulkStateSchema),
  'bulk.cancel': call(none, BulkStateSchema),
  /** Puts an ended run away (or empties the list before a start): back to an empty setup. */
  'bulk.clear': call(none, BulkStateSchema),
} as const;

export type Contract = typeof CONTRACT;
export type CallName = keyof Contract;
export type CallArgs<N extends CallName> = z.input<Contract[N]['args']>;
export type CallResult<N extends CallName> = z.infer<Contract[N]['result']>;

/** Events the core pushes to the UI. */
export const EventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), state: JobStateSchema }),
  z.object({ type: z.literal('scan'), progress: JobStateSchema.shape.progress }),
  z.object({ type: z.literal('session'), status: SessionStatusSchema }),
  z.object({ type: z.literal('bulk'), state: BulkStateSchema }),
]);
export type AppEvent = z.infer<typeof EventSchema>;

/** What a call answers on failure: one sentence saying what happened and what to do. */
export const CallErrorSchema = z.object({ error: z.string(), code: z.string().nullable() });

/**
 * The object the preload exposes as `window.twinarchive`: one named method per call of the
 * contract and nothing else (no generic invoke of arbitrary channels). The dev bridge client
 * has the same shape.
 */
export type TwinArchiveApi = { readonly [N in CallName]: (args: CallArgs<N>) => Promise<CallResult<N>> } & {
  onEvent(listener: (event: AppEvent) => void): () => void;
};

export const CALL_NAMES = Object.keys(CONTRACT) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(CONTRACT, name);
}

/** Thrown on the UI side when a call fails; `message` is the sentence to show. */
export class CallFailedError extends Error {
  override readonly name = 'CallFailedError';
  readonly code: string | null;

  constructor(message: string, code: string | null) {
    super(message);
    this.code = code;
  }
}

/**
 * Builds the API object over a transport: arguments are validated before they leave and
 * results when they arrive, so a bug on either side fails loudly at the boundary.
 */
export function createApi(
  invoke: (name: CallName, args: unknown) => Promise<unknown>,
  subscribe: (listener: (event: AppEvent) => void) => () => void,
): TwinArchiveApi {
  const api: Record<string, unknown> = {
    onEvent: (listener: (event: AppEvent) => void) =>
      subscribe((event) => {
        const parsed = EventSchema.safeParse(event);
        if (parsed.success) listener(parsed.data);
      }),
  };
  for (const name of CALL_NAMES) {
    const { args: argsSchema, result: resultSchema } = CONTRACT[name];
    api[name] = async (args: unknown) => {
      const parsedArgs = (argsSchema as z.ZodType).parse(args);
      return (resultSchema as z.ZodType).parse(await invoke(name, parsedArgs));
    };
  }
  return Object.freeze(api) as TwinArchiveApi;
}
