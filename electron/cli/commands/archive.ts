import path from 'node:path';
import { formatBytes } from '../../../shared/format.ts';
import { runArchiveJob, type ArchiveJobResult } from '../../core/jobs/archive-job.ts';
import { createPlatformClient } from '../../core/platform-client/platform-client.ts';
import { ACCOUNT_OPTIONS, resolveAccount } from '../account-options.ts';
import { writeLine, type CliIo } from '../cli-io.ts';
import { DATA_DIR_OPTION, openLibraryIn, resolveDataDir } from '../data-dir-option.ts';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.ts';
import { sanitizeForTerminal } from '../format-scan.ts';
import { integerOption, parseOptions, requireOption } from '../parse-options.ts';
import { createProgressPrinter } from '../progress-line.ts';
import { UsageError } from '../usage-error.ts';

export const DEFAULT_SPLIT_SIZE = 4 * 1024 ** 3;
const MIN_SPLIT_SIZE = 1024 * 1024;

export const ARCHIVE_OPTIONS = {
  ...ACCOUNT_OPTIONS,
  ...DATA_DIR_OPTION,
  out: { type: 'string' },
  spaces: { type: 'string' },
  include: { type: 'string' },
  'split-size': { type: 'string' },
  json: { type: 'boolean' },
} as const;

function parseSpaces(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const ids = value.split(',').map((id) => id.trim()).filter((id) => id.length > 0);
  if (ids.length === 0) throw new UsageError('--spaces needs at least one space id, e.g. --spaces g-1001,personal.');
  return ids;
}

function parseInclude(value: string | undefined): 'at-risk' | 'all' {
  if (value === undefined || value === 'at-risk' || value === 'all') return value ?? 'at-risk';
  throw new UsageError(`--include must be at-risk or all, not "${value}".`);
}

export function formatArchiveResult(result: ArchiveJobResult): string {
  const lines = [
    `${result.resumed ? 'Resumed and finished' : 'Finished'}: ${result.items} items (${formatBytes(result.bytes)}) of ${sanitizeForTerminal(result.scan.account.name)} in ${result.archives.length} archive${result.archives.length === 1 ? '' : 's'}:`,
    ...result.archives.map((archive) => `  ${archive.path}  (${archive.items} items, ${formatBytes(archive.size)}${archive.earlier ? ', from an earlier run' : ''})`),
  ];
  if (result.problems.length > 0) {
    lines.push('', `${result.problems.length} item${result.problems.length === 1 ? '' : 's'} could not be fetched and are kept as notices only:`);
    for (const problem of result.problems) lines.push(`  ${problem.itemId} ${sanitizeForTerminal(problem.title)}: ${problem.problem}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `twinarchive archive`: everything at risk (or all) into verified ZIPs, indexed, resumable. */
export async function runArchive(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, ARCHIVE_OPTIONS);
  const outDir = path.resolve(requireOption(values.out, 'out'));
  const include = parseInclude(values.include);
  const spaces = parseSpaces(values.spaces);
  const splitSize = integerOption(values['split-size'], 'split-size', MIN_SPLIT_SIZE, Number.MAX_SAFE_INTEGER) ?? DEFAULT_SPLIT_SIZE;
  const dataDir = resolveDataDir(values['data-dir'], io);
  const settings = await resolveAccount(values, io);
  const library = openLibraryIn(dataDir, 'job');
  const client = createPlatformClient({ baseUrl: settings.baseUrl, credentials: settings.credentials, concurrency: settings.concurrency, signal });
  const progress = createProgressPrinter(io.stderr);
  try {
    const result = await runArchiveJob({
      client, sourceUrl: settings.baseUrl, rules: settings.rules, library, dataDir, outDir, include, spaces,
      splitSize, concurrency: settings.concurrency, signal, onProgress: (update) => progress.update(update),
    });
    progress.end();
    io.stdout.write(values.json ? `${JSON.stringify(toJson(result))}\n` : formatArchiveResult(result));
    return result.problems.length > 0 ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    progress.end();
    if (signal.aborted) writeLine(io.stderr, 'Stopped. Run the same command again to carry on where it stopped.');
    throw error;
  } finally {
    await client.close();
    library.close();
  }
}

function toJson(result: ArchiveJobResult) {
  return {
    jobId: result.jobId,
    account: result.scan.account,
    items: result.items,
    bytes: result.bytes,
    resumed: result.resumed,
    archives: result.archives,
    problems: result.problems,
    totals: result.scan.totals,
  };
}
