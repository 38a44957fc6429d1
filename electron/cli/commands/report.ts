import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from '../../../shared/format.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import type { AccountScope } from '../../core/library/account-scope.ts';
import type { Library } from '../../core/library/library.ts';
import { accountsWithScans, withReadSnapshot } from '../../core/library/report-data-queries.ts';
import { changesCsvChunks } from '../../core/report/render-csv.ts';
import { reportChunks } from '../../core/report/report-chunks.ts';
import type { ReportData } from '../../core/report/report-data.ts';
import { reportDataOfLibrary } from '../../core/report/report-data-library.ts';
import { createReportFormat } from '../../core/report/report-format.ts';
import { writeChunksAtomic } from '../../core/report/write-chunks-atomic.ts';
import { loadCurrentRuleSet } from '../../core/rules/load-rule-set.ts';
import { ACCOUNT_OPTIONS, parseBaseUrl, resolveAccount, type AccountOptionValues } from '../account-options.ts';
import { writeLine, type CliIo } from '../cli-io.ts';
import { DATA_DIR_OPTION, openLibraryIn, resolveDataDir } from '../data-dir-option.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { sanitizeForTerminal } from '../format-scan.ts';
import { parseOptions, requireOption } from '../parse-options.ts';
import { createProgressPrinter } from '../progress-line.ts';
import { scanIntoLibraryWithSettings } from '../scan-with-options.ts';
import { UsageError } from '../usage-error.ts';

const FORMATS = ['csv', 'json', 'html', 'changes-csv'] as const;
type ReportFileFormat = (typeof FORMATS)[number];
const LANGUAGES = ['en', 'nl'] as const;
/** Options that sign in or change verdicts: meaningless for a scan already made. */
const SCAN_ONLY: readonly (keyof AccountOptionValues)[] = ['login', 'password-env', 'cookies', 'eu-login-email', 'margin', 'concurrency'];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}${value === undefined ? '' : `, not "${value}"`}.`);
}

/** Which account's last scan to report when no platform is asked: the only one, or the one named. */
function chooseAccount(library: Library, source: string | null, accountId: string | undefined): AccountScope {
  const accounts = accountsWithScans(library, source).filter((account) => accountId === undefined || account.accountId === accountId);
  const [only] = accounts;
  if (only !== undefined && accounts.length === 1) return { source: only.source, accountId: only.accountId };
  const where = `${source === null ? '' : ` of ${source}`}${accountId === undefined ? '' : ` for account ${sanitizeForTerminal(accountId)}`}`;
  if (accounts.length === 0) {
    throw new UsageError(`The library ${library.file} holds no finished scan${where}: run "twinarchive scan" first, or check --data-dir, --source and --account.`);
  }
  const choices = accounts.slice(0, 20).map((account) =>
    `  --source ${account.source} --account ${sanitizeForTerminal(account.accountId)}   (${sanitizeForTerminal(account.name)}, scanned ${account.finishedAt ?? '?'})`);
  throw new UsageError(`The library holds scans of ${accounts.length} accounts${where}: say which with --source and --account:\n${choices.join('\n')}`);
}

function chunksOf(format: ReportFileFormat, data: ReportData, ruleSet: RuleSet, lang: 'en' | 'nl'): Iterable<string> {
  return format === 'changes-csv' ? changesCsvChunks(data.allChanges()) : reportChunks(format, data, ruleSet, lang);
}

function describeWritten(format: ReportFileFormat, data: ReportData, ruleSet: RuleSet, bytes: number, out: string): string {
  const size = formatBytes(bytes);
  if (format !== 'changes-csv') return `Wrote the ${format.toUpperCase()} report of ${data.summary.totals.items} items (${size}) to ${out}`;
  const { changes } = data;
  if (changes === null) return `Wrote an empty list of changes to ${out}: this is the account's first scan, there is nothing to compare it with.`;
  const count = changes.spaces.added + changes.spaces.removed + changes.spaces.verdict + changes.items.added + changes.items.removed + changes.items.verdict;
  const since = createReportFormat('en-GB', ruleSet.timeZone).dateTime(changes.previousScannedAt);
  return `Wrote the ${count} changes since the scan of ${since} (${size}) to ${out}`;
}

/**
 * `twinarchive report`: the NSO preview of an account, as CSV, JSON or one HTML file (or the
 * changes since the previous scan as CSV). It scans the account into the library first, or with
 * --from-library reports the last finished scan without contacting the platform. Built from the
 * index row by row and written through a temporary file: never a partial report under --out.
 */
export async function runReport(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, {
    ...ACCOUNT_OPTIONS,
    ...DATA_DIR_OPTION,
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    'from-library': { type: 'boolean' },
    account: { type: 'string' },
  });
  const format = oneOf(values.format, FORMATS, 'format');
  const lang = oneOf(values.lang, LANGUAGES, 'lang', 'en');
  const out = path.resolve(requireOption(values.out, 'out'));
  const fromLibrary = values['from-library'] === true;
  if (fromLibrary) {
    const extra = SCAN_ONLY.filter((name) => values[name] !== undefined);
    if (extra.length > 0) {
      throw new UsageError(`--from-library reports the last scan in the library without signing in: leave out ${extra.map((name) => `--${name}`).join(', ')}.`);
    }
  } else if (values.account !== undefined) {
    throw new UsageError('--account picks a scan in the library: use it with --from-library.');
  }
  const folder = path.dirname(out);
  if (!(await stat(folder).catch(() => null))?.isDirectory()) {
    throw new UsageError(`The folder ${folder} does not exist: create it, or choose another --out.`);
  }

  const library = openLibraryIn(resolveDataDir(values['data-dir'], io));
  try {
    let scope: AccountScope;
    let ruleSet: RuleSet;
    if (fromLibrary) {
      scope = chooseAccount(library, values.source === undefined ? null : parseBaseUrl(values.source), values.account);
      ruleSet = loadCurrentRuleSet();
    } else {
      const settings = await resolveAccount(values, io);
      const stderr = io.stderr as typeof io.stderr & { isTTY?: boolean };
      const progress = stderr.isTTY ? createProgressPrinter(stderr) : null;
      const run = await scanIntoLibraryWithSettings(settings, library, signal, progress ? (update) => progress.update(update) : undefined)
        .finally(() => progress?.end());
      scope = { source: run.source, accountId: run.accountId };
      ruleSet = settings.rules.ruleSet;
    }
    const message = await withReadSnapshot(library, async () => {
      const data = reportDataOfLibrary(library, scope);
      const bytes = await writeChunksAtomic(out, chunksOf(format, data, ruleSet, lang), { signal });
      return describeWritten(format, data, ruleSet, bytes, out);
    });
    writeLine(io.stderr, message);
    return EXIT_OK;
  } finally {
    library.close();
  }
}
