import path from 'node:path';
import { formatBytes } from '../../../shared/format.ts';
import { DEFAULT_ACCOUNTS_AT_ONCE, runBulkJob, type BulkJobResult } from '../../core/jobs/bulk/run-bulk-job.ts';
import { bulkReportTotals } from '../../core/report/bulk-report-model.ts';
import { loadCurrentRuleSet } from '../../core/rules/load-rule-set.ts';
import { parseBaseUrl } from '../account-options.ts';
import { loadJobFile } from '../bulk-accounts.ts';
import { createBulkProgressPrinter } from '../bulk-progress.ts';
import { writeLine, type CliIo } from '../cli-io.ts';
import { DATA_DIR_OPTION, openLibraryIn, resolveDataDir } from '../data-dir-option.ts';
import { describeFailure } from '../describe-failure.ts';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.ts';
import { sanitizeForTerminal } from '../format-scan.ts';
import { integerOption, parseOptions, requireOption } from '../parse-options.ts';
import { UsageError } from '../usage-error.ts';
import { DEFAULT_SPLIT_SIZE } from './archive.ts';

export const BULK_OPTIONS = {
  source: { type: 'string' },
  out: { type: 'string' },
  concurrency: { type: 'string' },
  'accounts-at-once': { type: 'string' },
  margin: { type: 'string' },
  ...DATA_DIR_OPTION,
} as const;

const DEFAULT_CONCURRENCY = 4;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatBulkResult(result: BulkJobResult): string {
  const { report } = result;
  const totals = bulkReportTotals(report);
  const counts = [`${totals.done} done`];
  if (totals.failed > 0) counts.push(`${totals.failed} failed`);
  if (totals.notFinished > 0) counts.push(`${totals.notFinished} not finished`);
  const lines = [`Bulk run of ${plural(totals.accounts, 'account')}: ${counts.join(', ')}.`];
  for (const account of report.accounts) {
    const head = `  [${account.position}/${totals.accounts}] ${sanitizeForTerminal(account.login)} -> ${sanitizeForTerminal(account.folder)}`;
    if (account.status === 'done') {
      const notices = account.problems.length > 0 ? `; ${plural(account.problems.length, 'item')} kept as notices only` : '';
      lines.push(`${head}: done, ${plural(account.items, 'item')} (${formatBytes(account.bytes)}) in ${plural(account.archives.length, 'archive')}${notices}`);
    } else {
      lines.push(`${head}: ${account.status === 'failed' ? 'failed' : 'not finished'}: ${sanitizeForTerminal(account.error ?? 'not started yet')}`);
    }
  }
  lines.push(`Archived in all: ${plural(totals.items, 'item')} (${formatBytes(totals.bytes)}).`);
  if (result.reportFiles) lines.push(`Run report: ${result.reportFiles.html} and ${result.reportFiles.csv}`);
  if (totals.done < totals.accounts) lines.push('Run the same command again to retry what failed and finish the rest.');
  return `${lines.join('\n')}\n`;
}

/**
 * `twinarchive bulk`: many accounts from a job file in one unattended, resumable run, with one
 * politeness limit for the platform and a run report (HTML and CSV) in the output folder.
 */
export async function runBulk(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseOptions(args, BULK_OPTIONS, true);
  const [given, ...extra] = positionals;
  if (given === undefined || extra.length > 0) {
    throw new UsageError('Give one job file: twinarchive bulk --source URL JOBFILE [--out DIR]. Run "twinarchive help" for the options.');
  }
  const jobFile = path.resolve(given);
  const baseUrl = parseBaseUrl(requireOption(values.source, 'source'));
  const outRoot = path.resolve(values.out ?? path.dirname(jobFile));
  const concurrency = integerOption(values.concurrency, 'concurrency', 1, 64) ?? DEFAULT_CONCURRENCY;
  const accountsAtOnce = integerOption(values['accounts-at-once'], 'accounts-at-once', 1, 16) ?? DEFAULT_ACCOUNTS_AT_ONCE;
  const ruleSet = loadCurrentRuleSet();
  const margin = integerOption(values.margin, 'margin', ruleSet.margin.min, ruleSet.margin.max) ?? ruleSet.margin.default;
  const dataDir = resolveDataDir(values['data-dir'], io);
  const accounts = await loadJobFile({ jobFile, outRoot, env: io.env, ruleSet, margin });

  const library = openLibraryIn(dataDir, 'job');
  const progress = createBulkProgressPrinter(io.stderr);
  try {
    const result = await runBulkJob({
      sourceUrl: baseUrl, outRoot, accounts, library, dataDir, include: 'at-risk', splitSize: DEFAULT_SPLIT_SIZE,
      concurrency, accountsAtOnce, describeError: (error) => describeFailure(error).message,
      onEvent: (event) => progress.update(event), signal,
    });
    progress.end();
    io.stdout.write(formatBulkResult(result));
    if (result.reportError !== null) writeLine(io.stderr, `The run report could not be written to ${outRoot}: ${result.reportError}`);
    if (signal.aborted) writeLine(io.stderr, 'Stopped. Run the same command again to carry on where it stopped.');
    const totals = bulkReportTotals(result.report);
    const complete = totals.done === totals.accounts && result.report.accounts.every((account) => account.problems.length === 0);
    return complete && result.reportError === null ? EXIT_OK : EXIT_FAILED;
  } finally {
    progress.end();
    library.close();
  }
}
